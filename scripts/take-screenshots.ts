/**
 * Takes the README's pictures of the app as a student sees it: the built `neurite serve` with
 * an empty data folder, driven by headless Debian Chromium through the same page objects as
 * the end-to-end tests, so the pictures show real projects, real data and a real training run.
 *
 * Run: npm run build && npm run screenshots   (writes docs/images/*.png)
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/harness/browser';
import { REPO_ROOT, startNeuriteServer } from '../tests/e2e/harness/neurite-server';
import { DataPanelPage } from '../tests/e2e/harness/pages/data-panel-page';
import { InspectorPage } from '../tests/e2e/harness/pages/inspector-page';
import { ProjectsPage } from '../tests/e2e/harness/pages/projects-page';
import { TrainingPage } from '../tests/e2e/harness/pages/training-page';
import { WorkspacePage } from '../tests/e2e/harness/pages/workspace-page';

const OUT_DIR = path.join(REPO_ROOT, 'docs', 'images');

async function picture(page: Page, name: string): Promise<void> {
  // Let charts and fonts settle; the pictures are of a page at rest.
  await page.waitForTimeout(600);
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

async function main(): Promise<void> {
  const server = await startNeuriteServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();

    // A few projects, so the start screen shows what a class's work looks like.
    for (const [name, template] of [
      ['Digits with a small CNN', 'Small CNN'],
      ['Iris flowers', 'Softmax regression'],
    ] as const) {
      await WorkspacePage.create(page, server.url, { name, template });
      await page.locator('.react-flow__node').first().waitFor();
    }

    // LeNet-5 in the editor, its second convolution selected so the inspector shows.
    const lenet = await WorkspacePage.create(page, server.url, {
      name: 'LeNet-5 on MNIST',
      template: 'LeNet-5',
    });
    await page.locator('.react-flow__node').first().waitFor();
    await page.locator('.react-flow__node', { hasText: 'Conv2D' }).nth(1).click();
    await picture(page, 'editor');

    const data = await DataPanelPage.open(lenet);
    await data.waitForPreview('MNIST digits');
    await picture(page, 'data');

    // XOR, trained with its template's settings until it is right on all four rows.
    const xor = await WorkspacePage.create(page, server.url, { name: 'XOR', template: 'XOR' });
    const training = await TrainingPage.open(xor);
    await training.start();
    await training.waitForStatus(/^Finished/, 120_000);
    await picture(page, 'training');

    await ProjectsPage.open(page, server.url);
    await picture(page, 'projects');

    const inspector = await InspectorPage.open(page, server.url);
    await inspector.selectTemplate('LeNet-5');
    await picture(page, 'inspector');
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

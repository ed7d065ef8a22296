/**
 * Takes the README's pictures of the app as a student sees it: the built `neurite serve` with
 * an empty data folder, driven by headless Debian Chromium through the same page objects as
 * the end-to-end tests, so the pictures show real projects, real data and a real training run.
 *
 * Run: npm run build && npm run screenshots   (writes docs/images/*.png)
 * Or name the pictures to take again: npm run screenshots -- inside
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/harness/browser';
import { REPO_ROOT, startNeuriteServer } from '../tests/e2e/harness/neurite-server';
import { CodePanelPage } from '../tests/e2e/harness/pages/code-panel-page';
import { DataPanelPage } from '../tests/e2e/harness/pages/data-panel-page';
import { InspectorPage } from '../tests/e2e/harness/pages/inspector-page';
import { ProjectsPage } from '../tests/e2e/harness/pages/projects-page';
import { TrainingPage } from '../tests/e2e/harness/pages/training-page';
import { WorkspacePage } from '../tests/e2e/harness/pages/workspace-page';

const OUT_DIR = path.join(REPO_ROOT, 'docs', 'images');
/** The pictures asked for on the command line; none named means all of them. */
const ONLY = process.argv.slice(2);
const wanted = (name: string) => ONLY.length === 0 || ONLY.includes(name);

async function picture(page: Page, name: string): Promise<void> {
  // Let charts and fonts settle; the pictures are of a page at rest.
  await page.waitForTimeout(600);
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

/**
 * LeNet-5 trained for two epochs on the first 3,000 digits, looked into: a validation digit it
 * gets wrong, with its probabilities, Grad-CAM map and the first convolution's feature maps.
 */
async function insidePicture(page: Page, url: string): Promise<void> {
  const workspace = await WorkspacePage.create(page, url, {
    name: 'LeNet-5, looked into',
    template: 'LeNet-5',
  });
  const data = await DataPanelPage.open(workspace);
  await data.waitForPreview('MNIST digits');
  const examples = data.root.getByRole('spinbutton', { name: 'Examples', exact: true });
  await examples.fill('3000');
  await examples.press('Tab');
  await workspace.waitForSaved();
  const training = await TrainingPage.open(workspace);
  await training.field('Epochs').fill('2');
  await training.start();
  await training.waitForStatus(/^Finished/, 300_000);
  const inside = training.panel.getByRole('region', { name: 'Inside this run' });
  await inside.getByRole('radio', { name: 'Validation' }).check();
  await inside.getByRole('combobox', { name: 'Show' }).selectOption('mistakes');
  const gallery = inside.getByRole('list', { name: 'Examples' });
  await gallery.getByRole('button').first().click({ timeout: 60_000 });
  const details = inside.getByRole('region', { name: /^Example \d+: / });
  await details.getByRole('combobox', { name: 'Method' }).selectOption('gradcam');
  await details.getByRole('img', { name: /^Grad-CAM map of / }).waitFor();
  await details.getByRole('list', { name: 'Feature maps of c1' }).waitFor();
  // Taller than the other pictures: the mistakes and one of them up close, together.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1360, height: 1280 });
  // As a string: this script is typed without the page's DOM.
  await details.evaluate('element => element.scrollIntoView({ block: "end" })');
  await picture(page, 'inside');
  if (viewport) await page.setViewportSize(viewport);
}

/** LeNet-5 in the editor with the Code panel open on its PyTorch code. */
async function codePicture(page: Page, url: string): Promise<void> {
  await WorkspacePage.create(page, url, { name: 'LeNet-5 as code', template: 'LeNet-5' });
  await page.locator('.react-flow__node').first().waitFor();
  const code = new CodePanelPage(page);
  await code.open();
  await code.chooseLanguage('PyTorch');
  await picture(page, 'code');
}

/** Pictures taken on their own, each from its own project. */
const OWN_PICTURES = ['inside', 'code'];

async function main(): Promise<void> {
  const server = await startNeuriteServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();

    if (wanted('inside')) await insidePicture(page, server.url);
    if (wanted('code')) await codePicture(page, server.url);
    if (ONLY.length > 0 && ONLY.every((name) => OWN_PICTURES.includes(name))) return;

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

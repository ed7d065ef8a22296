import type { Page } from 'playwright-core';
import { describe, expect, test } from './harness/fixtures';
import { ProjectsPage } from './harness/pages/projects-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/** From every screen, a written-out "← Projects" in the header leads back to the projects. */

async function backToProjects(page: Page): Promise<void> {
  const link = page.locator('header').getByRole('link', { name: 'Projects', exact: true });
  expect(await link.isVisible()).toBe(true);
  expect(((await link.textContent()) ?? '').trim()).toBe('← Projects');
  await link.click();
  await ProjectsPage.attach(page);
  expect(new URL(page.url()).hash).toBe('#/');
}

describe('the way back to the projects', () => {
  test('is in the header of every screen but the projects themselves', async ({
    server,
    page,
    pageErrors,
  }) => {
    await ProjectsPage.open(page, server.url);
    // The projects screen itself has none.
    expect(
      await page.locator('header').getByRole('link', { name: 'Projects', exact: true }).count(),
    ).toBe(0);

    await WorkspacePage.create(page, server.url, { name: 'Somewhere', template: 'XOR' });
    await backToProjects(page);

    for (const hash of ['#/trash', '#/inspector', '#/editor/xor-mlp']) {
      const address = new URL(server.url);
      address.hash = hash;
      await page.goto(address.toString());
      await page.locator('header .brand-screen').waitFor();
      await backToProjects(page);
    }
    expect(pageErrors).toEqual([]);
  });
});

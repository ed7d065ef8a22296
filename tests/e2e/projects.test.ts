import { describe, expect, test } from './harness/fixtures';
import { ProjectsPage } from './harness/pages/projects-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('projects and autosave in browser mode', () => {
  test('creates a project from a template, autosaves an edit, restores an older version', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const projects = await ProjectsPage.open(page, server.url);
    expect(await projects.projectNames()).toEqual([]);
    await expect(page.getByText('No projects yet').isVisible()).resolves.toBe(true);

    await projects.create({ name: 'My XOR', template: 'XOR' });
    const workspace = await WorkspacePage.attach(page);
    expect(await workspace.projectName()).toBe('My XOR');
    expect(await workspace.tab('Network').getAttribute('aria-selected')).toBe('true');
    const layers = workspace.panel('Network').locator('.react-flow__node');
    await layers.first().waitFor();
    expect(await layers.count()).toBe(4);
    expect(await workspace.saveState()).toBe('saved');

    // Delete the hidden layer: the change is saved without the user doing anything.
    await page.locator('.react-flow__node[data-id="hidden"]').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => layers.count()).toBe(3);
    await workspace.waitForSaved();

    await workspace.rename('XOR, first try');
    await expect.poll(() => workspace.projectName()).toBe('XOR, first try');

    // Reload: the project is as it was left.
    await page.reload();
    const reloaded = await WorkspacePage.attach(page);
    await layers.first().waitFor();
    expect(await layers.count()).toBe(3);
    expect(await reloaded.projectName()).toBe('XOR, first try');

    // History lists both versions; restoring the first brings the hidden layer back.
    expect(await reloaded.revisions()).toEqual([
      '3 layers, 1 connection',
      '4 layers, 3 connections',
    ]);
    // Each version says what changed, not only how many layers it has.
    expect(await reloaded.revisionChanges()).toEqual(['Removed Dense', 'First saved version']);
    await screenshot('history');
    await reloaded.restoreRevision(1);
    await expect.poll(() => layers.count()).toBe(4);
    expect(await reloaded.message()).toMatch(/^Restored the network as it was at /);
    await page.reload();
    await WorkspacePage.attach(page);
    await layers.first().waitFor();
    expect(await layers.count()).toBe(4);

    // Back on the projects screen the card shows a picture of the network.
    await page.getByRole('link', { name: 'All projects' }).click();
    const list = await ProjectsPage.attach(page);
    expect(await list.projectNames()).toEqual(['XOR, first try']);
    expect(await list.card('XOR, first try').locator('img').getAttribute('src')).toMatch(
      /^data:image\/png;base64,/,
    );
    await screenshot('projects');
    expect(pageErrors).toEqual([]);
  });

  test('duplicates, trashes and restores projects; an empty project starts blank', async ({
    server,
    page,
    pageErrors,
  }) => {
    const projects = await ProjectsPage.open(page, server.url);
    await projects.create({ name: 'Blank' });
    const workspace = await WorkspacePage.attach(page);
    await workspace.panel('Network').locator('.react-flow').waitFor();
    expect(await workspace.panel('Network').locator('.react-flow__node').count()).toBe(0);

    await page.getByRole('link', { name: 'All projects' }).click();
    const list = await ProjectsPage.attach(page);
    await list.duplicate('Blank');
    await list.waitForNames(['Blank', 'Copy of Blank']);
    await list.moveToTrash('Blank');
    await list.waitForNames(['Copy of Blank']);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/Moved “Blank” to the trash/);

    await page.getByRole('link', { name: 'Trash' }).click();
    const trash = await ProjectsPage.attach(page);
    await trash.waitForNames(['Blank']);
    await trash.card('Blank').getByRole('button', { name: 'Restore' }).click();
    await trash.waitForNames([]);
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await (await ProjectsPage.attach(page)).waitForNames(['Blank', 'Copy of Blank']);
    expect(pageErrors).toEqual([]);
  });
});

import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { EditorPage } from './harness/pages/editor-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('a warning that will ruin training', () => {
  test('is shown on its card, counted in the footer, does not "fit" in the data panel, and Start asks once', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR with a linear head',
      template: 'XOR',
    });
    await workspace.openTab('Network');
    const editor = await EditorPage.attach(page);
    await editor.selectNode('prediction');
    await editor.field('Activation').selectOption('linear');
    expect(await editor.summary()).toMatchObject({ Errors: '0', Warnings: '1' });
    // The card the warning is about says it too, on one line.
    await expect
      .poll(() => page.locator('.layer-node-warning').allTextContents())
      .toEqual([expect.stringMatching(/^⚠ .*Binary cross-entropy, which expects Sigmoid/)]);
    await workspace.waitForSaved();

    const data = await DataPanelPage.open(workspace);
    await data.waitForPreview('XOR gate');
    expect(await data.fitHeading()).not.toMatch(/^Fits/);

    const training = await TrainingPage.open(workspace);
    await training.start();
    const dialog = page.getByRole('dialog', { name: 'Train with this warning?' });
    expect(await dialog.textContent()).toMatch(/Binary cross-entropy, which expects Sigmoid/);
    await screenshot('asks');
    await dialog.getByRole('button', { name: 'Go back' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await training.status()).toMatch(/^Not started/);

    await training.start();
    await dialog.getByRole('button', { name: 'Train anyway' }).click();
    await training.waitForStatus(/^Finished/);
    // The same network again: no second question.
    await training.start();
    await training.waitForStatus(/^(Training|Finished)/);
    expect(await dialog.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/** Digits used, to keep one epoch of LeNet-5 short on two CPU cores. */
const DIGITS = 1500;

describe('training LeNet-5 on MNIST in browser mode', () => {
  test('one epoch ends with a 10-class confusion matrix counting every evaluated digit', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Digits',
      template: 'LeNet',
    });
    // Use the first digits only, in the Data tab.
    const data = await DataPanelPage.open(workspace);
    await data.waitForPreview('MNIST');
    const examples = data.root.getByRole('spinbutton', { name: 'Examples', exact: true });
    await examples.fill(String(DIGITS));
    await examples.press('Tab');
    // The panel takes the new choice once the smaller set has loaded; then it is saved.
    await expect.poll(() => data.fact('Examples'), { timeout: 15_000 }).toMatch(/^1,500\b/);
    await workspace.waitForSaved();
    const training = await TrainingPage.open(workspace);
    expect(await training.datasetName()).toBe(`MNIST digits (first 1,500)`);
    const validationFraction = Number(await training.field('Validation fraction').inputValue());

    await training.field('Epochs').fill('1');
    await training.start();
    await training.waitForStatus(/^Finished/, 50_000);

    const matrix = await training.confusionMatrix();
    expect(matrix.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(matrix.counts).toHaveLength(10);
    const validated = Math.round(DIGITS * validationFraction);
    const total = (counts: number[][]) => counts.flat().reduce((sum, n) => sum + n, 0);
    expect(total(matrix.counts)).toBe(validated);
    // After one epoch most digits are already on the diagonal.
    const right = matrix.counts.reduce((sum, row, i) => sum + row[i]!, 0);
    expect(right / validated).toBeGreaterThan(0.5);
    await training.panel.locator('.final-results').scrollIntoViewIfNeeded();
    await screenshot('finished');

    await training.panel.getByRole('button', { name: 'Training', exact: true }).click();
    await expect
      .poll(async () => total((await training.confusionMatrix()).counts))
      .toBe(DIGITS - validated);
    expect(pageErrors).toEqual([]);
  });
});

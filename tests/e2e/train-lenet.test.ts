import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/** Digits used, to keep one epoch of LeNet-5 short on two CPU cores. */
const DIGITS = 1500;

describe('training LeNet-5 on MNIST in browser mode', () => {
  test('one epoch ends with a 10-class confusion matrix; inside it, the mistakes of a cell, why, and a drawn digit', async ({
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
    await expect.poll(() => training.datasetName()).toBe(`MNIST digits (first 1,500)`);
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

    // Inside the run, right under its results: the validation digits it got wrong.
    const inside = training.panel.getByRole('region', { name: 'Inside this run' });
    await inside.getByRole('radio', { name: 'Validation' }).check();
    const gallery = inside.getByRole('list', { name: 'Examples' });
    // The validation digits are listed (the page below stops moving).
    await expect
      .poll(() => inside.getByText(new RegExp(`^Examples 1–24 of ${validated}\\.`)).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await inside.getByText('Mistakes: the confusion matrix').click();
    const insideMatrix = inside.locator('[data-chart="confusion-matrix"]');
    await insideMatrix.locator('.main-svg').first().waitFor({ timeout: 30_000 });
    // Computed again from the saved weights, it is the matrix training reported.
    const counts = await insideMatrix.evaluate((div) =>
      ((div as unknown as { data: { z: number[][] }[] }).data[0]!.z ?? []).map((row) =>
        Array.from(row),
      ),
    );
    expect(counts).toEqual(matrix.counts);
    // Click the cell holding the commonest mistake, where the chart draws it.
    const worst = counts
      .flatMap((row, label) => row.map((count, predicted) => ({ label, predicted, count })))
      .filter((cell) => cell.label !== cell.predicted)
      .sort((a, b) => b.count - a.count)[0]!;
    expect(worst.count).toBeGreaterThan(0);
    const box = await insideMatrix.evaluate((div, cell) => {
      const layout = (
        div as unknown as {
          _fullLayout: Record<'xaxis' | 'yaxis', { _offset: number; d2p(v: string): number }>;
        }
      )._fullLayout;
      const plot = div.querySelector('.main-svg')!.getBoundingClientRect();
      return {
        x: plot.left + layout.xaxis._offset + layout.xaxis.d2p(String(cell.predicted)),
        y: plot.top + layout.yaxis._offset + layout.yaxis.d2p(String(cell.label)),
      };
    }, worst);
    await page.mouse.click(box.x, box.y);
    const wrongWay = `${worst.predicted}, should be ${worst.label}`;
    await expect
      .poll(() => gallery.getByRole('button').evaluateAll((b) => b.map((x) => x.ariaLabel)), {
        timeout: 30_000,
      })
      .toEqual(
        Array.from({ length: Math.min(24, worst.count) }, () => expect.stringContaining(wrongWay)),
      );

    // One of them up close: why, by saliency and by Grad-CAM, and what C1 sees.
    await gallery.getByRole('button').first().click();
    const details = inside.getByRole('region', { name: /^Example \d+: / });
    const probabilities = details.getByRole('list', { name: 'Class probabilities' });
    await expect.poll(() => probabilities.getByRole('listitem').count()).toBe(10);
    await details.getByRole('img', { name: /^Saliency map of example \d+$/ }).waitFor();
    await details.getByRole('combobox', { name: 'Method' }).selectOption('gradcam');
    await details.getByRole('img', { name: /^Grad-CAM map of example \d+$/ }).waitFor();
    const c1 = details.getByRole('list', { name: 'Feature maps of c1' });
    await expect.poll(() => c1.getByRole('img').count(), { timeout: 30_000 }).toBe(6);
    await details.scrollIntoViewIfNeeded();
    await screenshot('inside-mistake');

    // A digit of one's own, drawn on the pad: a 1, one stroke down the middle.
    await inside.getByText('Make your own example').click();
    const pad = inside.locator('canvas.inside-draw-pad');
    const area = (await pad.boundingBox())!;
    await page.mouse.move(area.x + area.width / 2, area.y + area.height * 0.2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) {
      await page.mouse.move(area.x + area.width / 2, area.y + area.height * (0.2 + step * 0.06));
    }
    await page.mouse.up();
    const mine = inside.getByRole('region', { name: /^Your example: \d$/ });
    await expect
      .poll(
        () => mine.getByRole('list', { name: 'Class probabilities' }).getByRole('listitem').count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(10);
    await mine.scrollIntoViewIfNeeded();
    await screenshot('inside-drawn');
    expect(pageErrors).toEqual([]);
  });
});

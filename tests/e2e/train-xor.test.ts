import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('training the XOR template in browser mode', () => {
  test('trains with the defaults to 100%, then pauses, steps, resumes and stops a longer run', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR lab',
      template: 'XOR',
    });
    const training = await TrainingPage.open(workspace);

    // The template brought its data set (named once the list of data sets is in) and settings.
    await expect.poll(() => training.datasetName()).toBe('XOR gate');
    expect(await training.field('Epochs').inputValue()).toBe('300');
    expect(await training.field('Learning rate').inputValue()).toBe('0.05');

    await training.start();
    await training.waitForStatus(/^Finished/);
    // Every epoch is on the chart by the time the run says it finished.
    const epochLoss = await training.series('loss', 'Training loss per epoch');
    expect(epochLoss).toHaveLength(300);
    expect(epochLoss.at(-1)!).toBeLessThan(epochLoss[0]! / 2);
    expect(await training.series('metric', 'Training accuracy')).toContain(1);
    const results = await training.resultsTable();
    expect(results[0]).toContain('Accuracy');
    const accuracyColumn = results[0]!.indexOf('Accuracy');
    expect(results.find((row) => row[0] === 'Training')?.[accuracyColumn]).toBe('100.0%');
    const matrix = await training.confusionMatrix();
    expect(matrix.labels).toEqual(['0', '1']);
    expect(matrix.counts).toEqual([
      [2, 0],
      [0, 2],
    ]);
    await screenshot('finished');

    // The backend badge opens the full report: which backend runs, and the others tried.
    await training.panel.getByRole('button', { name: /^Runs on / }).click();
    const report = training.panel.getByRole('region', { name: 'Backend report' });
    expect(await report.textContent()).toMatch(/in use/);

    // An impossible value is explained at its field and blocks Start until it is fixed.
    await training.field('Epochs').fill('2.5');
    expect(await training.panel.getByText('Epochs must be a whole number.').isVisible()).toBe(true);
    expect(await training.startButton.isDisabled()).toBe(true);
    expect(await training.panel.getByRole('note').textContent()).toMatch(/1 setting needs a fix/);

    // A much longer run, to have time to pause it.
    await training.field('Epochs').fill('50000');
    await training.start();
    await training.waitForStatus(/^Training/);
    await expect.poll(async () => (await training.progress()).batchEvents).toBeGreaterThan(20);
    await training.button('Pause').click();
    await training.waitForStatus(/^Paused/, 10_000);
    const paused = await training.progress();
    await page.waitForTimeout(1000);
    expect(await training.progress()).toEqual(paused);

    // Step trains exactly one batch (one epoch here: four examples, batch size 4).
    await training.button('Step one batch').click();
    await expect
      .poll(async () => (await training.progress()).batchEvents)
      .toBe(paused.batchEvents + 1);
    await page.waitForTimeout(500);
    expect((await training.progress()).batchEvents).toBe(paused.batchEvents + 1);
    expect(await training.status()).toMatch(/^Paused/);
    await screenshot('paused');

    await training.button('Resume').click();
    await training.waitForStatus(/^Training/, 10_000);
    await expect
      .poll(async () => (await training.progress()).batchEvents)
      .toBeGreaterThan(paused.batchEvents + 20);

    // A new learning rate applies while it trains, and the chart shows the change.
    await training.field('New learning rate').fill('0.01');
    await training.panel.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(async () => (await training.series('learning-rate', 'Learning rate')).at(-1), {
        timeout: 10_000,
      })
      .toBe(0.01);

    await training.button('Stop').click();
    await training.waitForStatus(/^Stopped/, 10_000);
    await expect.poll(async () => (await training.runs()).length).toBe(2);
    const runs = await training.runs();
    expect(runs[0]).toContain('Stopped');
    expect(runs[1]).toContain('Finished');

    // Both runs on the same axes, each named in the legend.
    await training.panel.getByRole('checkbox', { name: 'Show Run 1 on the charts' }).check();
    await training.panel.getByRole('checkbox', { name: 'Show Run 2 on the charts' }).check();
    await expect
      .poll(async () => (await training.traces('compare-loss')).map((t) => t.name))
      .toEqual(['Run 1: training', 'Run 2: training']);
    const compared = await training.traces('compare-loss');
    expect(compared[0]!.y).toHaveLength(300);
    await training.panel.locator('.past-runs').scrollIntoViewIfNeeded();
    await screenshot('compare');

    // Deleting asks first.
    await training.panel.getByRole('button', { name: 'Delete Run 2' }).click();
    await training.panel.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await training.runs()).length).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});

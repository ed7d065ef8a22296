import type { Locator } from 'playwright-core';
import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The boxes of everything matching `selector` inside a chart. */
async function boxes(chart: Locator, selector: string): Promise<Box[]> {
  const found: Box[] = [];
  for (const element of await chart.locator(selector).all()) {
    const box = await element.boundingBox();
    if (box && box.width > 0) found.push(box);
  }
  return found;
}

describe('the training charts', () => {
  test('draw a one-epoch run as points, with the learning rate on a readable axis', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR in one epoch',
      template: 'XOR',
    });
    const training = await TrainingPage.open(workspace);
    await training.field('Epochs').fill('1');
    await training.start();
    await training.waitForStatus(/^Finished/);

    // One epoch of one batch: its batch is drawn as a point (beside the epoch's), not as a
    // line of length zero.
    const loss = training.panel.locator('[data-chart="loss"]');
    await expect
      .poll(async () => (await boxes(loss, '.scatterlayer .point')).length)
      .toBeGreaterThanOrEqual(2);
    // The accuracy reads on 0–100%.
    const accuracy = training.panel.locator('[data-chart="metric"]');
    expect(
      await accuracy.evaluate(
        (div) =>
          (div as unknown as { _fullLayout: { yaxis: { range: number[] } } })._fullLayout.yaxis
            .range,
      ),
    ).toEqual([0, 1.04]);
    // The rate holds over the whole batch: a line from its start to its end.
    const [rateTrace] = await training.traces('learning-rate');
    expect(rateTrace?.x).toEqual([0, 1]);

    // The learning rate: 0.05 throughout, on an axis from 0 that reaches just above it.
    expect(await training.series('learning-rate', 'Learning rate')).toEqual([0.05, 0.05]);
    const rate = training.panel.locator('[data-chart="learning-rate"]');
    const range = await rate.evaluate(
      (div) =>
        (div as unknown as { _fullLayout: { yaxis: { range: number[] } } })._fullLayout.yaxis.range,
    );
    expect(range[0]).toBe(0);
    expect(range[1]).toBeGreaterThan(0.05);
    expect(range[1]).toBeLessThan(0.1);

    for (const chart of [loss, rate]) {
      // No axis title overlaps a tick label.
      const ticks = [
        ...(await boxes(chart, '.xtick text')),
        ...(await boxes(chart, '.ytick text')),
      ];
      const titles = [...(await boxes(chart, '.xtitle')), ...(await boxes(chart, '.ytitle'))];
      expect(titles).toHaveLength(2);
      for (const title of titles)
        for (const tick of ticks) expect(overlaps(title, tick)).toBe(false);
      // The toolbar, shown on hover, leaves the chart's title readable.
      await chart.hover();
      const [toolbar] = await boxes(chart, '.modebar');
      const [heading] = await boxes(chart, '.gtitle');
      expect(toolbar).toBeDefined();
      expect(heading).toBeDefined();
      expect(overlaps(toolbar!, heading!)).toBe(false);
    }
    await screenshot('one-epoch');
    expect(pageErrors).toEqual([]);
  });
});

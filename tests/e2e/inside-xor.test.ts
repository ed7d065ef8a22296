import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('looking inside a run in browser mode', () => {
  test('trains XOR, opens the run and sees every answer right, its probabilities and saliency', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR inside',
      template: 'XOR',
    });
    const training = await TrainingPage.open(workspace);
    await training.start();
    await training.waitForStatus(/^Finished/);

    await expect.poll(async () => (await training.runs()).length).toBe(1);
    await training.panel.getByRole('button', { name: /^Open / }).click();
    const inside = training.panel.getByRole('region', { name: 'Inside this run' });
    const gallery = inside.getByRole('list', { name: 'Examples' });
    await expect.poll(() => gallery.getByRole('button').count(), { timeout: 30_000 }).toBe(4);
    const answers = await gallery
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(answers).toEqual([
      'Example 1: 0 (right)',
      'Example 2: 1 (right)',
      'Example 3: 1 (right)',
      'Example 4: 0 (right)',
    ]);

    // XOR reads two numbers: its answer over the whole plane, with the four rows on it.
    const boundary = inside.locator('[data-chart="decision-boundary"]');
    await expect
      .poll(() => boundary.getAttribute('aria-label'), { timeout: 30_000 })
      .toBe(
        'Decision boundary: the probability of the second class over a 100 × 100 grid, with 4 data points',
      );
    await expect.poll(() => boundary.locator('.main-svg').count()).toBeGreaterThan(0);

    await gallery.getByRole('button', { name: /^Example 2:/ }).click();
    const probabilities = inside.getByRole('list', { name: 'Class probabilities' });
    await probabilities.waitFor();
    expect(await probabilities.getByRole('listitem').count()).toBe(2);
    const saliency = inside.getByRole('list', { name: 'Saliency per input value' });
    await expect.poll(() => saliency.getByRole('listitem').count(), { timeout: 30_000 }).toBe(2);
    await boundary.scrollIntoViewIfNeeded();
    await screenshot('inside');
    expect(pageErrors).toEqual([]);
  });

  test('sees the decision boundary change while XOR trains', async ({
    server,
    page,
    pageErrors,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR boundary',
      template: 'XOR',
    });
    const training = await TrainingPage.open(workspace);
    // Long enough to watch: ten times the template's epochs.
    await training.field('Epochs').fill('3000');
    await training.start();
    const live = training.panel.locator('[data-chart="live-decision-boundary"]');
    const drawn = () =>
      live.evaluate((div) => {
        const trace = (div as unknown as { data?: { z?: number[][] }[] }).data?.[0];
        return {
          epoch: Number(div.getAttribute('data-epoch')),
          sum: trace?.z ? trace.z.flat().reduce((a, b) => a + b, 0) : undefined,
        };
      });
    // A look drawn while the network is still learning, its epoch and map read together…
    let during: Awaited<ReturnType<typeof drawn>> | undefined;
    await expect
      .poll(
        async () => {
          const now = await drawn().catch(() => undefined);
          if (now?.sum !== undefined && now.epoch < 3000) during ??= now;
          return during !== undefined;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await training.waitForStatus(/^Finished/, 90_000);
    // …and the last one, after epoch 3000, where the map has moved.
    await expect.poll(async () => (await drawn()).epoch).toBe(3000);
    // (How far it moves between the first and last look is checked in the training tests.)
    await expect.poll(async () => (await drawn()).sum).not.toBe(during!.sum);
    expect(pageErrors).toEqual([]);
  });
});

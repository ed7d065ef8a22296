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
});

import { describe, expect, test } from './harness/fixtures';
import { EditorPage } from './harness/pages/editor-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('looking inside an autoencoder in browser mode', () => {
  test('a 2-unit bottleneck: its latent scatter by digit, reconstructions and the most unusual digits', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Digits squeezed to two numbers',
      template: 'Deep autoencoder',
    });
    // The course's latent plot: the code layer narrowed to two units.
    const editor = await EditorPage.attach(page);
    await editor.selectNode('code');
    await editor.setField('Units', '2');
    await expect.poll(async () => (await editor.node('code')).outputShape).toBe('2');
    await workspace.waitForSaved();

    const training = await TrainingPage.open(workspace);
    await training.field('Epochs').fill('4');
    await training.start();
    await training.waitForStatus(/^Finished/, 90_000);

    const inside = training.panel.getByRole('region', { name: 'Inside this run' });
    const gallery = inside.getByRole('list', { name: 'Examples' });
    await expect
      .poll(() => gallery.getByRole('button').first().getAttribute('aria-label'), {
        timeout: 30_000,
      })
      .toMatch(/^Example 1: rebuilt, error \d/);

    await inside.getByText('Latent space: where a layer puts each example').click();
    const scatter = inside.locator('[data-chart="latent-space"]');
    // The bottleneck's own two values, one point per digit (the first 1,000), ten colours.
    await expect
      .poll(() => scatter.getAttribute('aria-label'), { timeout: 30_000 })
      .toBe('Latent space of code: 1000 examples, its own values');
    await expect
      .poll(() =>
        scatter.evaluate((div) => {
          const traces = (div as unknown as { data?: { name: string; x: number[] }[] }).data ?? [];
          return {
            names: traces.map((t) => t.name),
            points: traces.reduce((sum, t) => sum + t.x.length, 0),
          };
        }),
      )
      .toEqual({ names: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], points: 1000 });

    // The digits it rebuilds worst, each beside its reconstruction, most unusual first.
    const unusual = inside.getByRole('list', { name: 'Most unusual examples' });
    await expect.poll(() => unusual.getByRole('button').count()).toBe(12);
    const errors = await unusual
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => Number(/error ([\d.e-]+)/.exec(b.ariaLabel ?? '')?.[1])),
      );
    expect(errors.every((e) => e > 0)).toBe(true);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    // Pictures inside a button are part of its name, not images of their own: count canvases.
    expect(await unusual.locator('canvas[aria-label$="as the network rebuilt it"]').count()).toBe(
      12,
    );
    await screenshot('latent');

    // The most unusual one up close: the original beside its reconstruction.
    await unusual.getByRole('button').first().click();
    const details = inside.getByRole('region', { name: /^Example \d+: rebuilt, error / });
    await details.getByRole('img', { name: 'The original' }).waitFor({ timeout: 30_000 });
    await details.getByRole('img', { name: 'What the network rebuilt' }).waitFor();
    await details.scrollIntoViewIfNeeded();
    await screenshot('reconstruction');
    expect(pageErrors).toEqual([]);
  });
});

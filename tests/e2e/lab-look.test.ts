import type { Locator } from 'playwright-core';
import { describe, expect, test } from './harness/fixtures';
import { LabPage } from './harness/pages/lab-page';
import { ProjectsPage } from './harness/pages/projects-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/** How the lab's pieces look in a real Chromium: what happy-dom cannot lay out. */

/** The space between a dialog's field and its buttons, in pixels. */
async function spaceAboveButtons(dialog: Locator): Promise<number> {
  const field = await dialog.getByRole('textbox').boundingBox();
  const buttons = await dialog.locator('.dialog-buttons').boundingBox();
  if (!field || !buttons) throw new Error('The dialog has no field or no buttons.');
  return buttons.y - (field.y + field.height);
}

describe('the look of a lab', () => {
  test('spaces dialog buttons from their field, list numbers from their text, and greys padlocked settings', async ({
    server,
    page,
    pageErrors,
  }) => {
    await ProjectsPage.open(page, server.url);
    const labs = new LabPage(page);
    await labs.card('perceptron').waitFor();
    await labs.card('perceptron').getByRole('button', { name: 'Start', exact: true }).click();
    const start = page.getByRole('dialog', { name: /^Start / });
    expect(await spaceAboveButtons(start)).toBeGreaterThanOrEqual(8);
    await start.getByRole('button', { name: 'Start the lab' }).click();

    const workspace = await WorkspacePage.attach(page);
    await labs.panel.waitFor();
    await labs.panel.getByRole('button', { name: /Show a hint/ }).click();
    const hint = labs.panel.locator('.lab-hint').first();
    await hint.waitFor();
    // The number sits apart from a hint that starts with a formula ("1. 1 × 1 + …").
    const gap = await hint.evaluate((item) => {
      const math = item.querySelector('math');
      return math ? math.getBoundingClientRect().left - item.getBoundingClientRect().left : -1;
    });
    expect(gap).toBeGreaterThanOrEqual(4);

    const training = await TrainingPage.open(workspace);
    // The page's own getComputedStyle (these tests are typed without the DOM's names).
    const color = (field: Locator) =>
      field.evaluate(
        (input) =>
          (
            globalThis as unknown as { getComputedStyle(element: unknown): { color: string } }
          ).getComputedStyle(input).color,
      );
    expect(await training.field('Learning rate').isDisabled()).toBe(true);
    expect(await color(training.field('Learning rate'))).not.toBe(
      await color(training.field('Epochs')),
    );

    await labs.panel.getByRole('button', { name: 'Hand in…' }).click();
    const handIn = page.getByRole('dialog', { name: 'Hand in' });
    expect(await spaceAboveButtons(handIn)).toBeGreaterThanOrEqual(8);
    expect(pageErrors).toEqual([]);
  });
});

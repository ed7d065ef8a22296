import type { Locator, Page } from 'playwright-core';

/** The lab side of the app: the projects screen's Labs section and a lab project's panel. */
export class LabPage {
  constructor(readonly page: Page) {}

  /** The projects screen's Labs section. */
  get section(): Locator {
    return this.page.getByRole('region', { name: 'Labs' });
  }

  /** A lab's card in the Labs section, by the lab's id. */
  card(labId: string): Locator {
    return this.section.locator(`.lab-card[data-lab="${labId}"]`);
  }

  /** Starts a lab from its card, naming the project (the lab's title when not given). */
  async start(labId: string, name?: string): Promise<void> {
    await this.card(labId).getByRole('button', { name: 'Start', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Start / });
    if (name !== undefined) await dialog.getByLabel('Project name').fill(name);
    await dialog.getByRole('button', { name: 'Start the lab' }).click();
  }

  /** The lab panel beside the workspace. */
  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Lab' });
  }

  /** The heading of the step the panel shows: "Step 1 of 3: Learn AND". */
  async stepHeading(): Promise<string> {
    return ((await this.panel.locator('.lab-step-body h3').textContent()) ?? '').trim();
  }

  /** "Met" or "Not met yet": Neurite's tick beside a goal of the shown step. */
  async tick(goalId: string): Promise<string> {
    const tick = this.panel.locator(`.lab-goal[data-goal="${goalId}"] .goal-tick`);
    if ((await tick.count()) === 0) return 'not shown';
    return (await tick.getAttribute('aria-label')) ?? '';
  }

  /** "3 of 7 goals met". */
  async overall(): Promise<string> {
    return (
      (await this.panel.getByRole('status', { name: 'Lab progress' }).textContent()) ?? ''
    ).trim();
  }

  /** Goes to a step by its number in the step list (from 1). */
  async goToStep(number: number): Promise<void> {
    await this.panel
      .getByRole('list', { name: 'Steps' })
      .getByRole('button')
      .nth(number - 1)
      .click();
  }

  /** Picks a choice of a choice goal and presses its Check. */
  async answerChoice(goalId: string, choice: number): Promise<void> {
    const goal = this.panel.locator(`.lab-goal[data-goal="${goalId}"]`);
    await goal.getByRole('radio').nth(choice).check();
    await goal.getByRole('button', { name: 'Check' }).click();
  }

  /** Hands the lab in under a student's name; resolves to the downloaded file, saved at `saveAs`. */
  async handIn(studentName: string, saveAs: string): Promise<string> {
    await this.panel.getByRole('button', { name: 'Hand in…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Hand in' });
    await dialog.getByLabel('Your name').fill(studentName);
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Hand in', exact: true }).click();
    await (await download).saveAs(saveAs);
    return saveAs;
  }

  /** The Collect submissions dialog, opened from the projects screen's Labs section. */
  async openCollect(): Promise<Locator> {
    await this.section.getByRole('button', { name: 'Collect submissions…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Collect submissions' });
    await dialog.waitFor();
    return dialog;
  }

  /** The graded table's rows as the cells' texts, header first. */
  async gradeTable(dialog: Locator): Promise<string[][]> {
    return dialog
      .getByRole('table', { name: 'Submissions' })
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }
}

import type { Locator, Page } from 'playwright-core';
import { ProjectsPage } from './projects-page';

export type WorkspaceTabName = 'Network' | 'Data' | 'Training';

/** An open project: its name, save state, History and Export, and the three tabs. */
export class WorkspacePage {
  private constructor(readonly page: Page) {}

  /**
   * Creates a project through the UI (the projects screen's New project dialog) and returns
   * the workspace it opens. `template` is the start of a template's gallery name, e.g. "XOR".
   */
  static async create(
    page: Page,
    serverUrl: string,
    options: { name: string; template?: string },
  ): Promise<WorkspacePage> {
    const projects = await ProjectsPage.open(page, serverUrl);
    await projects.create(options);
    return WorkspacePage.attach(page);
  }

  /** Attaches to a page showing (or about to show) a workspace. */
  static async attach(page: Page): Promise<WorkspacePage> {
    const workspace = new WorkspacePage(page);
    // The address changes first, then the project loads: wait for both.
    await page.waitForURL(/#\/project\//, { timeout: 10_000 });
    await workspace.nameField.waitFor({ timeout: 10_000 });
    return workspace;
  }

  get nameField(): Locator {
    return this.page.getByRole('textbox', { name: 'Project name' });
  }

  async projectName(): Promise<string> {
    return this.nameField.inputValue();
  }

  /** The id in the address, `#/project/<id>/<tab>`. */
  projectId(): string {
    const match = /#\/project\/([^/]+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`Not on a project page: ${this.page.url()}`);
    return decodeURIComponent(match[1]);
  }

  tab(name: WorkspaceTabName): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  panel(name: WorkspaceTabName): Locator {
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  async openTab(name: WorkspaceTabName): Promise<void> {
    await this.tab(name).click();
    await this.panel(name).waitFor();
  }

  /** "saved", "unsaved", "saving" or "failed". */
  async saveState(): Promise<string> {
    const state = this.page.locator('[data-save-state]');
    if ((await state.count()) === 0) return 'failed';
    return (await state.getAttribute('data-save-state')) ?? '';
  }

  /** Waits until every change is stored (the header says "All changes saved"). */
  async waitForSaved(timeoutMs = 10_000): Promise<void> {
    // An edit is saved after a quiet pause; first let that pause begin.
    await this.page.waitForTimeout(50);
    await this.page.locator('[data-save-state="saved"]').waitFor({ timeout: timeoutMs });
  }

  async rename(name: string): Promise<void> {
    await this.nameField.fill(name);
    await this.nameField.press('Enter');
  }

  /** Opens History and lists the versions as shown, newest first. */
  async revisions(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'History' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'History' });
    await dialog.locator('.revision').first().waitFor();
    return (await dialog.locator('.revision-size').allTextContents()).map((t) => t.trim());
  }

  /** In the open History dialog, what changed in each version, newest first. */
  async revisionChanges(): Promise<string[]> {
    const dialog = this.page.getByRole('dialog', { name: 'History' });
    return (await dialog.locator('.revision-changes').allTextContents()).map((t) => t.trim());
  }

  /** In the open History dialog, restores the version at `index` (0 = newest). */
  async restoreRevision(index: number): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'History' });
    await dialog.locator('.revision').nth(index).getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /**
   * Exports the project file through the header's Export… dialog: the network and settings,
   * or with the trained runs and weights. Returns what the dialog said each choice holds.
   */
  async exportProject(withRuns = false): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Export the project' });
    await dialog.waitFor();
    const choices = (await dialog.locator('.export-choice').allTextContents()).map((t) => t.trim());
    await dialog
      .getByRole('radio', {
        name: withRuns ? /^Network with trained runs and weights/ : /^Network and settings/,
      })
      .check();
    await dialog.getByRole('button', { name: 'Download' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return choices;
  }

  /** The message line next to the tabs (restores, exports, notes). */
  async message(): Promise<string> {
    return ((await this.page.locator('.workspace-message').textContent()) ?? '').trim();
  }
}

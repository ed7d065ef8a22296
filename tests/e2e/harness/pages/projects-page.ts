import type { Locator, Page } from 'playwright-core';

/** The start screen: the project cards, New project, Import, and the trash. */
export class ProjectsPage {
  private constructor(readonly page: Page) {}

  /** Opens the app at `url` (the token URL) on the projects screen and waits for it. */
  static async open(page: Page, url: string): Promise<ProjectsPage> {
    const address = new URL(url);
    address.hash = '#/';
    await page.goto(address.toString());
    const projects = new ProjectsPage(page);
    await projects.waitUntilListed();
    return projects;
  }

  /** Attaches to a page already showing the projects screen. */
  static async attach(page: Page): Promise<ProjectsPage> {
    const projects = new ProjectsPage(page);
    await projects.waitUntilListed();
    return projects;
  }

  private async waitUntilListed(): Promise<void> {
    await this.page
      .locator('.project-grid, .projects-empty, .banner-error')
      .first()
      .waitFor({ timeout: 10_000 });
  }

  get cards(): Locator {
    return this.page.locator('.project-card');
  }

  card(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  async projectNames(): Promise<string[]> {
    return (await this.page.locator('.project-card-name').allTextContents()).map((t) => t.trim());
  }

  /**
   * Creates a project through the New project dialog, from the template whose gallery name
   * starts with `template` (e.g. "XOR"), or an empty network when none is given.
   */
  async create(options: { name: string; template?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New project' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New project' });
    await dialog.waitFor();
    const option = options.template
      ? dialog.locator('.template-option', {
          has: this.page.locator('.template-option-name', {
            hasText: new RegExp(`^${escapeRegExp(options.template)}`),
          }),
        })
      : dialog.locator('.template-option', { hasText: 'Empty network' });
    await option.first().click();
    await dialog.getByLabel('Project name').fill(options.name);
    await dialog.getByRole('button', { name: 'Create project' }).click();
  }

  /**
   * Imports a trained TF.js model through "Import a trained TensorFlow.js model…": the zip of
   * an export, or model.json with its weights files.
   */
  async importModel(files: readonly string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import a trained TensorFlow.js model…' }).click();
    await (await chooser).setFiles([...files]);
  }

  async open(name: string): Promise<void> {
    await this.card(name)
      .getByRole('link', { name: `Open ${name}` })
      .click();
  }

  async moveToTrash(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Move to trash' }).click();
  }

  async duplicate(name: string): Promise<void> {
    await this.card(name).getByRole('button', { name: 'Duplicate' }).click();
  }

  /** Waits until the cards show exactly these names (in any order). */
  async waitForNames(names: readonly string[], timeoutMs = 5_000): Promise<void> {
    const want = [...names].sort().join('\n');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const have = (await this.projectNames()).sort().join('\n');
      if (have === want) return;
      if (Date.now() > deadline) {
        throw new Error(`Expected projects [${want}], found [${have}].`);
      }
      await this.page.waitForTimeout(50);
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

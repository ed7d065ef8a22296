import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { WorkspacePage } from './workspace-page';

export interface FitProblemText {
  readonly message: string;
  readonly fix: string;
}

/**
 * The Data tab of a project: built-in cards, the import forms, and the preview with its fit
 * check. Methods wait for what a user would wait for (the preview to finish loading).
 */
export class DataPanelPage {
  private constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** Opens the Data tab of an open workspace. */
  static async open(workspace: WorkspacePage): Promise<DataPanelPage> {
    await workspace.openTab('Data');
    const panel = new DataPanelPage(workspace.page, workspace.panel('Data'));
    await panel.sideTab('Built-in').waitFor({ timeout: 10_000 });
    return panel;
  }

  /** The switch between the built-in sets and the import forms. */
  sideTab(name: 'Built-in' | 'Import your own'): Locator {
    return this.root
      .getByRole('tablist', { name: 'Where the data comes from' })
      .getByRole('tab', { name, exact: true });
  }

  async showBuiltins(): Promise<void> {
    await this.sideTab('Built-in').click();
    await this.builtinCards.first().waitFor({ timeout: 10_000 });
  }

  async showImport(): Promise<void> {
    await this.sideTab('Import your own').click();
    await this.root.getByRole('radiogroup', { name: 'What to import' }).waitFor();
  }

  get builtinCards(): Locator {
    return this.root.getByRole('list', { name: 'Built-in data sets' }).getByRole('button');
  }

  card(title: string): Locator {
    return this.root
      .getByRole('list', { name: 'Built-in data sets' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** Presses a built-in set's card and waits for its preview. */
  async chooseBuiltin(title: string): Promise<void> {
    await this.showBuiltins();
    await this.card(title).click();
    await this.waitForPreview(title);
  }

  /** The title of the card shown as chosen, if any. */
  async chosenBuiltin(): Promise<string | undefined> {
    await this.showBuiltins();
    const chosen = this.root.locator('.data-card[aria-pressed="true"] .data-card-title');
    if ((await chosen.count()) === 0) return undefined;
    return ((await chosen.textContent()) ?? '').trim();
  }

  /** Waits until nothing is loading and the preview shows `title` (when given). */
  async waitForPreview(title?: string, timeoutMs = 15_000): Promise<void> {
    await this.root.locator('.data-loading').waitFor({ state: 'detached', timeout: timeoutMs });
    if (title !== undefined) {
      await this.root
        .locator('.data-preview-title', { hasText: title })
        .waitFor({ timeout: timeoutMs });
    }
  }

  async previewTitle(): Promise<string | undefined> {
    const title = this.root.locator('.data-preview-title');
    if ((await title.count()) === 0) return undefined;
    return ((await title.textContent()) ?? '').trim();
  }

  /** The facts under the title: Task, Examples, Each example, To predict. */
  async fact(name: string): Promise<string> {
    const item = this.root.locator('.data-facts > div', {
      has: this.page.locator('dt', { hasText: name }),
    });
    return ((await item.locator('dd').textContent()) ?? '').trim();
  }

  get fitSection(): Locator {
    return this.root.getByRole('region', { name: 'Fit with the network' });
  }

  /** The fit check's heading: "Fits your network", "Does not fit your network", … */
  async fitHeading(): Promise<string> {
    return ((await this.fitSection.locator('h3').textContent()) ?? '').replace(/^[✓✕•]/, '').trim();
  }

  async fitProblems(): Promise<FitProblemText[]> {
    const items = this.fitSection.locator('.data-fit-problems > li');
    const problems: FitProblemText[] = [];
    for (let i = 0; i < (await items.count()); i += 1) {
      const texts = (await items.nth(i).locator('p').allTextContents()).map((t) => t.trim());
      problems.push({ message: texts[0] ?? '', fix: (texts[1] ?? '').replace(/^Fix:\s*/, '') });
    }
    return problems;
  }

  /** Waits until the fit check's heading reads `heading` (it is checked again after edits). */
  async waitForFitHeading(heading: string, timeoutMs = 10_000): Promise<void> {
    await this.fitSection.locator('h3', { hasText: heading }).waitFor({ timeout: timeoutMs });
  }

  /** The "Apply fix" buttons, one beside each fix that can be applied. */
  get applyFixButtons(): Locator {
    return this.fitSection.getByRole('button', { name: 'Apply fix', exact: true });
  }

  async applyAllFixes(): Promise<void> {
    await this.fitSection.getByRole('button', { name: 'Apply all fixes' }).click();
  }

  get scatter(): Locator {
    return this.root.getByRole('img', { name: /^Scatter plot of/ });
  }

  /** The scatter's points as "class" labels, in drawing order. */
  async scatterLabels(): Promise<string[]> {
    return this.scatter
      .locator('circle.data-point')
      .evaluateAll((circles) => circles.map((c) => c.getAttribute('data-label') ?? ''));
  }

  get table(): Locator {
    return this.root.getByRole('table', { name: 'Example rows' });
  }

  async tableColumns(): Promise<string[]> {
    return (await this.table.locator('thead th').allTextContents()).map((t) =>
      t.replace(/target$/, '').trim(),
    );
  }

  /** The column marked as the target in the table. */
  async tableTarget(): Promise<string | undefined> {
    const th = this.table.locator('thead th.data-target-column');
    if ((await th.count()) === 0) return undefined;
    return ((await th.textContent()) ?? '').replace(/target$/, '').trim();
  }

  async tableRowCount(): Promise<number> {
    return this.table.locator('tbody tr').count();
  }

  /** "setosa 50 (33%)" per class. */
  async classBalance(): Promise<string[]> {
    const rows = this.root.getByRole('list', { name: 'Class balance' }).getByRole('listitem');
    return rows.evaluateAll((items) =>
      items.map((item) =>
        [...item.children]
          .map((cell) => (cell.textContent ?? '').trim())
          .filter(Boolean)
          .join(' '),
      ),
    );
  }

  get imageGrid(): Locator {
    return this.root.getByRole('list', { name: 'Example images' });
  }

  /** A built-in set's setting (e.g. "Examples", "Noise") on the open card. */
  optionField(label: string): Locator {
    return this.root.locator('.data-options').getByLabel(label, { exact: true });
  }

  /** The message under a field: its problem, or its hint when it has none. */
  async fieldMessage(field: Locator): Promise<string> {
    const id = await field.getAttribute('aria-describedby');
    if (!id) return '';
    return ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '').trim();
  }

  /** The import kind: "CSV table", "Image folder" or "IDX files". */
  async chooseImportKind(kind: 'CSV table' | 'Image folder' | 'IDX files'): Promise<void> {
    await this.showImport();
    await this.root.getByRole('radiogroup', { name: 'What to import' }).getByLabel(kind).check();
  }

  /** Uploads a CSV file through the file input (browser mode) and waits for its columns. */
  async uploadCsv(file: string): Promise<void> {
    await this.chooseImportKind('CSV table');
    await this.root.getByLabel('CSV file: Choose a CSV file…').setInputFiles(file);
    await this.targetSelect.waitFor({ timeout: 10_000 });
  }

  /**
   * Uploads a CSV of texts and labels through the file input and waits for the panel to read
   * its column of text as text.
   */
  async uploadTextCsv(file: string): Promise<void> {
    await this.chooseImportKind('CSV table');
    await this.root.getByLabel('CSV file: Choose a CSV file…').setInputFiles(file);
    await this.textColumnSelect.waitFor({ timeout: 10_000 });
  }

  get textColumnSelect(): Locator {
    return this.root.getByLabel('Column with the texts', { exact: true });
  }

  /** A text import's sequence length and vocabulary size fields. */
  textField(label: 'Words per text (sequence length)' | 'Vocabulary size (words kept)'): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** Uploads a .zip of an image folder through the file input and waits for its preview. */
  async uploadImageZip(file: string): Promise<void> {
    await this.chooseImportKind('Image folder');
    await this.root.getByLabel('Image folder (.zip): Upload a .zip…').setInputFiles(file);
    await this.page.waitForTimeout(50);
    await this.waitForPreview();
  }

  /** An image import's size and colour fields. */
  imageField(label: 'Height (pixels)' | 'Width (pixels)' | 'Colour'): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  get targetSelect(): Locator {
    return this.root.getByLabel('Column to predict (target)');
  }

  async targetColumns(): Promise<string[]> {
    return (await this.targetSelect.locator('option').allTextContents()).map((t) => t.trim());
  }

  /** Picks the CSV target column and waits for the preview to load with it. */
  async pickTarget(column: string): Promise<void> {
    await this.targetSelect.selectOption({ label: column });
    await this.page.waitForTimeout(50);
    await this.waitForPreview();
    await this.table
      .locator('thead th.data-target-column', { hasText: column })
      .waitFor({ timeout: 10_000 });
  }

  /** Drops a file onto the panel as a user dragging it from their file manager would. */
  async dropFile(file: string, mimeType = 'application/octet-stream'): Promise<void> {
    const base64 = (await readFile(file)).toString('base64');
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, base64, mimeType }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        // Runs in the page; the tests' own types do not know the DOM's DataTransfer.
        const { DataTransfer } = globalThis as unknown as {
          DataTransfer: new () => { items: { add(file: File): void } };
        };
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mimeType }));
        return transfer;
      },
      { name: path.basename(file), base64, mimeType },
    );
    const target = this.root.locator('.data-panel');
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /** Every alert now shown in the panel. */
  async alerts(): Promise<string[]> {
    return (await this.root.getByRole('alert').allTextContents()).map((t) => t.trim());
  }

  /** Waits for an alert containing `text` and returns its whole text. */
  async waitForAlert(text: string, timeoutMs = 10_000): Promise<string> {
    const alert = this.root.getByRole('alert').filter({ hasText: text });
    await alert.first().waitFor({ timeout: timeoutMs });
    return ((await alert.first().textContent()) ?? '').trim();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

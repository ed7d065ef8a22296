import type { Locator, Page } from 'playwright-core';

/** One row of the layer table, as the page words it. */
export interface LayerTableRow {
  /** The layer's label, e.g. "C1: 6 filters 5×5". */
  readonly name: string;
  /** The node id, shown under the label when it differs from it. */
  readonly id: string | undefined;
  readonly kind: string;
  readonly settings: string;
  /** e.g. "28×28×6"; "unknown" when it cannot be worked out. */
  readonly outputShape: string;
  /** As displayed, e.g. "2,416". */
  readonly parameters: string;
  /** "1 error", "2 warnings"…, or undefined when the layer is fine. */
  readonly badge: string | undefined;
}

/** One figure of the totals strip. */
export interface Total {
  readonly value: string;
  readonly note: string | undefined;
}

export interface Issue {
  readonly severity: 'Error' | 'Warning';
  readonly text: string;
}

/**
 * The network inspector screen: the built-in networks on the left, the selected one's layer
 * table, totals and problems on the right. Tests talk to the screen through this class only,
 * so a change of markup is fixed here once.
 */
export class InspectorPage {
  private constructor(readonly page: Page) {}

  /** Opens the inspector of the app at `url` and waits until the template list has rendered. */
  static async open(page: Page, url: string): Promise<InspectorPage> {
    const address = new URL(url);
    address.hash = '#/inspector';
    await page.goto(address.toString());
    const inspector = new InspectorPage(page);
    await inspector.templateButtons().first().waitFor();
    return inspector;
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Built-in networks' });
  }

  /** The selected network's heading. */
  get heading(): Locator {
    return this.page.locator('main h1');
  }

  async templateNames(): Promise<string[]> {
    return this.sidebar.locator('.template-name').allTextContents();
  }

  async selectedTemplate(): Promise<string | undefined> {
    const current = this.sidebar.locator('button[aria-current="true"] .template-name');
    return (await current.count()) === 0 ? undefined : current.textContent().then(String);
  }

  /** Clicks the network called exactly `name` and waits for its heading. */
  async selectTemplate(name: string): Promise<void> {
    const button = this.templateButtons().filter({
      has: this.page.locator('.template-name', { hasText: exactly(name) }),
    });
    await button.click();
    await this.heading.filter({ hasText: exactly(name) }).waitFor();
  }

  async layerRows(): Promise<LayerTableRow[]> {
    const rows = this.page.locator('table.layer-table tbody tr');
    await rows.first().waitFor();
    const result: LayerTableRow[] = [];
    for (const row of await rows.all()) {
      const cells = row.locator('th, td');
      const [nameCell, kind, settings, shapeCell, parameters] = await cells.allTextContents();
      const id = await optionalText(row.locator('.layer-id'));
      const badge = await optionalText(row.locator('.badge'));
      result.push({
        name: withoutSuffix(nameCell ?? '', id),
        id,
        kind: kind?.trim() ?? '',
        settings: settings?.trim() ?? '',
        outputShape: withoutSuffix(shapeCell ?? '', badge),
        parameters: parameters?.trim() ?? '',
        badge,
      });
    }
    return result;
  }

  /** The layer table's row for the layer labelled `name`; throws if there is none. */
  async layerRow(name: string): Promise<LayerTableRow> {
    const rows = await this.layerRows();
    const row = rows.find((candidate) => candidate.name === name);
    if (!row) {
      throw new Error(
        `No layer "${name}" in the table; it has: ${rows.map((r) => r.name).join(', ')}`,
      );
    }
    return row;
  }

  /** The total in the table's footer, as displayed. */
  async tableTotal(): Promise<string> {
    return (await this.page.locator('table.layer-table tfoot td').textContent())?.trim() ?? '';
  }

  /** The totals strip, by label: "Layers", "Parameters", "Memory", "Status". */
  async totals(): Promise<Record<string, Total>> {
    const totals: Record<string, Total> = {};
    for (const total of await this.page.locator('dl.totals .total').all()) {
      const label = (await total.locator('dt').textContent())?.trim() ?? '';
      totals[label] = {
        value: (await total.locator('.total-value').textContent())?.trim() ?? '',
        note: await optionalText(total.locator('.total-note')),
      };
    }
    return totals;
  }

  async total(label: string): Promise<Total> {
    const totals = await this.totals();
    const total = totals[label];
    if (!total) {
      throw new Error(`No total "${label}"; the page shows: ${Object.keys(totals).join(', ')}`);
    }
    return total;
  }

  /** The Problems section; empty when it says the network is fine. */
  async issues(): Promise<Issue[]> {
    await this.page.locator('main .all-clear, main .issue-list').first().waitFor();
    const issues: Issue[] = [];
    for (const issue of await this.page.locator('main .issue-list .issue').all()) {
      const severity = (await issue.locator('.issue-severity').textContent())?.trim();
      issues.push({
        severity: severity === 'Warning' ? 'Warning' : 'Error',
        text: (await issue.locator('.issue-text').textContent())?.trim() ?? '',
      });
    }
    return issues;
  }

  private templateButtons(): Locator {
    return this.sidebar.getByRole('button');
  }
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** The trimmed text of the first match, or undefined when nothing matches. */
async function optionalText(locator: Locator): Promise<string | undefined> {
  if ((await locator.count()) === 0) return undefined;
  return (await locator.first().textContent())?.trim();
}

/** A cell's text without a trailing part shown inside it (an id, a badge). */
function withoutSuffix(text: string, suffix: string | undefined): string {
  const trimmed = text.trim();
  return suffix && trimmed.endsWith(suffix) ? trimmed.slice(0, -suffix.length).trim() : trimmed;
}

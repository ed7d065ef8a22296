import type { Locator, Page } from 'playwright-core';
import type { WorkspacePage } from './workspace-page';

/** A Plotly trace as the chart's div holds it (`div.data`). */
export interface PlottedTrace {
  readonly name: string;
  readonly x: number[];
  readonly y: (number | null)[];
}

/** The Training tab of an open project: form, controls, progress, charts, results, runs. */
export class TrainingPage {
  private constructor(
    readonly page: Page,
    readonly panel: Locator,
  ) {}

  /** Opens the Training tab of the workspace and waits for its controls. */
  static async open(workspace: WorkspacePage): Promise<TrainingPage> {
    await workspace.openTab('Training');
    const training = new TrainingPage(workspace.page, workspace.panel('Training'));
    await training.startButton.waitFor({ timeout: 15_000 });
    return training;
  }

  get startButton(): Locator {
    return this.panel.getByRole('button', { name: /^(Start training|Train again)$/ });
  }

  button(name: 'Pause' | 'Resume' | 'Step one batch' | 'Stop'): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  /** The chosen data set's name as the form shows it. */
  async datasetName(): Promise<string> {
    return ((await this.panel.locator('.training-data strong').textContent()) ?? '').trim();
  }

  /** The status line: "Training", "Paused before epoch 3, batch 1", "Finished", … */
  async status(): Promise<string> {
    const status = this.panel.getByRole('status', { name: 'Run status' });
    return ((await status.textContent()) ?? '').trim();
  }

  /** The text of the progress bar's Epoch and Batch cells, e.g. "12 / 300". */
  async progress(): Promise<{ epoch: string; batch: string; batchEvents: number }> {
    const epoch = (await this.panel.getByTestId('progress-epoch').textContent()) ?? '';
    const batch = (await this.panel.getByTestId('progress-batch').textContent()) ?? '';
    const events = await this.panel.locator('.training-progress').getAttribute('data-batch-events');
    return { epoch: epoch.trim(), batch: batch.trim(), batchEvents: Number(events) };
  }

  async start(): Promise<void> {
    await this.startButton.click();
  }

  /** Waits until the status line matches, e.g. /^Finished/. */
  async waitForStatus(pattern: RegExp, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(await this.status())) {
      if (Date.now() > deadline) {
        throw new Error(`Status is still "${await this.status()}", not ${String(pattern)}`);
      }
      await this.page.waitForTimeout(100);
    }
  }

  /** The traces a chart plots, read from the Plotly div. `chart` is its data-chart name. */
  async traces(
    chart: 'loss' | 'metric' | 'learning-rate' | 'compare-loss',
  ): Promise<PlottedTrace[]> {
    return this.panel
      .locator(`[data-chart="${chart}"]`)
      .first()
      .evaluate((div) => {
        const data = (div as unknown as { data?: PlottedTrace[] }).data ?? [];
        return data.map((trace) => ({
          name: String(trace.name),
          x: Array.from(trace.x ?? []),
          y: Array.from(trace.y ?? []),
        }));
      });
  }

  /** The y values of the named trace of a chart. */
  async series(chart: 'loss' | 'metric' | 'learning-rate', name: string): Promise<number[]> {
    const trace = (await this.traces(chart)).find((t) => t.name === name);
    return (trace?.y ?? []).filter((y): y is number => y !== null);
  }

  /** The final results table as rows of cell texts, header row first. */
  async resultsTable(): Promise<string[][]> {
    const rows = this.panel.locator('.final-results table tr');
    const count = await rows.count();
    const table: string[][] = [];
    for (let i = 0; i < count; i += 1) {
      table.push((await rows.nth(i).locator('th, td').allTextContents()).map((t) => t.trim()));
    }
    return table;
  }

  /** The confusion matrix heatmap's class names and counts, as Plotly holds them. */
  async confusionMatrix(): Promise<{ labels: string[]; counts: number[][] }> {
    const chart = this.panel.locator('[data-chart="confusion-matrix"]').first();
    await chart.locator('.main-svg').first().waitFor({ timeout: 15_000 });
    return chart.evaluate((div) => {
      const trace = (div as unknown as { data?: { x: string[]; z: number[][] }[] }).data?.[0];
      return {
        labels: Array.from(trace?.x ?? []),
        counts: (trace?.z ?? []).map((row: number[]) => Array.from(row)),
      };
    });
  }

  /** Rows of the runs list, newest first: each row's cell texts. */
  async runs(): Promise<string[][]> {
    const rows = this.panel.locator('.runs-table tbody tr');
    const count = await rows.count();
    const result: string[][] = [];
    for (let i = 0; i < count; i += 1) {
      result.push((await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim()));
    }
    return result;
  }
}

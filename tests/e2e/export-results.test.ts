import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll } from 'vitest';
import { tempFolder } from '../integration/data/temp-folder';
import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

const temp = tempFolder('e2e-results');
afterAll(() => temp.remove());

/** Presses one of the results' export buttons and returns the downloaded file. */
async function download(training: TrainingPage, button: string, saveAs: string): Promise<string> {
  const started = training.page.waitForEvent('download');
  await training.panel.getByRole('button', { name: button, exact: true }).click();
  const file = temp.path(saveAs);
  await (await started).saveAs(file);
  return file;
}

describe('exporting a run’s results', () => {
  test('a softmax regression trained with a test part downloads its test predictions and figures', async ({
    server,
    page,
    pageErrors,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Iris lab',
      template: 'Softmax regression',
    });
    const training = await TrainingPage.open(workspace);
    await training.panel.getByText('Validation & test', { exact: true }).click();
    await training.field('Test data').selectOption('split');
    await training.start();
    await training.waitForStatus(/^Finished/);

    const csv = await download(training, 'Test predictions (CSV)…', 'predictions.csv');
    const status = training.panel.locator('.export-results [role=status]');
    await expect.poll(() => status.textContent()).toBe('Downloaded Iris-lab-test-predictions.csv.');
    const parsed = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([
      'example',
      'data_row',
      'true_label',
      'predicted_label',
      'probability_setosa',
      'probability_versicolor',
      'probability_virginica',
    ]);
    // A fifth of the 150 flowers is held out for the test.
    expect(parsed.data).toHaveLength(30);

    const zip = await download(training, 'Figures (PNG and SVG)…', 'figures.zip');
    await expect.poll(() => status.textContent()).toBe('Downloaded Iris-lab-figures.zip.');
    expect(Object.keys(unzipSync(readFileSync(zip)))).toEqual([
      'curves.svg',
      'curves.png',
      'confusion.svg',
      'confusion.png',
    ]);
    expect(pageErrors).toEqual([]);
  });
});

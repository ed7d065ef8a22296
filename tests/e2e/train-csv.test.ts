import { fileURLToPath } from 'node:url';
import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/** 30 real rows of Fisher's iris data, species first: 10 of each species. */
const IRIS_SLICE = fileURLToPath(new URL('../fixtures/data/iris-slice.csv', import.meta.url));

describe('training on an imported CSV in browser mode', () => {
  test('uploads a CSV, picks the target column, trains, and shows results that agree', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Iris from a file',
      template: 'Softmax regression',
    });
    const data = await DataPanelPage.open(workspace);
    await data.uploadCsv(IRIS_SLICE);
    await data.pickTarget('species');
    await data.waitForPreview('iris-slice.csv');
    expect(await data.fitHeading()).toBe('Fits your network');

    const training = await TrainingPage.open(workspace);
    expect(await training.datasetName()).toMatch(/iris-slice\.csv/);
    await training.start();
    await training.waitForStatus(/^Finished/, 60_000);

    // 30 rows, 20% held out for validation: 24 train, 6 validate.
    const results = await training.resultsTable();
    const header = results[0]!;
    const accuracyColumn = header.indexOf('Accuracy');
    expect(accuracyColumn).toBeGreaterThan(0);
    const validationRow = results.find((row) => row[0] === 'Validation')!;
    const matrix = await training.confusionMatrix();
    expect(matrix.labels).toEqual(['setosa', 'versicolor', 'virginica']);
    const total = matrix.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(6);
    // The table's accuracy is the matrix's diagonal over its total, to the shown digit.
    const correct = matrix.counts.reduce((sum, row, i) => sum + row[i]!, 0);
    expect(validationRow[accuracyColumn]).toBe(`${((100 * correct) / total).toFixed(1)}%`);
    // Three well-separated species: softmax regression learns them.
    const trainingRow = results.find((row) => row[0] === 'Training')!;
    expect(Number.parseFloat(trainingRow[accuracyColumn]!)).toBeGreaterThanOrEqual(90);

    // The run is listed for the project with its data set.
    const runs = await training.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.join(' ')).toMatch(/iris-slice\.csv/);
    await screenshot('finished');
    expect(pageErrors).toEqual([]);
  });
});

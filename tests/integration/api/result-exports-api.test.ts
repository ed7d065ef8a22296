import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../src/main/services/api-service';
import type { ExamplesPage, PartConfusion } from '../../../src/shared/inside/inside-schemas';
import type { TestService } from '../../fixtures/api-service';
import {
  apiServices,
  callService as call,
  refusalOf,
  trainedXorRun,
  waitForTrainingEvent,
} from '../../fixtures/api-service';
import { readSvg } from '../../fixtures/export/figure-check';
import { tempFolder } from '../data/temp-folder';

/**
 * A finished run's results from the app: runs.exportPredictions gives the test predictions as
 * CSV, runs.exportFigures the curves and confusion matrix in a zip; both agree with what the
 * app shows of the same run (its examples, its confusion matrix).
 */

const open = apiServices();
const temp = tempFolder('result-exports');
afterAll(() => temp.remove());

interface FileContent {
  readonly fileName: string;
  readonly base64: string;
  readonly note?: string;
}

type Row = Record<string, string>;

/** A project of `template` trained briefly through the API with a test part held out. */
async function trainedWithTestPart(
  { service, events }: TestService,
  name: string,
  template: string,
  data: string,
): Promise<{ service: ApiService; runId: string }> {
  const project = await call<{ id: string }>(service, 'projects.create', { name, template });
  const { runId } = await call<{ runId: string }>(service, 'training.start', {
    projectId: project.id,
    data: { source: 'builtin', name: data },
    config: { epochs: 4, batchSize: 16, test: { kind: 'split', fraction: 0.3 } },
    backend: 'auto',
  });
  await waitForTrainingEvent(events, 'finished');
  return { service, runId };
}

function csvRows(file: FileContent): Row[] {
  const parsed = Papa.parse<Row>(Buffer.from(file.base64, 'base64').toString('utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exporting a run’s results', () => {
  it('gives the test predictions that the Inside panel and its confusion matrix show', async () => {
    const { service, runId } = await trainedWithTestPart(
      open(),
      'Iris, exported',
      'softmax-regression',
      'iris',
    );
    const file = await call<FileContent>(service, 'runs.exportPredictions', { runId });
    expect(file.fileName).toBe('Iris-exported-test-predictions.csv');
    const rows = csvRows(file);

    const confusion = await call<PartConfusion>(service, 'runs.confusion', { runId, part: 'test' });
    expect(rows).toHaveLength(confusion.count);
    const fromCsv = confusion.labels.map((truth) =>
      confusion.labels.map(
        (guess) =>
          rows.filter((row) => row['true_label'] === truth && row['predicted_label'] === guess)
            .length,
      ),
    );
    expect(fromCsv).toEqual(confusion.counts);

    // Example by example, the labels and probabilities of the app's list of test examples.
    const page = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      part: 'test',
      limit: 100,
    });
    const classes = page.classNames!;
    expect(page.examples).toHaveLength(rows.length);
    page.examples.forEach((example, i) => {
      const row = rows[i]!;
      expect(row['example']).toBe(String(i + 1));
      expect(row['true_label']).toBe(classes[example.label!]);
      expect(row['predicted_label']).toBe(classes[example.predicted!]);
      const probabilities = classes.map((name) => Number(row[`probability_${name}`]));
      probabilities.forEach((p, k) => expect(p).toBeCloseTo(example.output[k]!, 6));
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });

    // The same run gives the same file, byte for byte.
    const again = await call<FileContent>(service, 'runs.exportPredictions', { runId });
    expect(again.base64).toBe(file.base64);
  }, 120_000);

  it('gives the curves and the test confusion matrix as SVG and PNG in one zip', async () => {
    const { service, runId } = await trainedWithTestPart(
      open(),
      'Iris, exported',
      'softmax-regression',
      'iris',
    );
    const file = await call<FileContent>(service, 'runs.exportFigures', { runId });
    expect(file.fileName).toBe('Iris-exported-figures.zip');
    expect(file.note).toBeUndefined();
    const files = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(files)).toEqual([
      'curves.svg',
      'curves.png',
      'confusion.svg',
      'confusion.png',
    ]);
    const confusion = await call<PartConfusion>(service, 'runs.confusion', { runId, part: 'test' });
    const svg = await readSvg(temp.write('iris/confusion.svg', files['confusion.svg']!));
    expect(svg.texts).toEqual(
      expect.arrayContaining(['Confusion matrix (test data)', ...confusion.labels]),
    );
    expect(svg.texts.filter((text) => /^\d+$/.test(text))).toEqual(
      confusion.counts.flat().map(String),
    );
    const curves = await readSvg(temp.write('iris/curves.svg', files['curves.svg']!));
    expect(curves.texts).toEqual(expect.arrayContaining(['Loss', 'Epoch', 'Accuracy']));
    expect(curves.linesPerChart).toEqual([2, 2]);

    const again = await call<FileContent>(service, 'runs.exportFigures', { runId });
    expect(again.base64).toBe(file.base64);
  }, 120_000);

  it('gives a regression run’s values and curves, and says it has no confusion matrix', async () => {
    const { service, runId } = await trainedWithTestPart(
      open(),
      'Cars',
      'linear-regression',
      'cars',
    );
    const rows = csvRows(await call<FileContent>(service, 'runs.exportPredictions', { runId }));
    expect(Object.keys(rows[0]!)).toEqual(['example', 'data_row', 'true_value', 'predicted_value']);
    const page = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      part: 'test',
      limit: 100,
    });
    expect(rows).toHaveLength(page.count);
    page.examples.forEach((example, i) => {
      expect(Number(rows[i]!['true_value'])).toBeCloseTo(example.target![0]!, 4);
      expect(Number(rows[i]!['predicted_value'])).toBeCloseTo(example.output[0]!, 5);
    });

    const figures = await call<FileContent>(service, 'runs.exportFigures', { runId });
    expect(Object.keys(unzipSync(Buffer.from(figures.base64, 'base64')))).toEqual([
      'curves.svg',
      'curves.png',
    ]);
    expect(figures.note).toBe(
      'This model predicts numbers, not classes, so it has no confusion matrix.',
    );
  }, 120_000);

  it('says what to change for a run without test examples, and for one still training', async () => {
    const test = open();
    const { service, runId } = await trainedXorRun(test, 'XOR');
    const predictions = await refusalOf(service, 'runs.exportPredictions', { runId });
    expect(predictions).toMatchObject({
      code: 'unsupported',
      message:
        'This run kept no test examples, so it has no test predictions: its Test data was "None". Choose "Hold out a fraction" (or the data set\'s own test part) under Test data, and train again.',
    });
    const figures = await call<FileContent>(service, 'runs.exportFigures', { runId });
    expect(Object.keys(unzipSync(Buffer.from(figures.base64, 'base64')))).toEqual([
      'curves.svg',
      'curves.png',
    ]);
    expect(figures.note).toMatch(/^This run kept no test examples, so it has no confusion matrix/);

    const project = await call<{ id: string }>(service, 'projects.create', {
      name: 'Still training',
      template: 'xor-mlp',
    });
    const running = await call<{ runId: string }>(service, 'training.start', {
      projectId: project.id,
      data: { source: 'builtin', name: 'xor' },
      config: { epochs: 100_000, batchSize: 4, validation: { kind: 'none' } },
      backend: 'auto',
    });
    expect(await refusalOf(service, 'runs.exportFigures', { runId: running.runId })).toEqual({
      code: 'unsupported',
      message: 'This run is still training; export its figures when it has finished.',
    });
    expect(await refusalOf(service, 'runs.exportPredictions', running)).toEqual({
      code: 'unsupported',
      message: 'This run is still training; export its test predictions when it has finished.',
    });
    await call(service, 'training.command', { ...running, command: { type: 'stop' } });
    await waitForTrainingEvent(test.events, 'stopped');
  }, 120_000);
});

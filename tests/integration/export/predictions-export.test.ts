import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOfCommand, openSession } from '../../../src/main/cli/inside-session';
import { runNeurite } from '../../fixtures/cli';
import { trainedWithCli } from '../../fixtures/export/trained-xor';
import { tempFolder } from '../data/temp-folder';

/**
 * neurite export --format predictions: the test part's predictions as CSV, read back as a
 * student's spreadsheet or pandas would, and checked against what neurite predict and
 * neurite evaluate say about the same examples.
 */

const temp = tempFolder('predictions');
afterAll(() => temp.remove());

type Row = Record<string, string>;

/** A CSV file as rows of named cells. */
function readCsv(file: string): { fields: string[]; rows: Row[] } {
  const parsed = Papa.parse<Row>(readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

/** A template trained by neurite train into the test's folder `name`. */
const train = (name: string, template: string, ...flags: string[]) =>
  trainedWithCli(temp.path(name), template, ...flags);

/** The positions, among all the data's examples, of the run's test examples, in order. */
async function testRows(model: string): Promise<number[]> {
  const session = await openSession(model);
  try {
    const data = await dataOfCommand('test', session, undefined, undefined);
    return Array.from(data.parts.test!.rows);
  } finally {
    session.model.dispose();
  }
}

async function json<T>(...argv: string[]): Promise<T> {
  const run = await runNeurite(...argv, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('neurite export --format predictions', () => {
  let iris: string;
  let logistic: string;
  let cars: string;
  let xor: string;
  beforeAll(async () => {
    // Trained briefly, so that some test flowers are still classified wrong.
    iris = await train('iris', 'softmax-regression', '--epochs', '4', '--test', '0.3');
    logistic = await train('logistic', 'logistic-regression', '--epochs', '5', '--test', '0.2');
    cars = await train('cars', 'linear-regression', '--epochs', '5', '--test', '0.2');
    xor = await train('xor', 'xor-mlp', '--epochs', '20', '--validation', 'none');
  }, 240_000);

  it('writes one row per test example with the labels and probabilities neurite predict gives', async () => {
    const out = temp.path('iris.csv');
    const run = await runNeurite('export', iris, '--format', 'predictions', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the predictions of the model saved in "${iris}" for the 45 test examples of "Iris flowers" to ${out}.\n`,
    );
    const { fields, rows } = readCsv(out);
    expect(fields).toEqual([
      'example',
      'data_row',
      'true_label',
      'predicted_label',
      'probability_setosa',
      'probability_versicolor',
      'probability_virginica',
    ]);
    const evaluation = await json<{
      examples: number;
      metrics: { accuracy: number };
      confusionMatrix: { labels: string[]; counts: number[][] };
    }>('evaluate', iris, '--part', 'test');
    expect(rows).toHaveLength(evaluation.examples);
    expect(rows.map((row) => row['example'])).toEqual(rows.map((_, i) => String(i + 1)));

    // The same examples through neurite predict: every example of the data, picked out by the
    // run's own test split.
    const predicted = await json<{ outputs: number[][]; predicted: number[]; classes: string[] }>(
      'predict',
      iris,
      '--data',
      'iris',
    );
    const positions = await testRows(iris);
    rows.forEach((row, i) => {
      const at = positions[i]!;
      // Where the example is in the data set, so a teacher can find it there.
      expect(row['data_row']).toBe(String(at + 1));
      expect(row['predicted_label']).toBe(predicted.classes[predicted.predicted[at]!]);
      const probabilities = predicted.classes.map((name) => Number(row[`probability_${name}`]));
      probabilities.forEach((p, k) => expect(p).toBeCloseTo(predicted.outputs[at]![k]!, 6));
      // Softmax: the three probabilities add up to 1.
      expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });

    // Counted from the file, the confusion matrix is neurite evaluate's of the test part.
    const { labels, counts } = evaluation.confusionMatrix;
    const fromCsv = labels.map((truth) =>
      labels.map(
        (guess) =>
          rows.filter((row) => row['true_label'] === truth && row['predicted_label'] === guess)
            .length,
      ),
    );
    expect(fromCsv).toEqual(counts);
    // Trained for four epochs only: the file has mistakes to look at, as evaluate says.
    const right = rows.filter((row) => row['true_label'] === row['predicted_label']).length;
    expect(right).toBeLessThan(rows.length);
    expect(right / rows.length).toBeCloseTo(evaluation.metrics.accuracy, 10);
  }, 60_000);

  it('names the one probability of a single sigmoid after the positive class', async () => {
    const out = temp.path('logistic.csv');
    const run = await runNeurite('export', logistic, '--format', 'predictions', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const { fields, rows } = readCsv(out);
    const classes = (await json<{ classes: string[] }>('predict', logistic, '--data', 'gaussians'))
      .classes;
    expect(fields).toEqual([
      'example',
      'data_row',
      'true_label',
      'predicted_label',
      `probability_${classes[1]}`,
    ]);
    for (const row of rows) {
      const p = Number(row[`probability_${classes[1]}`]);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(row['predicted_label']).toBe(p >= 0.5 ? classes[1] : classes[0]);
    }
  }, 60_000);

  it('writes the true and predicted value of each test car for a regression', async () => {
    const out = temp.path('cars.csv');
    const run = await runNeurite('export', cars, '--format', 'predictions', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const { fields, rows } = readCsv(out);
    expect(fields).toEqual(['example', 'data_row', 'true_value', 'predicted_value']);
    const evaluation = await json<{ examples: number; metrics: { mae: number } }>(
      'evaluate',
      cars,
      '--part',
      'test',
    );
    expect(rows).toHaveLength(evaluation.examples);
    const predicted = await json<{ outputs: number[][] }>('predict', cars, '--data', 'cars');
    const positions = await testRows(cars);
    rows.forEach((row, i) =>
      expect(Number(row['predicted_value'])).toBeCloseTo(predicted.outputs[positions[i]!]![0]!, 5),
    );
    // The mean of |true − predicted| over the file is evaluate's mean absolute error.
    const mae =
      rows.reduce(
        (sum, row) => sum + Math.abs(Number(row['true_value']) - Number(row['predicted_value'])),
        0,
      ) / rows.length;
    expect(mae).toBeCloseTo(evaluation.metrics.mae, 4);
  }, 60_000);

  it('takes another data set with --data, all of it when it has no test part', async () => {
    const flowers = temp.write(
      'flowers.csv',
      [
        'sepal length,sepal width,petal length,petal width,species',
        '5.1,3.5,1.4,0.2,setosa',
        '7.0,3.2,4.7,1.4,versicolor',
        '6.3,3.3,6.0,2.5,virginica',
        '4.9,3.0,1.4,0.2,setosa',
      ].join('\n'),
    );
    const out = temp.path('flowers-predictions.csv');
    const run = await runNeurite(
      'export',
      iris,
      '--format',
      'predictions',
      '--data',
      flowers,
      '--out',
      out,
      '--json',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      format: 'predictions',
      out,
      files: ['flowers-predictions.csv'],
      part: 'all',
      examples: 4,
    });
    const { rows } = readCsv(out);
    expect(rows.map((row) => row['true_label'])).toEqual([
      'setosa',
      'versicolor',
      'virginica',
      'setosa',
    ]);
  }, 60_000);

  it('writes the same bytes every time', async () => {
    const files = [temp.path('again-1.csv'), temp.path('again-2.csv')];
    for (const out of files) {
      const run = await runNeurite('export', iris, '--format', 'predictions', '--out', out);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(readFileSync(files[0]!)).toEqual(readFileSync(files[1]!));
  }, 60_000);

  it('says what is missing or wrong, and writes nothing', async () => {
    const noTest = await runNeurite(
      'export',
      xor,
      '--format',
      'predictions',
      '--out',
      temp.path('xor.csv'),
    );
    expect(noTest).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'This run kept no test examples, so it has no test predictions: its Test data was "None". Choose "Hold out a fraction" (or the data set\'s own test part) under Test data, and train again.\n',
    });
    expect(existsSync(temp.path('xor.csv'))).toBe(false);

    const noOut = await runNeurite('export', iris, '--format', 'predictions');
    expect(noOut.stderr).toBe('Give the .csv file to write the predictions to with --out.\n');

    const folder = temp.write('a-folder/notes.txt', 'mine');
    const intoFolder = await runNeurite(
      'export',
      iris,
      '--format',
      'predictions',
      '--out',
      path.dirname(folder),
    );
    expect(intoFolder.code).toBe(2);
    expect(intoFolder.stderr).toContain(
      'is a folder. Give the name of a file to write the predictions to.',
    );
    expect(readdirSync(path.dirname(folder))).toEqual(['notes.txt']);

    const unwritable = await runNeurite(
      'export',
      iris,
      '--format',
      'predictions',
      '--out',
      '/proc/neurite.csv',
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(
      /^The predictions could not be written to "\/proc\/neurite\.csv" \(that folder cannot hold new files\)\. Give a place you can write to\.\n$/,
    );

    const modelFormat = await runNeurite(
      'export',
      iris,
      '--format',
      'tfjs',
      '--data',
      'iris',
      '--out',
      temp.path('model'),
    );
    expect(modelFormat.stderr).toBe(
      '--data is for the predictions and figures; TensorFlow.js holds the model alone. Leave --data out.\n',
    );
    expect(readdirSync(temp.root).filter((name) => name.includes('partial'))).toEqual([]);
  }, 60_000);

  it('lists the predictions and the figures in its help, each under its name, within 100 columns', async () => {
    const help = await runNeurite('export', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /\n {4}predictions {6}Test predictions: a CSV file with one row per test example/,
    );
    expect(help.stdout).toMatch(/\n {4}figures {10}Figures: curves\.svg and curves\.png/);
    const lines = help.stdout.split('\n').slice(1);
    expect(lines.filter((line) => line.length > 100)).toEqual([]);
  });
});

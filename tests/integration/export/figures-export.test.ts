import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNeurite } from '../../fixtures/cli';
import { readPng, readSvg } from '../../fixtures/export/figure-check';
import { templateFile, trainXorModel, trainedWithCli } from '../../fixtures/export/trained-xor';
import { tempFolder } from '../data/temp-folder';

/**
 * neurite export --format figures: the curves and the confusion matrix as SVG (read back by
 * Python's XML parser) and PNG (decoded), checked for what a student looks at: the axis
 * titles and the legend, a line per curve, the counts of neurite evaluate in the cells.
 */

const temp = tempFolder('figures');
afterAll(() => temp.remove());

/** A template trained by neurite train into the test's folder `name`. */
const train = (name: string, template: string, ...flags: string[]) =>
  trainedWithCli(temp.path(name), template, ...flags);

const ALL_FILES = ['confusion.png', 'confusion.svg', 'curves.png', 'curves.svg'];
/** The app's colours of the training and validation curves. */
const TRAINING = '#3a5bd9';
const VALIDATION = '#d9480f';

describe('neurite export --format figures', () => {
  let iris: string;
  let cars: string;
  let xor: string;
  beforeAll(async () => {
    iris = await train('iris', 'softmax-regression', '--epochs', '4', '--test', '0.3');
    cars = await train('cars', 'linear-regression', '--epochs', '5', '--test', '0.2');
    xor = await train('xor', 'xor-mlp', '--epochs', '20', '--validation', 'none');
  }, 240_000);

  it('draws the curves of every epoch, training and validation, with words a student reads', async () => {
    const out = temp.path('iris-figures');
    const run = await runNeurite('export', iris, '--format', 'figures', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the figures of the model saved in "${iris}" to ${out}: curves.svg, curves.png, confusion.svg, confusion.png.\n`,
    );
    expect(readdirSync(out).sort()).toEqual(ALL_FILES);

    const svg = await readSvg(path.join(out, 'curves.svg'));
    expect(svg.tag).toBe('{http://www.w3.org/2000/svg}svg');
    expect(svg.texts).toEqual(
      expect.arrayContaining([
        'Loss per epoch',
        'Accuracy per epoch',
        'Epoch',
        'Loss',
        'Accuracy',
        'Training',
        'Validation',
      ]),
    );
    // Two charts, each a line for training and one for validation.
    expect(svg.linesPerChart).toEqual([2, 2]);
    // The x axis counts the run's four epochs.
    expect(svg.texts).toEqual(expect.arrayContaining(['1', '2', '3', '4']));

    const png = readPng(path.join(out, 'curves.png'));
    expect([png.width, png.height]).toEqual([svg.width * 2, svg.height * 2]);
    expect(png.inked).toBeGreaterThan(0.01);
    expect(png.has(TRAINING)).toBe(true);
    expect(png.has(VALIDATION)).toBe(true);
  }, 60_000);

  it('draws the confusion matrix of the test examples with neurite evaluate’s counts', async () => {
    const out = temp.path('iris-confusion');
    expect((await runNeurite('export', iris, '--format', 'figures', '--out', out)).code).toBe(0);
    const evaluation = await runNeurite('evaluate', iris, '--part', 'test', '--json');
    const { labels, counts } = (
      JSON.parse(evaluation.stdout) as {
        confusionMatrix: { labels: string[]; counts: number[][] };
      }
    ).confusionMatrix;
    // Trained for four epochs only: there are mistakes off the diagonal to see.
    expect(counts.some((row, i) => row.some((count, j) => i !== j && count > 0))).toBe(true);

    const svg = await readSvg(path.join(out, 'confusion.svg'));
    expect(svg.texts).toEqual(
      expect.arrayContaining([
        'Confusion matrix (test data)',
        'True class',
        'Predicted class',
        ...labels,
      ]),
    );
    // The cells come row by row, a row per true class, as the app shows them.
    const cells = svg.texts.filter((text) => /^\d+$/.test(text));
    expect(cells).toEqual(counts.flat().map(String));

    const png = readPng(path.join(out, 'confusion.png'));
    expect([png.width, png.height]).toEqual([svg.width * 2, svg.height * 2]);
    expect(png.inked).toBeGreaterThan(0.01);
    expect(png.has(TRAINING)).toBe(true);
  }, 60_000);

  it('writes the same bytes for the same run', async () => {
    const first = temp.path('again-1');
    const second = temp.path('again-2');
    for (const out of [first, second, first]) {
      const run = await runNeurite('export', iris, '--format', 'figures', '--out', out);
      expect(run.code, run.stderr).toBe(0);
    }
    for (const name of ALL_FILES) {
      expect(readFileSync(path.join(first, name))).toEqual(readFileSync(path.join(second, name)));
    }
  }, 60_000);

  it('draws a regression model’s curves and says why there is no confusion matrix', async () => {
    const out = temp.path('cars-figures');
    const run = await runNeurite('export', cars, '--format', 'figures', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Wrote the figures of the model saved in "${cars}" to ${out}: curves.svg, curves.png.\nNo confusion.svg or confusion.png: This model predicts numbers, not classes, so it has no confusion matrix.\n`,
    );
    expect(readdirSync(out).sort()).toEqual(['curves.png', 'curves.svg']);
    const svg = await readSvg(path.join(out, 'curves.svg'));
    expect(svg.texts).toEqual(
      expect.arrayContaining(['Loss per epoch', 'Mean absolute error per epoch', 'Epoch']),
    );
  }, 60_000);

  it('draws the curves of a run without test examples, and says how to get a confusion matrix', async () => {
    const out = temp.path('xor-figures');
    const run = await runNeurite('export', xor, '--format', 'figures', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      format: 'figures',
      out,
      files: ['curves.svg', 'curves.png'],
      note: 'This run kept no test examples, so it has no confusion matrix of test examples: its Test data was "None". Choose "Hold out a fraction" (or the data set\'s own test part) under Test data, and train again.',
    });
    // No validation part: one line per chart.
    expect((await readSvg(path.join(out, 'curves.svg'))).linesPerChart).toEqual([1, 1]);
  }, 60_000);

  it('says what is missing or wrong, and writes nothing', async () => {
    const untrained = await runNeurite(
      'export',
      templateFile('xor-mlp'),
      '--format',
      'figures',
      '--out',
      temp.path('untrained'),
    );
    expect(untrained.code).toBe(2);
    expect(untrained.stderr).toMatch(
      /was never trained, so it has no curves to draw\. Give a saved/,
    );

    // A model saved without its epochs (not by neurite train).
    const older = temp.path('no-history');
    await trainXorModel(older);
    const noHistory = await runNeurite(
      'export',
      older,
      '--format',
      'figures',
      '--out',
      temp.path('older'),
    );
    expect(noHistory.stderr).toBe(
      `"${older}" has no history.json, the numbers of each epoch: it was saved by an older Neurite, or not by neurite train. Train it again with --out to draw its curves.\n`,
    );

    const unwritable = await runNeurite(
      'export',
      iris,
      '--format',
      'figures',
      '--out',
      '/proc/neurite',
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(
      /^The figures could not be written to "\/proc\/neurite" \(that folder cannot hold new files\)\. Give a folder you can write to\.\n$/,
    );
    const busy = temp.write('busy/notes.txt', 'mine');
    const full = await runNeurite(
      'export',
      iris,
      '--format',
      'figures',
      '--out',
      path.dirname(busy),
    );
    expect(full.stderr).toContain('already holds other files (notes.txt). Give a new folder');
    expect(readdirSync(path.dirname(busy))).toEqual(['notes.txt']);
    expect(existsSync(temp.path('untrained'))).toBe(false);
    expect(existsSync(temp.path('older'))).toBe(false);
    expect(readdirSync(temp.root).filter((name) => name.includes('partial'))).toEqual([]);
  }, 120_000);
});

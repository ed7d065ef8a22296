import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { planTargets } from '../../../src/main/data/target-plan';
import { DatasetError } from '../../../src/main/data/types';
import { templateDefaults } from '../../../src/shared/training/template-defaults';
import { finished, template, trainInProcess } from '../../fixtures/training';
import { tempFolder } from './temp-folder';

/**
 * Sequences in a CSV file: a row of numbers read as the steps of a sequence Input, and several
 * target columns read as the sequence a network writes (sequence-to-sequence, one-to-many).
 */

const temp = tempFolder('csv-sequences');
afterAll(() => temp.remove());

const STEPS = 10;
const names = (prefix: string) => Array.from({ length: STEPS }, (_, k) => `${prefix}${k + 1}`);

/** Rows of 10 digits (as k/9) and the same digits backwards, from a fixed pseudo-random run. */
function reversalCsv(rows: number): string {
  let state = 7;
  const digit = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * 10) / 9;
  };
  const lines = [[...names('x'), ...names('y')].join(',')];
  for (let r = 0; r < rows; r += 1) {
    const x = Array.from({ length: STEPS }, digit);
    lines.push([...x, ...[...x].reverse()].map((v) => v.toFixed(6)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const path = temp.write('reverse.csv', reversalCsv(2000));

function spec(options: Partial<Extract<DatasetSpecInput, { source: 'csv' }>>) {
  return datasetSpecSchema.parse({ source: 'csv', path, scaling: 'none', ...options });
}

async function refusal(options: Partial<Extract<DatasetSpecInput, { source: 'csv' }>>) {
  const error = await loadDataset(spec(options)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).message;
}

describe('several target columns', () => {
  it('are predicted as one sequence of numbers per row, in the order given', async () => {
    const data = await loadDataset(spec({ target: names('y') }));
    expect(data.info).toMatchObject({
      task: 'regression',
      featureShape: [STEPS],
      featureNames: names('x'),
      targetSize: STEPS,
      targetNames: names('y'),
      count: 2000,
    });
    const x = Array.from(data.examples.x.subarray(0, STEPS));
    const y = Array.from(data.examples.y.subarray(0, STEPS));
    expect(y).toEqual([...x].reverse());
    expect(data.info.notes.join(' ')).toContain(
      'Predicting 10 columns in this order ("y1", "y2", "y3", "y4", "y5", "y6", …): regression, a sequence of 10 numbers per row.',
    );
  });

  it('may be given by index, and the order given is kept', async () => {
    const data = await loadDataset(spec({ target: [19, 10] }));
    expect(data.info.targetNames).toEqual(['y10', 'y1']);
    expect(data.info.featureShape).toEqual([18]);
    const row = Array.from(data.examples.y.subarray(0, 2));
    // y10 is x1 and y1 is x10.
    expect(row).toEqual([data.examples.x[0], data.examples.x[9]]);
  });

  it('are refused clearly when named twice or asked to be classes', async () => {
    expect(await refusal({ target: ['y1', 'y2', 'y1'] })).toBe(
      'The column "y1" of reverse.csv is named twice among the columns to predict. Name each target column once.',
    );
    expect(await refusal({ target: ['y1', 'y2'], task: 'classification' })).toContain(
      '2 columns to predict make a sequence of numbers, which is a regression, but the task is set to classification.',
    );
    expect(await refusal({ target: ['y1', 'nope'] })).toContain('"nope"');
  });
});

describe('a sequence network reading CSV rows', () => {
  const encoderDecoder = template('seq2seq-encoder-decoder');

  it('fits: 10 feature columns as 10 steps, 10 target columns as the 10 steps it writes', async () => {
    const data = await loadDataset(spec({ target: names('y') }));
    const planned = planTargets(
      data.info,
      { name: 'Input', info: { shape: [STEPS, 1], dtype: 'float32' } },
      { name: 'Output', task: 'regression', loss: 'meanSquaredError', shape: [STEPS, 1] },
    );
    expect(planned).toMatchObject({
      ok: true,
      plan: { encoding: { kind: 'values', size: STEPS, shape: [STEPS, 1] } },
    });
    // A Dense of 10 at the end (one-to-many from a vector) takes the same targets as they are.
    const flat = planTargets(
      data.info,
      { name: 'Input', info: { shape: [STEPS], dtype: 'float32' } },
      { name: 'Output', task: 'regression', loss: 'meanSquaredError', shape: [STEPS] },
    );
    expect(flat).toMatchObject({ ok: true, plan: { encoding: { shape: [STEPS] } } });
    // 10 numbers cannot be 12 steps.
    const wrong = planTargets(
      data.info,
      { name: 'Input', info: { shape: [STEPS, 1], dtype: 'float32' } },
      { name: 'Output', task: 'regression', loss: 'meanSquaredError', shape: [12, 1] },
    );
    expect(wrong.ok).toBe(false);
  });

  it('the encoder–decoder template learns to reverse the sequences of a CSV file', async () => {
    // The template's own settings, as for the built-in "Reverse a sequence".
    const settings = templateDefaults('seq2seq-encoder-decoder')!.training;
    const run = await trainInProcess(encoderDecoder, spec({ target: names('y') }), settings);
    const result = finished(run);
    const started = run.events.find((event) => event.type === 'started');
    expect(started && started.type === 'started' && started.dataset.notes.join(' ')).toContain(
      "Each example's 10 values are read in order as a sequence of 10 steps of 1 value, as",
    );
    // Guessing 0.5 at every step: mean of (k/9 − 0.5)² over the digits, 0.1019.
    const guessing =
      Array.from({ length: 10 }, (_, k) => (k / 9 - 0.5) ** 2).reduce((a, b) => a + b) / 10;
    expect(result.validation!.metrics['mse']).toBeLessThan(guessing / 10);
  });
});

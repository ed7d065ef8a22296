import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import type { tf } from '../../../src/main/engine/tf';
import { planTargets } from '../../../src/main/data/target-plan';
import type { DatasetInfo } from '../../../src/shared/data/dataset-info';
import type { MomentumForm, TrainingConfigInput } from '../../../src/shared/training/config';
import type { TrainerEventOf } from '../../../src/shared/training/events';
import { chain } from '../../fixtures/build-graph';
import { loadSavedModel } from '../../fixtures/saved-model';
import { finished, template, trainInProcess } from '../../fixtures/training';
import { tempFolder } from '../data/temp-folder';

/**
 * The course's worked examples, trained by the real training loop: the notes' own numbers,
 * and further points computed here by the formulas written out by hand, so that no table of
 * the notes' values can pass on its own.
 */

const folder = tempFolder('course');
afterAll(() => folder.remove());
beforeAll(async () => {
  await selectBackend('wasm');
});

/** A CSV of (x, y) pairs in this order, read with no scaling. */
function pairs(name: string, rows: readonly (readonly [number, number])[]) {
  const path = folder.write(name, `x,y\n${rows.map(([x, y]) => `${x},${y}`).join('\n')}\n`);
  return { source: 'csv', path, target: 'y', task: 'regression', scaling: 'none' } as const;
}

/** The linear unit ŷ = w·x (no bias), starting from w₀, with the squared error as its loss. */
const linearUnit = (w0: number) =>
  chain(
    { form: 'vector', shape: [1] },
    [['Dense', { units: 1, useBias: false, kernelInitializer: { type: 'constant', value: w0 } }]],
    { task: 'regression', loss: 'meanSquaredError' },
  );

/** One example per step, in the file's order, nothing held out. */
const stepByStep = (extra: TrainingConfigInput): TrainingConfigInput => ({
  batchSize: 1,
  shuffle: false,
  validation: { kind: 'none' },
  batchEventInterval: 0,
  ...extra,
});

const batchLosses = (events: readonly { type: string }[]) =>
  events.filter((e): e is TrainerEventOf<'batch'> => e.type === 'batch').map((e) => e.loss);

/**
 * The error (y − w·x)² before each step, and the steps of gradient descent with momentum on
 * E = (y − w·x)², whose gradient is dW = −2·(y − w·x)·x; β = 0 is plain gradient descent.
 */
function byHand(
  data: readonly (readonly [number, number])[],
  epochs: number,
  w0: number,
  alpha: number,
  beta = 0,
  form: MomentumForm = 'average',
): number[] {
  let w = w0;
  let v = 0;
  const errors: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (const [x, y] of data) {
      errors.push((y - w * x) ** 2);
      const dW = -2 * (y - w * x) * x;
      v = form === 'average' ? beta * v + (1 - beta) * dW : beta * v + dW;
      w -= alpha * v;
    }
  }
  return errors;
}

const NOTES_DATA = [
  [2, 4],
  [1, 2],
  [3, 6],
] as const;

describe('gradient descent on one weight, sample by sample (keras-slides)', () => {
  it('gives the notes’ errors 9, 0.09, 0.5184 for (2,4), (1,2), (3,6) from w₀ = 0.5 with α = 0.1', async () => {
    const run = await trainInProcess(
      linearUnit(0.5),
      pairs('notes.csv', NOTES_DATA),
      stepByStep({ epochs: 1, optimizer: { type: 'sgd', learningRate: 0.1 } }),
    );
    finished(run);
    const losses = batchLosses(run.events);
    expect(losses).toHaveLength(3);
    [9, 0.09, 0.5184].forEach((value, i) => expect(losses[i]).toBeCloseTo(value, 5));
  });

  it('goes on as the formula says: w = 2.192 after the notes’ three steps, then a second pass', async () => {
    const run = await trainInProcess(
      linearUnit(0.5),
      pairs('notes-twice.csv', NOTES_DATA),
      stepByStep({ epochs: 2, optimizer: { type: 'sgd', learningRate: 0.1 } }),
    );
    finished(run);
    const losses = batchLosses(run.events);
    // The fourth step sees (2, 4) again with w = 2.192: (4 − 4.384)² = 0.147456.
    expect(losses[3]).toBeCloseTo(0.147456, 5);
    const expected = byHand(NOTES_DATA, 2, 0.5, 0.1);
    losses.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
  });

  it('follows the same rule on data and a start the notes do not give', async () => {
    const data = [
      [-1, 1.5],
      [0.5, 0.2],
      [2, -3],
      [1.5, 2.5],
    ] as const;
    const run = await trainInProcess(
      linearUnit(-0.3),
      pairs('other.csv', data),
      stepByStep({ epochs: 3, optimizer: { type: 'sgd', learningRate: 0.05 } }),
    );
    finished(run);
    const expected = byHand(data, 3, -0.3, 0.05);
    const losses = batchLosses(run.events);
    expect(losses).toHaveLength(12);
    losses.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 4));
  });
});

describe('learning-rate decay (units 1–5: α = α₀ / (1 + decay · epoch))', () => {
  it('trains with 0.1, 0.067, 0.05, 0.04 in epochs 1 to 4 for α₀ = 0.2 and decay 1', async () => {
    const run = await trainInProcess(
      linearUnit(0.5),
      pairs('decay.csv', NOTES_DATA),
      stepByStep({
        epochs: 4,
        optimizer: { type: 'sgd', learningRate: 0.2 },
        schedule: { type: 'inverseTime', decay: 1 },
      }),
    );
    finished(run);
    expect(run.epochs.map((e) => Number(e.learningRate.toFixed(3)))).toEqual([
      0.1, 0.067, 0.05, 0.04,
    ]);
    // Every step of epoch 1 already uses α = 0.1.
    const firstEpoch = run.events.filter(
      (e): e is TrainerEventOf<'batch'> => e.type === 'batch' && e.epoch === 1,
    );
    expect(firstEpoch.map((e) => e.learningRate)).toEqual([0.1, 0.1, 0.1]);
  });
});

describe('momentum (unit 2: V ← βV + (1 − β)·dW)', () => {
  it.each(['average', 'sum'] as const)(
    'the %s form trains as its formula says',
    async (momentumForm) => {
      const run = await trainInProcess(
        linearUnit(0.5),
        pairs(`momentum-${momentumForm}.csv`, NOTES_DATA),
        stepByStep({
          epochs: 3,
          optimizer: { type: 'sgd', learningRate: 0.02, momentum: 0.9, momentumForm },
        }),
      );
      finished(run);
      const expected = byHand(NOTES_DATA, 3, 0.5, 0.02, 0.9, momentumForm);
      const losses = batchLosses(run.events);
      expect(losses).toHaveLength(9);
      losses.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 4));
    },
  );
});

describe('precision, recall and F1 (in a nutshell: metric recap)', () => {
  /** TP / (TP + FP), TP / (TP + FN) and their harmonic mean for class c of a confusion matrix. */
  function figuresOf(counts: number[][], c: number) {
    const tp = counts[c]![c]!;
    const predicted = counts.reduce((sum, row) => sum + row[c]!, 0);
    const actual = counts[c]!.reduce((a, b) => a + b, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = actual === 0 ? 0 : tp / actual;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  }

  it('are the positive class’s for two classes, and the run says so', async () => {
    const run = await trainInProcess(
      template('xor-mlp'),
      { source: 'builtin', name: 'circle', samples: 120, noise: 0.3 },
      { epochs: 3, batchSize: 16, validation: { kind: 'split', fraction: 0.5 } },
    );
    const result = finished(run);
    const evaluation = result.validation!;
    const counts = evaluation.confusionMatrix!.counts;
    const positive = figuresOf(counts, 1);
    expect(evaluation.metrics['precision']).toBeCloseTo(positive.precision, 10);
    expect(evaluation.metrics['recall']).toBeCloseTo(positive.recall, 10);
    expect(evaluation.metrics['f1']).toBeCloseTo(positive.f1, 10);
    const label = evaluation.confusionMatrix!.labels[1];
    expect(run.events[0]).toMatchObject({
      type: 'started',
      notes: expect.arrayContaining([expect.stringContaining(`positive class "${label}"`)]),
    });
  });

  it('are macro averages for more classes, and the run says so', async () => {
    const run = await trainInProcess(
      template('softmax-regression'),
      { source: 'builtin', name: 'iris' },
      { epochs: 2, batchSize: 16, validation: { kind: 'split', fraction: 0.3 } },
    );
    const evaluation = finished(run).validation!;
    const counts = evaluation.confusionMatrix!.counts;
    const perClass = counts.map((_, c) => figuresOf(counts, c));
    const mean = (pick: (f: (typeof perClass)[number]) => number) =>
      perClass.reduce((sum, f) => sum + pick(f), 0) / perClass.length;
    expect(evaluation.metrics['precision']).toBeCloseTo(
      mean((f) => f.precision),
      10,
    );
    expect(evaluation.metrics['recall']).toBeCloseTo(
      mean((f) => f.recall),
      10,
    );
    expect(evaluation.metrics['f1']).toBeCloseTo(
      mean((f) => f.f1),
      10,
    );
    expect(run.events[0]).toMatchObject({
      notes: expect.arrayContaining([expect.stringContaining('macro averages')]),
    });
  });
});

describe('the binary step (unit 2: its derivative is 0, so step units cannot learn by gradient descent)', () => {
  const stepNetwork = () =>
    chain(
      { form: 'vector', shape: [2] },
      [
        ['Dense', { units: 4, activation: 'step' }],
        ['Dense', { units: 1, activation: 'sigmoid' }],
      ],
      { task: 'classification', loss: 'binaryCrossentropy' },
    );

  it('leaves every weight before a hidden step layer as it started, and says why', async () => {
    const out = folder.path('step-model');
    const graph = stepNetwork();
    const run = await trainInProcess(
      graph,
      { source: 'builtin', name: 'xor' },
      {
        epochs: 30,
        batchSize: 4,
        validation: { kind: 'none' },
        seed: 3,
        optimizer: { type: 'sgd', learningRate: 0.5 },
      },
      { outDir: out },
    );
    finished(run);
    const started = run.events[0] as TrainerEventOf<'started'>;
    expect(started.notes.join(' ')).toMatch(/slope is 0 everywhere/);
    const initial = compileGraph(graph, { seed: 3 });
    const trained = await loadSavedModel(out);
    const weights = (model: tf.LayersModel, layer: string) =>
      model
        .getLayer(layer)
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
    // The hidden layer (l1) gets no gradient through the step: exactly its starting weights.
    expect(weights(trained, 'l1')).toEqual(weights(initial.model, 'l1'));
    // The layer after it still learns from the step's 0s and 1s.
    expect(weights(trained, 'l2')).not.toEqual(weights(initial.model, 'l2'));
    initial.model.dispose();
    trained.dispose();
  });

  it('still teaches the lone perceptron unit AND by the perceptron rule', async () => {
    const run = await trainInProcess(
      template('perceptron'),
      { source: 'builtin', name: 'and' },
      {
        epochs: 20,
        batchSize: 1,
        shuffle: false,
        validation: { kind: 'none' },
        optimizer: { type: 'sgd', learningRate: 0.1 },
      },
    );
    expect(finished(run).train.metrics['accuracy']).toBe(1);
  });
});

describe('the perceptron’s loss', () => {
  it('is reported under its own name, with why it replaces the Output’s loss', async () => {
    const run = await trainInProcess(
      template('perceptron'),
      { source: 'builtin', name: 'and' },
      {
        epochs: 1,
        batchSize: 4,
        shuffle: false,
        validation: { kind: 'none' },
        batchEventInterval: 0,
        optimizer: { type: 'sgd', learningRate: 0.1 },
      },
    );
    const result = finished(run);
    const started = run.events[0] as TrainerEventOf<'started'>;
    expect(started.lossName).toBe('the perceptron rule, ½·(y − ŷ)² per example');
    expect(result.lossName).toBe(started.lossName);
    expect(started.notes.join(' ')).toMatch(
      /does not learn by the Output's loss \(.+\).*perceptron rule/,
    );
    // Each 0/1 error squares to itself: ½·(y − ŷ)² per example is half the share of the four
    // rows the unit got wrong, not the mean squared error the Output names.
    const [first] = batchLosses(run.events);
    expect(first! * 2 * 4).toBe(Math.round(first! * 2 * 4));
  });

  it('is named as chosen for any other network', async () => {
    const run = await trainInProcess(
      template('xor-mlp'),
      { source: 'builtin', name: 'xor' },
      { epochs: 1, batchSize: 4, validation: { kind: 'none' } },
    );
    expect(finished(run).lossName).toBe('Binary cross-entropy');
  });
});

describe('hinge losses (units 1–5: multi-class SVM loss)', () => {
  /** Iris → 3 linear scores, trained with the given loss. */
  const irisScores = (loss: string) =>
    chain({ form: 'vector', shape: [4] }, [['Dense', { units: 3, activation: 'linear' }]], {
      task: 'classification',
      loss,
    });

  it('gives one-per-class outputs ±1 targets, so wrong classes learn too', () => {
    const irisInfo: DatasetInfo = {
      title: 'Iris',
      task: 'classification',
      featureShape: [4],
      featureType: 'float32',
      classNames: ['setosa', 'versicolor', 'virginica'],
      targetSize: 1,
      count: 150,
      notes: [],
    };
    const planned = planTargets(
      irisInfo,
      { name: 'x', info: { shape: [4], dtype: 'float32' } },
      { name: 'y', task: 'classification', loss: 'hinge', shape: [3] },
    );
    expect(planned).toMatchObject({
      ok: true,
      plan: { encoding: { kind: 'oneHotPlusMinus', classes: 3 }, threshold: 0 },
    });
  });

  it.each(['hinge', 'squaredHinge', 'multiclassHinge', 'multiclassSquaredHinge'])(
    '%s learns Iris with one linear score per class',
    async (loss) => {
      const run = await trainInProcess(
        irisScores(loss),
        { source: 'builtin', name: 'iris' },
        {
          epochs: 40,
          batchSize: 16,
          validation: { kind: 'none' },
          optimizer: { type: 'adam', learningRate: 0.05 },
        },
      );
      expect(finished(run).train.metrics['accuracy']).toBeGreaterThan(0.85);
    },
  );
});

describe('stratified splits (units 1–5: evaluation)', () => {
  it('validate Iris on the same number of each species', async () => {
    const run = await trainInProcess(
      template('softmax-regression'),
      { source: 'builtin', name: 'iris' },
      { epochs: 1, batchSize: 16, validation: { kind: 'split', fraction: 0.2 }, stratify: true },
    );
    const counts = finished(run).validation!.confusionMatrix!.counts;
    expect(counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([10, 10, 10]);
  });

  it('say so, and split at random, for numbers to predict', async () => {
    const run = await trainInProcess(
      linearUnit(0.5),
      pairs('stratify-regression.csv', [...NOTES_DATA, [4, 8], [5, 10]]),
      { epochs: 1, batchSize: 1, validation: { kind: 'split', fraction: 0.2 }, stratify: true },
    );
    expect(finished(run).notes.join(' ')).toContain('numbers to predict rather than classes');
  });
});

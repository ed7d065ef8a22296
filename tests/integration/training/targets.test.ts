import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { finished, template, trainInProcess } from '../../fixtures/training';

// The learning targets a teacher checks, with fixed seeds, on the wasm backend (the one CI
// machines have). Each asserts what a student would look at: accuracy on held-out data, or
// the loss curve.

const noValidation = { kind: 'none' } as const;
const holdOut = (fraction: number) => ({ kind: 'split', fraction }) as const;

describe('logic gates', () => {
  it('an MLP learns XOR to 100% accuracy', async () => {
    const run = await trainInProcess(
      template('xor-mlp'),
      { source: 'builtin', name: 'xor' },
      {
        epochs: 300,
        batchSize: 4,
        validation: noValidation,
        optimizer: { type: 'adam', learningRate: 0.05 },
      },
    );
    expect(finished(run).train.metrics['accuracy']).toBe(1);
  });

  it.each(['and', 'or'] as const)(
    'a perceptron learns %s exactly with the perceptron rule',
    async (gate) => {
      const run = await trainInProcess(
        template('perceptron'),
        { source: 'builtin', name: gate },
        {
          epochs: 30,
          batchSize: 1,
          validation: noValidation,
          optimizer: { type: 'sgd', learningRate: 0.1 },
        },
      );
      const result = finished(run);
      expect(result.train.metrics['accuracy']).toBe(1);
      expect(result.train.confusionMatrix?.counts).toEqual(
        gate === 'and'
          ? [
              [3, 0],
              [0, 1],
            ]
          : [
              [1, 0],
              [0, 3],
            ],
      );
      expect(result.notes.join(' ')).toContain('perceptron rule');
    },
  );

  it('a perceptron cannot learn XOR, and the run says why', async () => {
    const run = await trainInProcess(
      template('perceptron'),
      { source: 'builtin', name: 'xor' },
      {
        epochs: 30,
        batchSize: 1,
        validation: noValidation,
        optimizer: { type: 'sgd', learningRate: 0.1 },
      },
    );
    const result = finished(run);
    expect(result.train.metrics['accuracy']).toBeLessThan(1);
    expect(result.notes.join(' ')).toContain('A single unit cannot separate these classes');
  });
});

describe('Iris', () => {
  it('softmax regression reaches at least 93% accuracy on held-out flowers', async () => {
    const run = await trainInProcess(
      template('softmax-regression'),
      { source: 'builtin', name: 'iris' },
      {
        epochs: 100,
        batchSize: 16,
        validation: noValidation,
        test: holdOut(0.2),
        optimizer: { type: 'adam', learningRate: 0.01 },
      },
    );
    const result = finished(run);
    expect(result.test?.confusionMatrix?.counts.flat().reduce((a, b) => a + b, 0)).toBe(30);
    expect(result.test?.metrics['accuracy']).toBeGreaterThanOrEqual(0.93);
  });
});

describe('MNIST, 8,000 digits to train and 2,000 to test', () => {
  const mnist = { source: 'builtin', name: 'mnist' } as const;
  const fiveEpochs = {
    epochs: 5,
    batchSize: 32,
    validation: noValidation,
    test: holdOut(0.2),
    optimizer: { type: 'adam', learningRate: 0.001 },
  } as const;

  it('a deep MLP reaches at least 92% test accuracy in 5 epochs', async () => {
    const run = await trainInProcess(template('mnist-deep-mlp'), mnist, fiveEpochs);
    const result = finished(run);
    expect(run.events[0]).toMatchObject({ type: 'started', samples: { train: 8000, test: 2000 } });
    expect(result.test?.metrics['accuracy']).toBeGreaterThanOrEqual(0.92);
  });

  it('a small CNN reaches at least 96% test accuracy in 5 epochs', async () => {
    const run = await trainInProcess(template('mnist-small-cnn'), mnist, fiveEpochs);
    const result = finished(run);
    expect(result.test?.metrics['accuracy']).toBeGreaterThanOrEqual(0.96);
    expect(result.test?.confusionMatrix?.labels).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
  });
});

describe("Fashion-MNIST from the IDX files of Debian's dataset-fashion-mnist", () => {
  const folder = '/usr/share/datasets/fashion-mnist';
  const installed = existsSync(`${folder}/train-images-idx3-ubyte.gz`);

  it.skipIf(!installed)('a small CNN beats 80% on the 10,000 test images', async () => {
    const run = await trainInProcess(
      template('mnist-small-cnn'),
      {
        source: 'idx',
        images: `${folder}/train-images-idx3-ubyte.gz`,
        labels: `${folder}/train-labels-idx1-ubyte.gz`,
        testImages: `${folder}/t10k-images-idx3-ubyte.gz`,
        testLabels: `${folder}/t10k-labels-idx1-ubyte.gz`,
        limit: 6000,
      },
      {
        epochs: 3,
        batchSize: 32,
        validation: noValidation,
        test: { kind: 'dataset' },
        optimizer: { type: 'adam', learningRate: 0.002 },
      },
    );
    const result = finished(run);
    expect(run.events[0]).toMatchObject({ type: 'started', samples: { train: 6000, test: 10000 } });
    expect(result.test?.metrics['accuracy']).toBeGreaterThan(0.8);
  });
});

describe('deep autoencoder on MNIST', () => {
  it('reconstruction loss falls at least 5× from epoch 1', async () => {
    const run = await trainInProcess(
      template('deep-autoencoder'),
      { source: 'builtin', name: 'mnist', limit: 2000 },
      {
        epochs: 50,
        batchSize: 128,
        validation: noValidation,
        optimizer: { type: 'adam', learningRate: 0.003 },
      },
    );
    finished(run);
    const first = run.epochs[0]!.loss;
    const last = run.epochs[run.epochs.length - 1]!.loss;
    expect(first / last).toBeGreaterThanOrEqual(5);
  });
});

describe('sequences', () => {
  it.each(['simple-rnn-sequence', 'lstm-sequence', 'gru-sequence'])(
    '%s forecasts a sine wave better than repeating the last value',
    async (name) => {
      const data = { source: 'builtin', name: 'sine' } as const;
      const sine = await loadDataset(data);
      const steps = sine.info.featureShape[0]!;
      let baseline = 0;
      for (let i = 0; i < sine.examples.count; i += 1) {
        const error = sine.examples.x[i * steps + steps - 1]! - sine.examples.y[i]!;
        baseline += (error * error) / sine.examples.count;
      }
      const run = await trainInProcess(template(name), data, {
        epochs: 10,
        batchSize: 32,
        validation: noValidation,
        test: holdOut(0.2),
        optimizer: { type: 'adam', learningRate: 0.01 },
      });
      const result = finished(run);
      // The naive forecast's squared error is about 0.10; a model that learnt the wave is far below.
      expect(result.test?.metrics['mse']).toBeLessThan(baseline / 2);
    },
  );
});

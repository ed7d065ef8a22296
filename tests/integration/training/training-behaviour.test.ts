import { describe, expect, it } from 'vitest';
import { tf } from '../../../src/main/engine/tf';
import type { TrainingConfigInput } from '../../../src/shared/training/config';
import { finished, template, trainInProcess } from '../../fixtures/training';

const circle = { source: 'builtin', name: 'circle', samples: 200 } as const;

/** 2 → 8 tanh → 1 sigmoid: small enough to train in a moment. */
function circleNet(): Record<string, unknown> {
  const graph = template('xor-mlp') as { nodes: { id: string; params: Record<string, unknown> }[] };
  graph.nodes.find((n) => n.id === 'hidden')!.params['units'] = 8;
  return graph;
}

describe('training behaviour', () => {
  it('leaks no tensors: the count after epoch 10 equals the count after epoch 2', async () => {
    const counts = new Map<number, number>();
    const run = await trainInProcess(
      template('mnist-small-cnn'),
      { source: 'builtin', name: 'mnist', limit: 200 },
      {
        epochs: 10,
        batchSize: 16,
        validation: { kind: 'split', fraction: 0.2 },
        clipping: { type: 'norm', maxNorm: 1 },
        augmentation: { shift: 0.1, rotation: 10, noise: 0.05 },
        earlyStopping: { enabled: true, monitor: 'val_accuracy', patience: 100 },
      },
      {
        onEvent: (event) => {
          if (event.type === 'epoch') counts.set(event.epoch, tf.memory().numTensors);
        },
      },
    );
    finished(run);
    expect(counts.get(10)).toBe(counts.get(2));
  });

  it('is reproducible: the same seed gives the same curves and results, another seed does not', async () => {
    const config: TrainingConfigInput = { epochs: 5, batchSize: 16, seed: 7 };
    const a = await trainInProcess(circleNet(), circle, config);
    const b = await trainInProcess(circleNet(), circle, config);
    const c = await trainInProcess(circleNet(), circle, { ...config, seed: 8 });
    const curve = (run: typeof a) => run.epochs.map((e) => [e.loss, e.validation?.loss]);
    expect(curve(a)).toEqual(curve(b));
    expect(finished(a).validation).toEqual(finished(b).validation);
    expect(curve(a)).not.toEqual(curve(c));
  });

  it('stops early when validation stops improving and puts back the best weights', async () => {
    const run = await trainInProcess(circleNet(), circle, {
      epochs: 300,
      batchSize: 8,
      optimizer: { type: 'adam', learningRate: 0.05 },
      earlyStopping: { enabled: true, monitor: 'val_loss', patience: 5 },
    });
    const result = finished(run);
    expect(result.stoppedEarly).toBeDefined();
    const { epoch, bestEpoch } = result.stoppedEarly!;
    expect(epoch).toBeLessThan(300);
    expect(epoch - bestEpoch).toBe(5);
    const best = run.epochs.find((e) => e.epoch === bestEpoch)!;
    // The weights kept are the best epoch's: validating them again gives that epoch's loss.
    expect(result.validation!.loss).toBeCloseTo(best.validation!.loss, 6);
    expect(result.notes.join(' ')).toContain(`the weights of epoch ${bestEpoch}`);
    const checkpoints = run.events.filter((e) => e.type === 'checkpoint');
    expect(checkpoints.at(-1)).toMatchObject({ epoch: bestEpoch, reason: 'best' });
  });

  it('cross-validates with k folds: k fresh networks, each validated on its own fold', async () => {
    const run = await trainInProcess(
      template('softmax-regression'),
      { source: 'builtin', name: 'iris' },
      {
        epochs: 60,
        batchSize: 16,
        kFold: 5,
        optimizer: { type: 'adam', learningRate: 0.02 },
      },
    );
    const result = finished(run);
    const started = run.events.filter((e) => e.type === 'started');
    expect(started.map((e) => e.type === 'started' && e.fold)).toEqual(
      [1, 2, 3, 4, 5].map((index) => ({ index, of: 5 })),
    );
    expect(
      started.every(
        (e) => e.type === 'started' && e.samples.train === 120 && e.samples.validation === 30,
      ),
    ).toBe(true);
    expect(result.folds).toHaveLength(5);
    const mean = result.folds!.reduce((sum, f) => sum + f.metrics['accuracy']!, 0) / 5;
    expect(result.foldMean!.metrics['accuracy']).toBeCloseTo(mean, 12);
    expect(mean).toBeGreaterThan(0.9);
  });

  it('follows inverse-time decay: α = α₀ / (1 + decay · n), n = 1 in the first epoch', async () => {
    const run = await trainInProcess(circleNet(), circle, {
      epochs: 4,
      optimizer: { type: 'sgd', learningRate: 0.5, momentum: 0.9 },
      schedule: { type: 'inverseTime', decay: 1 },
    });
    finished(run);
    expect(run.epochs.map((e) => e.learningRate)).toEqual([0.25, 0.5 / 3, 0.125, 0.1]);
  });

  it.each([
    [1, 160],
    [50, 4],
    ['full', 1],
  ] as const)(
    'batch size %s gives %i steps per epoch over 160 training examples',
    async (batchSize, steps) => {
      const run = await trainInProcess(circleNet(), circle, {
        epochs: 1,
        batchSize,
        batchEventInterval: 0,
      });
      finished(run);
      const batches = run.events.filter((e) => e.type === 'batch');
      expect(batches).toHaveLength(steps);
      expect(batches.every((e) => e.type === 'batch' && e.batchesPerEpoch === steps)).toBe(true);
    },
  );

  it('holds out a test set that training never sees, and reports every set', async () => {
    const run = await trainInProcess(circleNet(), circle, {
      epochs: 30,
      validation: { kind: 'split', fraction: 0.2 },
      test: { kind: 'split', fraction: 0.25 },
      optimizer: { type: 'adam', learningRate: 0.05 },
    });
    const result = finished(run);
    expect(run.events[0]).toMatchObject({ samples: { train: 110, validation: 40, test: 50 } });
    const total = (m: { counts: number[][] } | undefined) =>
      m?.counts.flat().reduce((a, b) => a + b, 0);
    expect(total(result.train.confusionMatrix)).toBe(110);
    expect(total(result.validation?.confusionMatrix)).toBe(40);
    expect(total(result.test?.confusionMatrix)).toBe(50);
    expect(result.test?.metrics['accuracy']).toBeGreaterThan(0.85);
  });
});

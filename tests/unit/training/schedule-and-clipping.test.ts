import { beforeAll, describe, expect, it } from 'vitest';
import {
  clipGradients,
  createOptimizer,
  setLearningRate,
} from '../../../src/main/engine/training/optimizer';
import { tf } from '../../../src/main/engine/tf';
import { scheduledLearningRate, trainingConfigSchema } from '../../../src/shared/training/config';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('learning-rate schedules', () => {
  it('inverse-time decay is α₀ / (1 + decay · n), n = 1 in the first epoch (the notes)', () => {
    // The course's worked example: α₀ = 0.2, decay 1.
    const notes = { type: 'inverseTime', decay: 1 } as const;
    expect([1, 2, 3, 4].map((n) => scheduledLearningRate(0.2, notes, n))).toEqual([
      0.1,
      0.2 / 3,
      0.05,
      0.04,
    ]);
    expect(scheduledLearningRate(0.2, notes, 2).toFixed(3)).toBe('0.067');
    const schedule = { type: 'inverseTime', decay: 0.5 } as const;
    expect([1, 2, 3, 5].map((n) => scheduledLearningRate(0.1, schedule, n))).toEqual([
      0.1 / 1.5,
      0.1 / 2,
      0.1 / 2.5,
      0.1 / 3.5,
    ]);
  });

  it('step decay multiplies by the factor every n epochs; exponential by the rate each epoch', () => {
    const step = { type: 'step', every: 2, factor: 0.5 } as const;
    expect([1, 2, 3, 4, 5].map((n) => scheduledLearningRate(1, step, n))).toEqual([
      1, 1, 0.5, 0.5, 0.25,
    ]);
    expect(scheduledLearningRate(1, { type: 'exponential', rate: 0.9 }, 1)).toBe(1);
    expect(scheduledLearningRate(1, { type: 'exponential', rate: 0.9 }, 4)).toBeCloseTo(0.729, 12);
    expect(scheduledLearningRate(0.3, { type: 'constant' }, 99)).toBe(0.3);
  });
});

describe('gradient clipping', () => {
  it('by value clips every component into [−limit, limit]', () => {
    const clipped = clipGradients({ w: tf.tensor1d([-3, 0.5, 2]) }, { type: 'value', limit: 1 });
    expect(Array.from(clipped['w']!.dataSync())).toEqual([-1, 0.5, 1]);
  });

  it('by norm scales the whole gradient to the maximum length, over all weights together', () => {
    // ‖(3, 4, 0)‖ = 5 → scaled by 1/5... with maxNorm 1
    const clipped = clipGradients(
      { a: tf.tensor1d([3, 4]), b: tf.tensor1d([0]) },
      { type: 'norm', maxNorm: 1 },
    );
    expect(Array.from(clipped['a']!.dataSync()).map((v) => Number(v.toFixed(6)))).toEqual([
      0.6, 0.8,
    ]);
    const small = clipGradients({ a: tf.tensor1d([0.3, 0.4]) }, { type: 'norm', maxNorm: 1 });
    expect(Array.from(small['a']!.dataSync()).map((v) => Number(v.toFixed(6)))).toEqual([0.3, 0.4]);
  });
});

describe('optimizers', () => {
  it.each(['sgd', 'adagrad', 'rmsprop', 'adam'] as const)(
    '%s takes a new learning rate mid-run',
    (type) => {
      const config = trainingConfigSchema.parse({
        optimizer: { type, learningRate: 0.1 },
      }).optimizer;
      const optimizer = createOptimizer(config);
      const w = tf.variable(tf.scalar(1));
      optimizer.applyGradients({ [w.name]: tf.scalar(1) });
      setLearningRate(optimizer, 0.001);
      expect((optimizer as unknown as { learningRate: number }).learningRate).toBe(0.001);
      const before = w.dataSync()[0]!;
      optimizer.applyGradients({ [w.name]: tf.scalar(1) });
      // A step with the small rate moves the weight by far less than 0.1.
      expect(Math.abs(w.dataSync()[0]! - before)).toBeLessThan(0.01);
    },
  );

  it('plain SGD moves the weight by exactly η·gradient', () => {
    const optimizer = createOptimizer({
      type: 'sgd',
      learningRate: 0.5,
      momentum: 0,
      momentumForm: 'average',
    });
    const w = tf.variable(tf.scalar(2));
    optimizer.applyGradients({ [w.name]: tf.scalar(3) });
    expect(w.dataSync()[0]).toBeCloseTo(2 - 1.5, 10);
  });

  /** W after each step of a gradient sequence, by the formula written out here. */
  function byHand(form: 'average' | 'sum', beta: number, rates: number[], grads: number[]) {
    let v = 0;
    let w = 1;
    return grads.map((g, i) => {
      v = form === 'average' ? beta * v + (1 - beta) * g : beta * v + g;
      w -= rates[i]! * v;
      return w;
    });
  }

  it.each(['average', 'sum'] as const)(
    'momentum in the %s form follows its formula, also when α changes between steps',
    (momentumForm) => {
      const optimizer = createOptimizer({
        type: 'sgd',
        learningRate: 0.1,
        momentum: 0.9,
        momentumForm,
      });
      const w = tf.variable(tf.scalar(1));
      const grads = [2, -1, 0.5, 3];
      const rates = [0.1, 0.1, 0.05, 0.2];
      const seen: number[] = [];
      grads.forEach((g, i) => {
        setLearningRate(optimizer, rates[i]!);
        optimizer.applyGradients({ [w.name]: tf.scalar(g) });
        seen.push(w.dataSync()[0]!);
      });
      const expected = byHand(momentumForm, 0.9, rates, grads);
      seen.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));
    },
  );

  it('the course form takes a first step of α·(1 − β)·dW; the Keras form 10× that at β = 0.9', () => {
    const step = (momentumForm: 'average' | 'sum') => {
      const optimizer = createOptimizer({
        type: 'sgd',
        learningRate: 0.1,
        momentum: 0.9,
        momentumForm,
      });
      const w = tf.variable(tf.scalar(0));
      optimizer.applyGradients({ [w.name]: tf.scalar(1) });
      return -w.dataSync()[0]!;
    };
    expect(step('average')).toBeCloseTo(0.01, 7);
    expect(step('sum')).toBeCloseTo(0.1, 7);
  });

  it('uses the course notes’ momentum unless told otherwise', () => {
    const config = trainingConfigSchema.parse({ optimizer: { type: 'sgd', momentum: 0.9 } });
    expect(config.optimizer).toMatchObject({ momentumForm: 'average' });
  });
});

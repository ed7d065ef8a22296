import { describe, expect } from 'vitest';
import { labTest } from '../../fixtures/labs/lab-test';

describe('lab 1, the linear unit', () => {
  labTest(
    'is completed through the API: the cereals fitted, then the slides’ three steps of gradient descent repeated exactly',
    'linear-unit',
    async (student) => {
      expect(student.data).toEqual({ source: 'builtin', name: 'cereals' });

      // Step 1: the network as the lab starts it, and the notes' worked example.
      await student.answer('calories-for-5g', 102.5);
      expect(await student.unmetGoals(['one-unit', 'unit-is-linear', 'calories-for-5g'])).toEqual(
        [],
      );

      // Step 2: nothing in it ticks before the unit is trained: every goal asks the network.
      expect(
        (await student.unmetGoals(['cereals-fitted', 'predicts-102'])).map((g) => g.id),
      ).toEqual(['cereals-fitted', 'predicts-102']);
      const { lab } = await student.status();
      expect(lab.steps[1]!.goals.map((goal) => goal.kind)).toEqual(['metric', 'prediction']);
      // The lab's own settings fit the line; w ≈ 2.5 and b ≈ 90 as the course says.
      await student.train();
      expect(await student.unmetGoals(['cereals-fitted', 'predicts-102'])).toEqual([]);

      // Step 3: no bias, w starting at 0.5, one epoch of SGD over the three points in order.
      await student.answer('w-after-first', 1.7);
      await student.answer('w-after-second', 1.76);
      await student.answer('w-after-third', 2.192);
      await student.setParams('line', {
        useBias: false,
        kernelInitializer: { type: 'constant', value: 0.5 },
      });
      const steps = await student.train(
        {
          epochs: 1,
          batchSize: 1,
          shuffle: false,
          optimizer: { type: 'sgd', learningRate: 0.1 },
        },
        { data: { source: 'builtin', name: 'gd-steps' } },
      );
      expect(await student.unmetGoals()).toEqual([]);
      const status = await student.status();
      expect(status.goals.find((goal) => goal.id === 'network-w')!.detail).toContain('2.192');
      // The weight itself, as float32 arithmetic leaves it: the slides' 2.192 to 6 decimals,
      // having started at their 0.5.
      const weights = await student.weights(steps.id);
      const kernel = weights.layers[0]!.tensors.find((tensor) => tensor.name === 'kernel')!;
      expect(weights.layers[0]!.tensors).toHaveLength(1);
      expect(kernel.before!.mean).toBe(0.5);
      expect(kernel.after.mean).toBeCloseTo(2.192, 6);
    },
  );
});

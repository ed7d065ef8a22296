import { describe, expect } from 'vitest';
import type { Run } from '../../../src/shared/api/records';
import { labTest } from '../../fixtures/labs/lab-test';

const sgd = (learningRate: number, momentum = 0) => ({
  type: 'sgd' as const,
  learningRate,
  momentum,
});

describe('lab 5, the learning rate', () => {
  labTest(
    'is completed through the API: too small, too large, decay, and three optimizers',
    'learning-rate',
    async (student) => {
      const small = await student.train({ optimizer: sgd(0.0001) });
      await student.answer('what-small-does', 1);
      expect(await student.unmetGoals(['small-tried', 'good-rate'])).toEqual([
        { id: 'good-rate', detail: expect.stringContaining('mean absolute error') },
      ]);

      // Too large: the loss grows past what a float holds and Neurite stops the run.
      await student.train({ optimizer: sgd(1.5) }, { ends: 'failed' });
      expect(JSON.stringify(student.lastEnd)).toMatch(
        /loss became (infinite|NaN).*lower learning rate/,
      );
      await student.answer('what-large-does', 1);

      const good = await student.train({ optimizer: sgd(0.1) });
      for (const [goal, value] of [
        ['alpha-epoch-1', 0.1],
        ['alpha-epoch-2', 0.067],
        ['alpha-epoch-3', 0.05],
        ['alpha-epoch-4', 0.04],
      ] as const) {
        await student.answer(goal, value);
      }
      await student.train({ optimizer: sgd(0.2), schedule: { type: 'inverseTime', decay: 1 } });
      const adam = await student.train({ optimizer: { type: 'adam', learningRate: 0.1 } });
      const momentum = await student.train({ optimizer: sgd(0.1, 0.9) });
      const plain = await student.train({ optimizer: sgd(0.1) });
      await student.answer('slowest', 2);
      expect(await student.unmetGoals()).toEqual([]);

      // What the lab's questions say the runs show: 0.0001 hardly moves the unit, and of the
      // three optimizers at α = 0.1 Adam ends farthest from the data.
      const finalLoss = (run: Run) =>
        run.final?.type === 'finished' ? run.final.train.loss : Number.NaN;
      expect(finalLoss(small)).toBeGreaterThan(10 * finalLoss(good));
      const adamLoss = finalLoss(adam);
      expect(adamLoss).toBeGreaterThan(2 * finalLoss(momentum));
      expect(adamLoss).toBeGreaterThan(2 * finalLoss(plain));
    },
  );
});

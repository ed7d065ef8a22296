import { describe, expect, it } from 'vitest';
import { apiServices } from '../../fixtures/api-service';
import { LabStudent } from './first-labs-driver';

const open = apiServices();
const sgd = (learningRate: number, momentum = 0) => ({
  type: 'sgd' as const,
  learningRate,
  momentum,
});

describe('lab 5, the learning rate', () => {
  it('is completed through the API: too small, too large, decay, and three optimizers', async () => {
    const test = open();
    const student = await LabStudent.start(test, 'learning-rate');

    const small = await student.train({ optimizer: sgd(0.0001) });
    await student.answer('what-small-does', 1);
    expect(await student.unmetGoals(['small-tried', 'good-rate'])).toEqual([
      { id: 'good-rate', detail: expect.stringContaining('mean absolute error') },
    ]);

    // Too large: the loss grows past what a float holds and Neurite stops the run.
    await student.train({ optimizer: sgd(1.5) }, undefined, 'failed');
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
    const finalLoss = async (runId: string) => {
      const run = await student.run(runId);
      return run.final?.type === 'finished' ? run.final.train.loss : Number.NaN;
    };
    expect(await finalLoss(small)).toBeGreaterThan(10 * (await finalLoss(good)));
    const adamLoss = await finalLoss(adam);
    expect(adamLoss).toBeGreaterThan(2 * (await finalLoss(momentum)));
    expect(adamLoss).toBeGreaterThan(2 * (await finalLoss(plain)));
  }, 180_000);
});

import { describe, expect, it } from 'vitest';
import { apiServices } from '../../fixtures/api-service';
import { LabStudent } from './first-labs-driver';

const open = apiServices();

describe('lab 2, the perceptron', () => {
  it('is completed through the API: AND and OR learnt by the perceptron rule, XOR not', async () => {
    const student = await LabStudent.start(open(), 'perceptron');

    await student.answer('by-hand', 0);
    await student.train();
    expect(
      await student.unmetGoals(['by-hand', 'one-step-unit', 'three-parameters', 'and-learned']),
    ).toEqual([]);

    await student.train({}, { source: 'builtin', name: 'or' });
    await student.train({}, { source: 'builtin', name: 'xor' });
    await student.answer('why-xor', 1);
    await student.answer('xor-rows-wrong', 1);
    // The prediction goals ask the latest run on their own gate, not the XOR run after them.
    expect(await student.unmetGoals()).toEqual([]);
  }, 180_000);
});

import { describe, expect } from 'vitest';
import { labTest } from '../../fixtures/labs/lab-test';

describe('lab 2, the perceptron', () => {
  labTest(
    'is completed through the API: AND and OR learnt by the perceptron rule, XOR not',
    'perceptron',
    async (student) => {
      await student.answer('by-hand', 0);
      await student.train();
      expect(
        await student.unmetGoals(['by-hand', 'one-step-unit', 'three-parameters', 'and-learned']),
      ).toEqual([]);

      await student.train({}, { data: { source: 'builtin', name: 'or' } });
      await student.train({}, { data: { source: 'builtin', name: 'xor' } });
      await student.answer('why-xor', 1);
      await student.answer('xor-rows-wrong', 1);
      // The prediction goals ask the latest run on their own gate, not the XOR run after them.
      expect(await student.unmetGoals()).toEqual([]);
    },
  );
});

import { describe, expect } from 'vitest';
import { labTest } from '../../fixtures/labs/lab-test';

describe('lab 4, XOR with a hidden layer', () => {
  labTest(
    'is completed through the API: 100 % on XOR with 4 hidden units, then with 2',
    'xor',
    async (student) => {
      await student.answer('count-parameters', 17);
      await student.train();
      expect(
        await student.unmetGoals([
          'count-parameters',
          'has-hidden-layer',
          'hidden-tanh',
          'xor-learned',
          'one-zero',
        ]),
      ).toEqual([]);

      await student.answer('boundary-shape', 1);
      await student.setParams('hidden', { units: 2 });
      await student.train();
      await student.answer('why-hidden', 1);
      expect(await student.unmetGoals()).toEqual([]);
    },
  );
});

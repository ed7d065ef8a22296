import { describe, expect } from 'vitest';
import { labTest } from '../../fixtures/labs/lab-test';

describe('lab 3, activation functions', () => {
  labTest(
    'is completed through the API: the notes’ values typed, then five sigmoid layers stall where ReLU learns',
    'activations',
    async (student) => {
      const answers = {
        'sigmoid-7': 0.99909,
        'tanh-minus-1': -0.76159,
        'leaky-minus-7': -0.07,
        'softmax-1': 0.002,
        'softmax-2': 0.017,
        'softmax-3': 0.047,
        'softmax-4': 0.934,
        'sigmoid-largest-slope': 0.25,
        'why-vanish': 1,
      };
      for (const [goal, value] of Object.entries(answers)) await student.answer(goal, value);
      // The exact values, unrounded, are within the rounding the notes print.
      await student.answer('sigmoid-7', 1 / (1 + Math.exp(-7)));
      await student.answer('tanh-minus-1', Math.tanh(-1));
      expect(await student.unmetGoals(Object.keys(answers))).toEqual([]);

      // Five sigmoid layers: the gradient vanishes and the network guesses.
      await student.train();
      expect(await student.unmetGoals(['relu-learns'])).toHaveLength(1);

      for (const layer of ['h1', 'h2', 'h3', 'h4', 'h5']) {
        await student.setParams(layer, { activation: 'relu' });
      }
      await student.train();
      expect(await student.unmetGoals()).toEqual([]);
    },
  );
});

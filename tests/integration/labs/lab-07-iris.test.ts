import { describe, expect } from 'vitest';
import { expectEveryGoalMetAndGraded, labTest } from '../../fixtures/labs/lab-test';

describe('the built-in lab "iris" (softmax regression, the confusion matrix, k-fold)', () => {
  labTest(
    'is completed through the API with real training: every goal is met',
    'iris',
    async (student) => {
      expect(student.data).toEqual({ source: 'builtin', name: 'iris' });
      expect(student.training).toMatchObject({ test: { kind: 'split', fraction: 0.2 }, kFold: 0 });

      // Step 1: train as the lab starts, with a stratified test part of 30 flowers.
      const first = await student.train();
      const test = first.final?.type === 'finished' ? first.final.test : undefined;
      const counts = test?.confusionMatrix?.counts ?? [];
      expect(counts.flat().reduce((sum, n) => sum + n, 0)).toBe(30);

      // Steps 2 and 3: the numbers read off the matrix and worked out with the notes' formulas.
      await student.answer('test-flowers', 30);
      await student.answer('virginica-precision', 0.889);
      await student.answer('virginica-f1', 0.842);

      // Step 4: 5-fold cross-validation, then the question about it.
      const folds = await student.train({ kFold: 5 });
      expect(folds.final?.type === 'finished' && folds.final.folds?.length).toBe(5);
      await student.answer('why-k-fold', 1);

      await expectEveryGoalMetAndGraded(student, 12);
    },
  );
});

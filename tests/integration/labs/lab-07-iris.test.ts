import { describe, expect, it } from 'vitest';
import { apiServices } from '../../fixtures/api-service';
import {
  answer,
  goalIds,
  gradeAsTeacher,
  LAB_TEST_TIMEOUT,
  startLab,
  trainAndWait,
  unmetGoals,
  unmetInGrade,
} from '../../fixtures/lab-driver';

const openService = apiServices();

describe('the built-in lab "iris" (softmax regression, the confusion matrix, k-fold)', () => {
  it(
    'is completed through the API with real training: every goal is met',
    async () => {
      const session = await startLab(openService().service, 'iris');
      expect(session.data).toEqual({ source: 'builtin', name: 'iris' });
      expect(session.training).toMatchObject({ test: { kind: 'split', fraction: 0.2 }, kFold: 0 });

      // Step 1: train as the lab starts, with a stratified test part of 30 flowers.
      const first = await trainAndWait(session);
      const test = first.final?.type === 'finished' ? first.final.test : undefined;
      const counts = test?.confusionMatrix?.counts ?? [];
      expect(counts.flat().reduce((sum, n) => sum + n, 0)).toBe(30);

      // Steps 2 and 3: the numbers read off the matrix and worked out with the notes' formulas.
      await answer(session, 'test-flowers', 30);
      await answer(session, 'virginica-precision', 0.889);
      await answer(session, 'virginica-f1', 0.842);

      // Step 4: 5-fold cross-validation, then the question about it.
      const folds = await trainAndWait(session, { kFold: 5 });
      expect(folds.final?.type === 'finished' && folds.final.folds?.length).toBe(5);
      await answer(session, 'why-k-fold', 1);

      expect(await unmetGoals(session)).toEqual([]);
      expect(await goalIds(session)).toHaveLength(12);

      // Handed in and graded, every goal is met again from the file's weights and answers.
      const row = await gradeAsTeacher(session);
      expect(unmetInGrade(row)).toEqual([]);
      expect(row.met).toBe(12);
    },
    LAB_TEST_TIMEOUT,
  );
});

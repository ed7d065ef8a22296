import { describe, expect } from 'vitest';
import type { LatentSpace } from '../../../src/shared/inside/inside-schemas';
import { expectEveryGoalMetAndGraded, labTest } from '../../fixtures/labs/lab-test';

/** How often the class whose centre is nearest a point is the point's own class. */
function nearestCentreAccuracy(points: LatentSpace['points']): number {
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (const { x, y, label } of points) {
    const sum = sums.get(label!) ?? { x: 0, y: 0, n: 0 };
    sums.set(label!, { x: sum.x + x, y: sum.y + y, n: sum.n + 1 });
  }
  const centres = [...sums].map(([label, s]) => ({ label, x: s.x / s.n, y: s.y / s.n }));
  const right = points.filter((point) => {
    const nearest = centres.reduce((best, centre) =>
      Math.hypot(centre.x - point.x, centre.y - point.y) <
      Math.hypot(best.x - point.x, best.y - point.y)
        ? centre
        : best,
    );
    return nearest.label === point.label;
  });
  return right.length / points.length;
}

describe('the built-in lab "autoencoders" (2-D latent space, denoising, outliers)', () => {
  labTest(
    'is completed through the API with real training: every goal is met',
    'autoencoders',
    async (student) => {
      expect(student.data).toEqual({ source: 'builtin', name: 'mnist', limit: 1000 });

      // Step 1: the bottleneck goes from 6 units to 2, then a first run.
      await student.setParams('code', { units: 2 });
      const first = await student.train();
      expect(first.final?.type === 'finished' && first.final.validation?.loss).toBeLessThan(0.065);

      // Step 2: the latent space is the bottleneck's own two values, and digits of a class
      // tend to gather: the nearest class centre of the 2-D codes names the class of over 30 %
      // of the digits (about 42 % here), where chance would name 1 in 10.
      const latent = await student.latent(first.id, 'code');
      expect(latent.method).toBe('values');
      expect(nearestCentreAccuracy(latent.points)).toBeGreaterThan(0.3);
      // Step 4 reads "The most unusual examples": the worst rebuilt first.
      const errors = (latent.outliers ?? []).map((outlier) => outlier.error);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors).toEqual([...errors].sort((a, b) => b - a));

      await student.answer('what-latent-shows', 1);

      // Step 3: noisy inputs, clean targets.
      await student.train({ augmentation: { noise: 0.3 } });
      await student.answer('what-noise-does', 1);

      // Step 4: the notes' outlier score of x = (1, 0, 0.5, 0) rebuilt as (0.8, 0.1, 0.5, 0.3).
      await student.answer('outlier-score', 0.2 ** 2 + 0.1 ** 2 + 0 + 0.3 ** 2);
      await student.answer('why-outliers', 1);

      await expectEveryGoalMetAndGraded(student, 9);
    },
  );
});

import type { LoadedDataset } from '../types';

/** The slides' three points (x, y), in the order they are stepped through. */
export const GD_STEP_POINTS: readonly (readonly [number, number])[] = [
  [2, 4],
  [1, 2],
  [3, 6],
];

/**
 * The keras slides' worked example of gradient descent on one weight: the points (2, 4),
 * (1, 2) and (3, 6), on the line y = 2x. Kept in this order and unscaled, so one epoch of
 * stochastic gradient descent (batch size 1, no shuffling) from w = 0.5 at α = 0.1 repeats
 * the slides' three steps: w = 0.5 → 1.7 → 1.76 → 2.192.
 */
export function gdSteps(): LoadedDataset {
  const count = GD_STEP_POINTS.length;
  return {
    info: {
      title: 'Gradient descent by hand: three points',
      task: 'regression',
      featureShape: [1],
      featureType: 'float32',
      featureNames: ['x'],
      targetSize: 1,
      targetNames: ['y'],
      count,
      notes: [
        'The three points (2, 4), (1, 2) and (3, 6) of the slides, in that order, on the line y = 2x. To repeat the slides step by step: batch size 1, shuffling off, no validation part.',
      ],
    },
    examples: {
      count,
      x: Float32Array.from(GD_STEP_POINTS, ([x]) => x),
      y: Float32Array.from(GD_STEP_POINTS, ([, y]) => y),
    },
  };
}

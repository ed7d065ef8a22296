import { describe, expect, it } from 'vitest';
import {
  confidenceOf,
  partConfusion,
  selectPositions,
} from '../../../src/main/engine/inside/example-selection';
import { predictedClasses } from '../../../src/main/engine/training/metrics';

/** Which examples the Inside panel lists, counted with training's own predicted-class rule. */

describe('choosing examples by the answers', () => {
  // One hinge output: a score that is class 1 from 0 up (training's threshold for hinge).
  const scores = [[-0.3], [0.2], [0.9], [-0.8]];
  const labels = [0, 1, 0, 1];

  it('finds a hinge classifier’s mistakes with its threshold of 0, as training counts them', () => {
    expect(selectPositions(scores, labels, 0, 'mistakes')).toEqual([2, 3]);
    const trained = predictedClasses(Float32Array.from(scores.flat()), 1, 0);
    expect(Array.from(trained)).toEqual([0, 1, 1, 0]);
    expect(partConfusion('test', scores, 0, labels, ['no', 'yes'])).toEqual({
      part: 'test',
      count: 4,
      accuracy: 0.5,
      labels: ['no', 'yes'],
      counts: [
        [1, 1],
        [1, 1],
      ],
    });
  });

  it('puts the least confident first: nearest the threshold, or the lowest winning probability', () => {
    expect(selectPositions(scores, labels, 0, 'least-confident')).toEqual([1, 0, 3, 2]);
    const probabilities = [
      [0.7, 0.2, 0.1],
      [0.4, 0.35, 0.25],
      [0.1, 0.1, 0.8],
    ];
    expect(selectPositions(probabilities, [0, 1, 2], 0.5, 'least-confident')).toEqual([1, 0, 2]);
    // One sigmoid output: 0.45 is nearer 0.5 than 0.9 is, whichever side it is on.
    expect(confidenceOf([0.45], 0.5)).toBeLessThan(confidenceOf([0.9], 0.5));
    expect(confidenceOf([0.1], 0.5)).toBeCloseTo(confidenceOf([0.9], 0.5), 12);
  });

  it('lists one cell of the confusion matrix, mistakes or not', () => {
    const probabilities = [
      [0.7, 0.3],
      [0.2, 0.8],
      [0.6, 0.4],
      [0.9, 0.1],
    ];
    const truth = [0, 0, 1, 0];
    expect(selectPositions(probabilities, truth, 0.5, 'all', { label: 0, predicted: 0 })).toEqual([
      0, 3,
    ]);
    expect(selectPositions(probabilities, truth, 0.5, 'all', { label: 1, predicted: 0 })).toEqual([
      2,
    ]);
    // A diagonal cell holds no mistakes.
    expect(
      selectPositions(probabilities, truth, 0.5, 'mistakes', { label: 0, predicted: 0 }),
    ).toEqual([]);
  });
});

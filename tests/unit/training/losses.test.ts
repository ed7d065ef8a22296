import { beforeAll, describe, expect, it } from 'vitest';
import { LOSS_FUNCTIONS, perceptronRule } from '../../../src/main/engine/training/losses';
import { tf } from '../../../src/main/engine/tf';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function loss(name: keyof typeof LOSS_FUNCTIONS, yTrue: number[][], yPred: number[][]): number {
  return tf.tidy(() => LOSS_FUNCTIONS[name](tf.tensor2d(yTrue), tf.tensor2d(yPred)).dataSync()[0]!);
}

// Each expected value is worked out by hand from the textbook formula in the comment.
describe('losses, as textbooks define them', () => {
  it.each([
    // MSE: ((1−0.5)² + (0−0.5)² + (2−0)² + (1−3)²) / 4 = (0.25 + 0.25 + 4 + 4) / 4
    [
      'meanSquaredError',
      [
        [1, 0],
        [2, 1],
      ],
      [
        [0.5, 0.5],
        [0, 3],
      ],
      8.5 / 4,
    ],
    // MAE: (0.5 + 0.5 + 2 + 2) / 4
    [
      'meanAbsoluteError',
      [
        [1, 0],
        [2, 1],
      ],
      [
        [0.5, 0.5],
        [0, 3],
      ],
      5 / 4,
    ],
    // Huber δ=1: errors 0.5 → ½·0.25 = 0.125; 3 → 1·(3 − 0.5) = 2.5; mean = 1.3125
    ['huber', [[0], [0]], [[0.5], [3]], (0.125 + 2.5) / 2],
    // BCE: −(ln 0.8 + ln(1 − 0.3)) / 2
    ['binaryCrossentropy', [[1], [0]], [[0.8], [0.3]], -(Math.log(0.8) + Math.log(0.7)) / 2],
    // CCE: −(ln 0.7 + ln 0.5) / 2
    [
      'categoricalCrossentropy',
      [
        [1, 0, 0],
        [0, 0, 1],
      ],
      [
        [0.7, 0.2, 0.1],
        [0.25, 0.25, 0.5],
      ],
      -(Math.log(0.7) + Math.log(0.5)) / 2,
    ],
    // Hinge with ±1 labels: (max(0, 1 − 1·0.3) + max(0, 1 − (−1)(−2))) / 2 = (0.7 + 0) / 2
    ['hinge', [[1], [-1]], [[0.3], [-2]], 0.35],
    // Squared hinge: (0.7² + 0) / 2
    ['squaredHinge', [[1], [-1]], [[0.3], [-2]], 0.49 / 2],
    // Weston–Watkins: true class 0 with scores (2, 1.5, −1):
    // max(0, 1 + 1.5 − 2) + max(0, 1 − 1 − 2) = 0.5 + 0 = 0.5; second example true class 2
    // with scores (0, 0, 0): 1 + 1 = 2; mean = 1.25
    [
      'multiclassHinge',
      [
        [1, 0, 0],
        [0, 0, 1],
      ],
      [
        [2, 1.5, -1],
        [0, 0, 0],
      ],
      1.25,
    ],
    // The notes' squared variant, Σ_{j≠y} max(0, s_j − s_y + 1)²: same scores,
    // (0.5² + 0) and (1² + 1²): mean (0.25 + 2) / 2 = 1.125
    [
      'multiclassSquaredHinge',
      [
        [1, 0, 0],
        [0, 0, 1],
      ],
      [
        [2, 1.5, -1],
        [0, 0, 0],
      ],
      1.125,
    ],
    // A point the notes do not give: true class 1 with scores (0.2, 0.1, 0.6):
    // max(0, 0.2 − 0.1 + 1)² + max(0, 0.6 − 0.1 + 1)² = 1.21 + 2.25
    ['multiclassSquaredHinge', [[0, 1, 0]], [[0.2, 0.1, 0.6]], 3.46],
  ] as const)('%s', (name, yTrue, yPred, expected) => {
    expect(loss(name, yTrue as unknown as number[][], yPred as unknown as number[][])).toBeCloseTo(
      expected,
      6,
    );
  });

  it('sparse categorical cross-entropy equals categorical with one-hot targets', () => {
    const predictions = tf.tensor2d([
      [0.7, 0.2, 0.1],
      [0.25, 0.25, 0.5],
    ]);
    const sparse = LOSS_FUNCTIONS.sparseCategoricalCrossentropy(
      tf.tensor1d([0, 2]),
      predictions,
    ).dataSync()[0]!;
    expect(sparse).toBeCloseTo(-(Math.log(0.7) + Math.log(0.5)) / 2, 6);
  });

  it('keeps cross-entropy finite when a probability is exactly 0 or 1', () => {
    expect(Number.isFinite(loss('binaryCrossentropy', [[1]], [[0]]))).toBe(true);
    expect(Number.isFinite(loss('categoricalCrossentropy', [[0, 1]], [[1, 0]]))).toBe(true);
  });

  it('makes gradient descent perform the perceptron rule: Δw = η·(y − ŷ)·x', () => {
    // ∂/∂ŷ of ½Σ(y − ŷ)² summed over the batch is (ŷ − y) for each example.
    const y = tf.tensor2d([[1], [0], [1]]);
    const prediction = tf.tensor2d([[0], [1], [1]]);
    const gradient = tf.grad((p: tf.Tensor) => perceptronRule(y, p))(prediction);
    expect(Array.from(gradient.dataSync(), (v) => v + 0)).toEqual([-1, 1, 0]);
  });

  it('gives every wrong class a gradient under hinge with ±1 targets (one output per class)', () => {
    // Targets +1 for the true class, −1 for the others; all scores 0 sit inside the margin.
    const y = tf.tensor2d([[-1, 1, -1]]);
    const gradient = tf.grad((p: tf.Tensor) => LOSS_FUNCTIONS.hinge(y, p))(tf.zeros([1, 3]));
    // ∂/∂ŷ_j of mean max(0, 1 − y_j·ŷ_j) = −y_j / 3 inside the margin.
    const values = Array.from(gradient.dataSync());
    [1 / 3, -1 / 3, 1 / 3].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 6));
  });
});

import type { Loss } from '../../../shared/catalog/losses';
import { tf } from '../tf';

/**
 * Losses as textbooks define them, averaged over the batch (and, for element-wise losses,
 * over every output value, as Keras does). Targets arrive already in the form each loss
 * expects (see targets.ts): one-hot, class indices, 0/1 or ±1.
 */
/** Returns a scalar tensor. */
export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Keeps log() finite: Keras clips probabilities to [ε, 1 − ε] with ε = 1e-7. */
const EPSILON = 1e-7;

/** Huber's δ: quadratic inside ±δ, linear outside. */
export const HUBER_DELTA = 1;

const meanSquaredError: LossFunction = (y, p) => tf.mean(tf.square(tf.sub(y, p)));

const meanAbsoluteError: LossFunction = (y, p) => tf.mean(tf.abs(tf.sub(y, p)));

const huber: LossFunction = (y, p) => {
  const error = tf.abs(tf.sub(y, p));
  const quadratic = tf.minimum(error, HUBER_DELTA);
  const linear = tf.sub(error, quadratic);
  // ½·q² + δ·(|e| − q) equals ½e² inside ±δ and δ(|e| − ½δ) outside.
  return tf.mean(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(HUBER_DELTA, linear)));
};

const binaryCrossentropy: LossFunction = (y, p) => {
  const q = tf.clipByValue(p, EPSILON, 1 - EPSILON);
  const terms = tf.add(tf.mul(y, tf.log(q)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, q))));
  return tf.neg(tf.mean(terms));
};

/** −Σ y·log p over classes, averaged over the examples (and time steps). */
const categoricalCrossentropy: LossFunction = (y, p) => {
  const q = tf.clipByValue(p, EPSILON, 1 - EPSILON);
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(q)), -1)));
};

/** The same with integer labels: the one-hot vector is built here. */
const sparseCategoricalCrossentropy: LossFunction = (labels, p) => {
  const classes = p.shape[p.shape.length - 1]!;
  const oneHot = tf.oneHot(tf.cast(tf.reshape(labels, [-1]), 'int32'), classes).reshape(p.shape);
  return categoricalCrossentropy(oneHot, p);
};

/** Labels ±1: mean of max(0, 1 − y·ŷ). */
const hinge: LossFunction = (y, p) => tf.mean(tf.relu(tf.sub(1, tf.mul(y, p))));

const squaredHinge: LossFunction = (y, p) => tf.mean(tf.square(tf.relu(tf.sub(1, tf.mul(y, p)))));

/**
 * Weston–Watkins multiclass hinge with one-hot targets: for each example,
 * Σ over wrong classes j of max(0, 1 + s_j − s_y), averaged over examples.
 */
const multiclassHinge: LossFunction = (y, p) => {
  const trueScore = tf.sum(tf.mul(y, p), -1, true);
  const margins = tf.relu(tf.add(tf.sub(p, trueScore), 1));
  // The true class contributes max(0, 1 + s_y − s_y) = 1; leave it out.
  const wrongOnly = tf.mul(margins, tf.sub(1, y));
  return tf.mean(tf.sum(wrongOnly, -1));
};

/**
 * The squared variant the notes give next to it: Σ over wrong classes j of
 * max(0, s_j − s_y + 1)², averaged over examples.
 */
const multiclassSquaredHinge: LossFunction = (y, p) => {
  const trueScore = tf.sum(tf.mul(y, p), -1, true);
  const margins = tf.relu(tf.add(tf.sub(p, trueScore), 1));
  const wrongOnly = tf.mul(margins, tf.sub(1, y));
  return tf.mean(tf.sum(tf.square(wrongOnly), -1));
};

export const LOSS_FUNCTIONS: Readonly<Record<Loss, LossFunction>> = {
  meanSquaredError,
  meanAbsoluteError,
  huber,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  hinge,
  multiclassHinge,
  squaredHinge,
  multiclassSquaredHinge,
};

/**
 * The perceptron rule as a loss: ½·Σ(y − ŷ)² summed (not averaged) over the batch. With the
 * step unit's straight-through gradient, ∂/∂w = −(y − ŷ)·x, so plain gradient descent makes
 * exactly the update w ← w + η·(y − ŷ)·x for every example.
 */
export const perceptronRule: LossFunction = (y, p) => tf.mul(0.5, tf.sum(tf.square(tf.sub(y, p))));

/**
 * How the runs name the loss they report for a perceptron: the rule's ½·(y − ŷ)² per example
 * (half the share of mistakes, as every error is 0 or 1), not the Output's loss.
 */
export const PERCEPTRON_RULE_LOSS_NAME = 'the perceptron rule, ½·(y − ŷ)² per example';

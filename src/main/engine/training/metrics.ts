import type { ConfusionMatrix } from '../../../shared/training/events';

/**
 * Metrics from predictions and true targets, as plain arithmetic on arrays so each can be
 * checked by hand against the textbook formula.
 */
export type MetricValues = Record<string, number>;

/** Predicted class of each example: argmax of its scores, or a threshold for one score. */
export function predictedClasses(
  scores: Float32Array,
  outputs: number,
  threshold: number,
): Int32Array {
  const count = scores.length / outputs;
  const classes = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    if (outputs === 1) {
      classes[i] = scores[i]! >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let c = 1; c < outputs; c += 1) {
      if (scores[i * outputs + c]! > scores[i * outputs + best]!) best = c;
    }
    classes[i] = best;
  }
  return classes;
}

export function confusionCounts(
  truth: Int32Array,
  predicted: Int32Array,
  classes: number,
): number[][] {
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < truth.length; i += 1) counts[truth[i]!]![predicted[i]!]! += 1;
  return counts;
}

/**
 * Precision, recall and F1 of one class, treating it as the positive one. A class never
 * predicted has precision 0, as in scikit-learn's zero_division=0.
 */
function classFigures(
  counts: number[][],
  c: number,
): { precision: number; recall: number; f1: number } {
  const truePositives = counts[c]![c]!;
  let predictedAsC = 0;
  let actuallyC = 0;
  for (let k = 0; k < counts.length; k += 1) {
    predictedAsC += counts[k]![c]!;
    actuallyC += counts[c]![k]!;
  }
  const precision = predictedAsC === 0 ? 0 : truePositives / predictedAsC;
  const recall = actuallyC === 0 ? 0 : truePositives / actuallyC;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Accuracy, and precision, recall and F1: with two classes those of the positive class (the
 * second, label 1), as textbooks define them; with more, their macro average over the classes
 * (each class weighs the same). See src/shared/training/class-metrics.ts.
 */
export function classificationMetrics(counts: number[][]): MetricValues {
  const classes = counts.length;
  let correct = 0;
  let total = 0;
  for (let c = 0; c < classes; c += 1) {
    correct += counts[c]![c]!;
    total += counts[c]!.reduce((a, b) => a + b, 0);
  }
  const accuracy = total === 0 ? 0 : correct / total;
  if (classes === 2) return { accuracy, ...classFigures(counts, 1) };
  const perClass = counts.map((_, c) => classFigures(counts, c));
  const mean = (pick: (f: (typeof perClass)[number]) => number) =>
    perClass.reduce((sum, f) => sum + pick(f), 0) / classes;
  return {
    accuracy,
    precision: mean((f) => f.precision),
    recall: mean((f) => f.recall),
    f1: mean((f) => f.f1),
  };
}

/**
 * Area under the ROC curve for two classes: the probability that a random positive example
 * scores higher than a random negative one (ties count half), via the rank-sum formula.
 * Undefined (NaN) when only one class is present.
 */
export function binaryAuc(scores: ArrayLike<number>, truth: Int32Array): number {
  const order = Array.from({ length: truth.length }, (_, i) => i).sort(
    (a, b) => scores[a]! - scores[b]!,
  );
  const ranks = new Float64Array(truth.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j += 1;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) ranks[order[k]!] = averageRank;
    i = j + 1;
  }
  let positives = 0;
  let positiveRankSum = 0;
  for (let i = 0; i < truth.length; i += 1) {
    if (truth[i] === 1) {
      positives += 1;
      positiveRankSum += ranks[i]!;
    }
  }
  const negatives = truth.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean absolute error and root mean squared error over every predicted number. */
export function regressionMetrics(
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
): MetricValues {
  let absolute = 0;
  let squared = 0;
  for (let i = 0; i < predictions.length; i += 1) {
    const error = predictions[i]! - targets[i]!;
    absolute += Math.abs(error);
    squared += error * error;
  }
  const n = Math.max(1, predictions.length);
  return { mae: absolute / n, rmse: Math.sqrt(squared / n), mse: squared / n };
}

export function confusionMatrix(
  counts: number[][],
  classNames: readonly string[],
): ConfusionMatrix {
  return { labels: [...classNames], counts };
}

import type {
  ConfusionCell,
  ExampleSelection,
  PartConfusion,
} from '../../../shared/inside/inside-schemas';
import { InsideError } from './inside-error';
import { predictedClass } from './inside-model';

/**
 * Which examples of a part a student asked to see, from the model's outputs on the whole part:
 * the mistakes, the least confident first, or one cell of the confusion matrix. Positions are
 * places in the part, as pages and example references number them.
 */
export function selectPositions(
  outputs: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  threshold: number,
  select: ExampleSelection,
  cell?: ConfusionCell,
): number[] {
  let positions = outputs.map((_, i) => i);
  if (cell) {
    positions = positions.filter(
      (i) => labels[i] === cell.label && predictedClass(outputs[i]!, threshold) === cell.predicted,
    );
  }
  if (select === 'mistakes') {
    positions = positions.filter((i) => predictedClass(outputs[i]!, threshold) !== labels[i]);
  }
  if (select === 'least-confident') {
    const confidence = outputs.map((output) => confidenceOf(output, threshold));
    // A stable sort keeps examples of equal confidence in file order.
    positions.sort((a, b) => confidence[a]! - confidence[b]!);
  }
  return positions;
}

/**
 * How sure the model is of its answer, for ordering: the winning class's probability, or for
 * one output how far it is from where the class turns (|p − 0.5| orders as max(p, 1 − p)).
 */
export function confidenceOf(output: readonly number[], threshold: number): number {
  return output.length === 1 ? Math.abs(output[0]! - threshold) : Math.max(...output);
}

/** The confusion matrix of a part, counted with the same predicted-class rule as training. */
export function partConfusion(
  part: PartConfusion['part'],
  outputs: readonly (readonly number[])[],
  threshold: number,
  labels: ArrayLike<number>,
  classNames: readonly string[],
): PartConfusion {
  const classes = Math.max(
    classNames.length,
    outputs[0]?.length === 1 ? 2 : (outputs[0]?.length ?? 0),
  );
  const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let right = 0;
  outputs.forEach((output, i) => {
    const predicted = predictedClass(output, threshold);
    const label = labels[i]!;
    counts[label]![predicted]! += 1;
    if (label === predicted) right += 1;
  });
  return {
    part,
    count: outputs.length,
    accuracy: outputs.length === 0 ? 0 : right / outputs.length,
    labels: Array.from({ length: classes }, (_, k) => classNames[k] ?? String(k)),
    counts,
  };
}

/** Selections other than 'all' read the true class: they need a classification model. */
export function checkSelectable(
  task: string,
  select: ExampleSelection,
  cell: ConfusionCell | undefined,
): void {
  if (task === 'classification' || (select === 'all' && !cell)) return;
  throw new InsideError(
    'unsupported',
    'Mistakes, confidence and the confusion matrix belong to classification: this model predicts values, not classes. Look at all the examples instead.',
  );
}

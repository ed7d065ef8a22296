import type { TrainingConfig } from '../../../shared/training/config';
import type { SeededRandom } from './random';
import { allRows } from './batches';

/** Rows of the data set's examples table used for each purpose. */
export interface RowSplit {
  readonly train: Int32Array;
  /** Validation rows taken from the examples (absent when validation uses separate data). */
  readonly validation?: Int32Array;
  /** Test rows taken from the examples (absent when the test set is separate or none). */
  readonly test?: Int32Array;
}

/** The rows in ascending order: each part keeps the file's order. */
function inFileOrder(rows: Int32Array): Int32Array {
  return rows.sort();
}

/** Rows shuffled (seeded), and grouped by class when `labels` are given, each group shuffled. */
function shuffledGroups(
  rows: Int32Array,
  random: SeededRandom,
  labels: ArrayLike<number> | undefined,
): Int32Array[] {
  if (!labels) {
    const order = rows.slice();
    random.shuffleInPlace(order);
    return [order];
  }
  const byClass = new Map<number, number[]>();
  for (const row of rows) {
    const label = labels[row]!;
    let group = byClass.get(label);
    if (!group) byClass.set(label, (group = []));
    group.push(row);
  }
  return [...byClass.keys()]
    .sort((a, b) => a - b)
    .map((label) => {
      const group = Int32Array.from(byClass.get(label)!);
      random.shuffleInPlace(group);
      return group;
    });
}

/**
 * Splits the examples at random (seeded): first the test rows, then the validation rows,
 * the rest is for training. The same seed always gives the same split. Each part keeps the
 * order the examples have in the file, so that with shuffling off training takes them in that
 * order (the course's worked examples depend on it); shuffling is the training loop's job.
 * With `labels` (a stratified split) every class is split in the same proportions, so each
 * part has the classes in the shares the whole data set has.
 */
export function splitRows(
  count: number,
  config: TrainingConfig,
  random: SeededRandom,
  labels?: ArrayLike<number>,
): RowSplit {
  const testFraction = config.test.kind === 'split' ? config.test.fraction : 0;
  const validationFraction =
    config.validation.kind === 'split' && config.kFold === 0 ? config.validation.fraction : 0;
  const parts = { train: [] as number[], validation: [] as number[], test: [] as number[] };
  for (const group of shuffledGroups(allRows(count), random, labels)) {
    // At least one example per held-out part (of the whole set, or of each class).
    const size = (fraction: number) =>
      fraction === 0 ? 0 : Math.max(1, Math.round(group.length * fraction));
    const test = size(testFraction);
    const validation = size(validationFraction);
    parts.test.push(...group.subarray(0, test));
    parts.validation.push(...group.subarray(test, test + validation));
    parts.train.push(...group.subarray(test + validation));
  }
  const part = (rows: number[]) => inFileOrder(Int32Array.from(rows));
  return {
    train: part(parts.train),
    ...(validationFraction > 0 ? { validation: part(parts.validation) } : {}),
    ...(testFraction > 0 ? { test: part(parts.test) } : {}),
  };
}

/**
 * k folds over the given rows, assigned at random (seeded): fold i validates on part i and
 * trains on the others. Each part keeps the file's order, as in splitRows. With `labels`
 * (stratified k-fold) each class is dealt out over the folds in turn, so every fold has the
 * classes in the shares the rows have.
 */
export function kFolds(
  rows: Int32Array,
  k: number,
  random: SeededRandom,
  labels?: ArrayLike<number>,
): { train: Int32Array; validation: Int32Array }[] {
  const validations: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const group of shuffledGroups(rows, random, labels)) {
    if (labels) {
      // Round robin, continuing where the last class stopped, so fold sizes stay even.
      for (const row of group) validations[next++ % k]!.push(row);
    } else {
      for (let i = 0; i < k; i += 1) {
        const from = Math.floor((i * group.length) / k);
        const to = Math.floor(((i + 1) * group.length) / k);
        validations[i]!.push(...group.subarray(from, to));
      }
    }
  }
  return validations.map((validation) => {
    const held = new Set(validation);
    return {
      train: inFileOrder(rows.filter((row) => !held.has(row))),
      validation: inFileOrder(Int32Array.from(validation)),
    };
  });
}

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

/**
 * Splits the examples at random (seeded): first the test rows, then the validation rows,
 * the rest is for training. The same seed always gives the same split. Each part keeps the
 * order the examples have in the file, so that with shuffling off training takes them in that
 * order (the course's worked examples depend on it); shuffling is the training loop's job.
 */
export function splitRows(count: number, config: TrainingConfig, random: SeededRandom): RowSplit {
  const order = allRows(count);
  random.shuffleInPlace(order);
  let start = 0;
  const take = (fraction: number): Int32Array => {
    const size = Math.max(1, Math.round(count * fraction));
    const part = order.slice(start, start + size);
    start += size;
    return part;
  };
  const test = config.test.kind === 'split' ? take(config.test.fraction) : undefined;
  const validation =
    config.validation.kind === 'split' && config.kFold === 0
      ? take(config.validation.fraction)
      : undefined;
  const train = inFileOrder(order.slice(start));
  return {
    train,
    ...(validation ? { validation: inFileOrder(validation) } : {}),
    ...(test ? { test: inFileOrder(test) } : {}),
  };
}

/**
 * k folds over the given rows, assigned at random (seeded): fold i validates on part i and
 * trains on the others. Each part keeps the file's order, as in splitRows.
 */
export function kFolds(
  rows: Int32Array,
  k: number,
  random: SeededRandom,
): { train: Int32Array; validation: Int32Array }[] {
  const order = rows.slice();
  random.shuffleInPlace(order);
  const folds: { train: Int32Array; validation: Int32Array }[] = [];
  for (let i = 0; i < k; i += 1) {
    const from = Math.floor((i * order.length) / k);
    const to = Math.floor(((i + 1) * order.length) / k);
    const validation = order.slice(from, to);
    const train = new Int32Array(order.length - validation.length);
    train.set(order.subarray(0, from), 0);
    train.set(order.subarray(to), from);
    folds.push({ train: inFileOrder(train), validation: inFileOrder(validation) });
  }
  return folds;
}

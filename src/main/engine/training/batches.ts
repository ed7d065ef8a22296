import { tf } from '../tf';
import { copyFeatures } from '../../data/example-rows';
import type { ExampleTable } from '../../data/types';
import type { TargetEncoding } from '../../data/target-plan';

/** Where batches come from: a table plus what one example looks like. */
export interface BatchSource {
  readonly table: ExampleTable;
  readonly featureShape: readonly number[];
  readonly featureType: 'float32' | 'int32';
  readonly encoding: TargetEncoding;
}

export function featureSize(source: BatchSource): number {
  return source.featureShape.reduce((a, b) => a * b, 1);
}

/** Copies the features of `rows` into one contiguous array (the batch, before any tensor). */
export function gatherFeatures(
  source: BatchSource,
  rows: ArrayLike<number>,
): Float32Array | Int32Array {
  const size = featureSize(source);
  const out =
    source.featureType === 'int32'
      ? new Int32Array(rows.length * size)
      : new Float32Array(rows.length * size);
  copyFeatures(source.table, rows, size, out);
  return out;
}

export function featureTensor(
  source: BatchSource,
  values: Float32Array | Int32Array,
  count: number,
): tf.Tensor {
  return tf.tensor(values, [count, ...source.featureShape], source.featureType);
}

/**
 * The targets of `rows` in the form the loss expects. For reconstruction the target is the
 * clean input, given as `cleanFeatures` (augmentation only ever touches the input side).
 */
export function targetTensor(
  source: BatchSource,
  rows: ArrayLike<number>,
  cleanFeatures?: Float32Array | Int32Array,
): tf.Tensor {
  const { encoding } = source;
  const n = rows.length;
  switch (encoding.kind) {
    case 'reconstruction':
      return tf.tensor(
        cleanFeatures ?? gatherFeatures(source, rows),
        [n, ...source.featureShape],
        'float32',
      );
    case 'values': {
      const values = new Float32Array(n * encoding.size);
      for (let i = 0; i < n; i += 1) {
        const start = rows[i]! * encoding.size;
        values.set(
          (source.table.y as Float32Array).subarray(start, start + encoding.size),
          i * encoding.size,
        );
      }
      return tf.tensor(values, [n, ...encoding.shape], 'float32');
    }
    default: {
      const labels = gatherLabels(source.table, rows);
      if (encoding.kind === 'oneHot') {
        return tf.tidy(() =>
          tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), encoding.classes), 'float32'),
        );
      }
      if (encoding.kind === 'oneHotPlusMinus') {
        return tf.tidy(() =>
          tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), encoding.classes, 1, -1), 'float32'),
        );
      }
      if (encoding.kind === 'classIndex') return tf.tensor1d(labels, 'float32');
      const values = Float32Array.from(labels, (label) =>
        encoding.kind === 'binaryPlusMinus' ? 2 * label - 1 : label,
      );
      return tf.tensor2d(values, [n, 1]);
    }
  }
}

export function gatherLabels(table: ExampleTable, rows: ArrayLike<number>): Int32Array {
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) labels[i] = (table.y as Int32Array)[rows[i]!]!;
  return labels;
}

/** [0, 1, …, n − 1] */
export function allRows(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => i);
}

import { tf } from '../tf';
import type { BatchSource } from '../training/batches';
import { featureTensor, gatherFeatures } from '../training/batches';
import type { InsideModel } from './inside-model';

/** Most examples one prediction request answers (an MNIST test set fits). */
export const MAX_PREDICT_EXAMPLES = 10_000;

/** The network's outputs for examples given as flat values, `count` examples in a row. */
export function predictValues(
  model: InsideModel,
  values: Float32Array | Int32Array,
  count: number,
): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor(values, [count, ...model.inputShape], model.inputDtype);
    return rowsOf(model.compiled.model.predict(x) as tf.Tensor, count);
  });
}

/** The network's outputs for rows of a data set, in batches. */
export function predictRows(model: InsideModel, source: BatchSource, rows: Int32Array): number[][] {
  const outputs: number[][] = [];
  const batchSize = 256;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.subarray(start, Math.min(rows.length, start + batchSize));
    const features = gatherFeatures(source, batch);
    outputs.push(
      ...tf.tidy(() =>
        rowsOf(
          model.compiled.model.predict(featureTensor(source, features, batch.length)) as tf.Tensor,
          batch.length,
        ),
      ),
    );
  }
  return outputs;
}

function rowsOf(output: tf.Tensor, count: number): number[][] {
  const flat = output.dataSync();
  const size = flat.length / count;
  return Array.from({ length: count }, (_, i) =>
    Array.from(flat.subarray(i * size, (i + 1) * size)),
  );
}

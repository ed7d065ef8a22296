import type { DataPart, LatentSpace } from '../../../shared/inside/inside-schemas';
import { MAX_EXAMPLE_VALUES } from '../../../shared/inside/inside-schemas';
import { tf } from '../tf';
import type { BatchSource } from '../training/batches';
import { featureTensor, gatherFeatures } from '../training/batches';
import { predictRows } from './predict';
import type { InsideModel } from './inside-model';
import { innerNodes, nodeById } from './inside-model';
import type { RunData } from './run-data';
import { partOf } from './run-data';
import { runGraph } from './run-graph';

/** How many examples go through the network at once. */
const BATCH = 256;
/** The most unusual examples listed for an autoencoder. */
const OUTLIERS = 12;

/**
 * Where a layer puts each example: the layer's own two values when it has two units (exactly
 * the values, as the course plots an autoencoder's codes), else its first two principal
 * components, labelled as such. For an autoencoder, the examples it rebuilds worst are listed
 * too: the reconstruction error as an outlier score.
 */
export function latentSpace(
  model: InsideModel,
  data: RunData,
  options: {
    readonly nodeId?: string | undefined;
    readonly part: DataPart;
    readonly limit: number;
  },
): LatentSpace {
  const nodeId = options.nodeId ?? narrowestLayer(model);
  nodeById(model, nodeId);
  const { source, rows: all } = partOf(data, options.part);
  const rows = all.subarray(0, Math.min(all.length, options.limit));
  const codes: number[][] = [];
  const errors: number[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.subarray(start, Math.min(rows.length, start + BATCH));
    const features = gatherFeatures(source, batch);
    tf.tidy(() => {
      const x = featureTensor(source, features, batch.length);
      const run = runGraph(model, x);
      codes.push(
        ...(run.values.get(nodeId)!.reshape([batch.length, -1]).arraySync() as number[][]),
      );
      if (model.task === 'reconstruction') {
        const error = tf.mean(tf.square(tf.sub(run.output, x)).reshape([batch.length, -1]), 1);
        errors.push(...Array.from(error.dataSync()));
      }
    });
  }
  const classes = data.dataset.info.task === 'classification';
  const labelOf = (i: number) => (classes ? { label: source.table.y[rows[i]!] as number } : {});
  const width = codes[0]?.length ?? 0;
  const projected = width <= 2 ? undefined : principalComponents(codes);
  const points = codes.map((code, i) => ({
    index: i,
    x: projected ? projected.points[i]![0]! : code[0]!,
    y: projected ? projected.points[i]![1]! : (code[1] ?? 0),
    ...labelOf(i),
  }));
  return {
    nodeId,
    method: projected ? 'pca' : 'values',
    ...(projected ? { explained: projected.explained } : {}),
    points,
    ...(model.task === 'reconstruction'
      ? { outliers: worstRebuilt(model, source, rows, errors) }
      : {}),
  };
}

/** The examples rebuilt worst, most unusual first, each with its original and rebuilt values. */
function worstRebuilt(
  model: InsideModel,
  source: BatchSource,
  rows: Int32Array,
  errors: readonly number[],
): NonNullable<LatentSpace['outliers']> {
  const worst = errors
    .map((error, index) => ({ index, error }))
    .sort((a, b) => b.error - a.error)
    .slice(0, OUTLIERS);
  const picked = Int32Array.from(worst, (outlier) => rows[outlier.index]!);
  const size = model.inputShape.reduce((a, b) => a * b, 1);
  if (size > MAX_EXAMPLE_VALUES) return worst;
  const features = gatherFeatures(source, picked);
  const rebuilt = predictRows(model, source, picked);
  return worst.map((outlier, i) => ({
    ...outlier,
    values: Array.from(features.subarray(i * size, (i + 1) * size)),
    rebuilt: rebuilt[i]!,
  }));
}

/** The layer with the fewest values per example: an autoencoder's bottleneck. */
function narrowestLayer(model: InsideModel): string {
  let best: { id: string; size: number } | undefined;
  for (const node of innerNodes(model)) {
    const shape = model.compiled.analysis.nodes.get(node.id)!.output!.shape;
    const size = shape.reduce<number>((a, b) => a * (b ?? 1), 1);
    if (!best || size < best.size) best = { id: node.id, size };
  }
  return best?.id ?? model.lastNodeId;
}

/**
 * The rows projected on the covariance matrix's two leading eigenvectors (found by power
 * iteration with deflation), and the share of the total variance each holds.
 */
function principalComponents(rows: readonly number[][]): {
  points: number[][];
  explained: [number, number];
} {
  return tf.tidy(() => {
    const x = tf.tensor2d(rows as number[][]);
    const centred = x.sub(x.mean(0));
    const covariance = tf.matMul(centred, centred, true, false).div(Math.max(1, rows.length - 1));
    const total = covariance.mul(tf.eye(covariance.shape[0])).sum().dataSync()[0]!;
    let matrix = covariance;
    const axes: tf.Tensor[] = [];
    const variances: number[] = [];
    for (let k = 0; k < 2; k += 1) {
      let v: tf.Tensor = tf.ones([matrix.shape[0], 1]).div(Math.sqrt(matrix.shape[0]));
      for (let i = 0; i < 200; i += 1) {
        const next = tf.matMul(matrix, v);
        const norm = next.norm().dataSync()[0]!;
        if (norm === 0) break;
        v = next.div(norm);
      }
      const variance = tf.matMul(tf.matMul(v, matrix, true, false), v).dataSync()[0]!;
      axes.push(v);
      variances.push(variance);
      matrix = matrix.sub(tf.matMul(v, v, false, true).mul(variance));
    }
    const points = tf.matMul(centred, tf.concat(axes, 1)).arraySync() as number[][];
    const share = (variance: number) => (total > 0 ? variance / total : 0);
    return { points, explained: [share(variances[0]!), share(variances[1]!)] };
  });
}

import type { Evaluation } from '../../../shared/training/events';
import { tf } from '../tf';
import type { BatchSource } from './batches';
import { featureTensor, gatherFeatures, gatherLabels, targetTensor } from './batches';
import { TrainingFailure } from './failure';
import type { LossFunction } from './losses';
import type { MetricValues } from './metrics';
import {
  binaryAuc,
  classificationMetrics,
  confusionCounts,
  confusionMatrix,
  predictedClasses,
  regressionMetrics,
} from './metrics';
import type { TargetPlan } from '../../data/target-plan';

export interface LossSpec {
  readonly fn: LossFunction;
  /** The perceptron rule sums over the batch; every other loss averages. */
  readonly summed: boolean;
  /** Its name as the run reports it: the loss actually used, which may not be the Output's. */
  readonly name: string;
}

/** Collects predictions batch by batch and turns them into metrics at the end. */
export class MetricAccumulator {
  private readonly scores: number[] = [];
  private readonly labels: number[] = [];
  private readonly targets: number[] = [];
  private lossSum = 0;
  private examples = 0;

  constructor(
    private readonly plan: TargetPlan,
    private readonly outputs: number,
    private readonly classNames: readonly string[],
  ) {}

  /** `loss` is the batch's loss per example (averaged, or summed then divided by count). */
  add(
    source: BatchSource,
    rows: ArrayLike<number>,
    predictions: Float32Array,
    loss: number,
    clean?: Float32Array | Int32Array,
  ): void {
    this.lossSum += loss * rows.length;
    this.examples += rows.length;
    for (const value of predictions) this.scores.push(value);
    if (this.plan.task === 'classification') {
      for (const label of gatherLabels(source.table, rows)) this.labels.push(label);
    } else if (this.plan.task === 'reconstruction') {
      for (const value of clean ?? gatherFeatures(source, rows)) this.targets.push(value);
    } else {
      const size = this.outputs;
      for (let i = 0; i < rows.length; i += 1) {
        for (let k = 0; k < size; k += 1) this.targets.push(source.table.y[rows[i]! * size + k]!);
      }
    }
  }

  result(withConfusion: boolean): Evaluation {
    const loss = this.examples === 0 ? Number.NaN : this.lossSum / this.examples;
    if (this.plan.task !== 'classification') {
      return { loss, metrics: regressionMetrics(this.scores, this.targets) };
    }
    const scores = Float32Array.from(this.scores);
    const truth = Int32Array.from(this.labels);
    const classes = Math.max(2, this.classNames.length);
    const counts = confusionCounts(
      truth,
      predictedClasses(scores, this.outputs, this.plan.threshold),
      classes,
    );
    const metrics: MetricValues = classificationMetrics(counts);
    if (classes === 2) {
      const positive =
        this.outputs === 1 ? scores : scores.filter((_, i) => i % this.outputs === 1);
      const auc = binaryAuc(positive, truth);
      if (Number.isFinite(auc)) metrics['auc'] = auc;
    }
    return withConfusion
      ? { loss, metrics, confusionMatrix: confusionMatrix(counts, this.classNames) }
      : { loss, metrics };
  }
}

/**
 * Loss and metrics of the model on some rows, in inference mode (no dropout, no noise). The
 * numbers are read back with `await data()`: on the WebGPU backend in Node.js a synchronous
 * read (dataSync) is not possible.
 */
export async function evaluateRows(
  model: tf.LayersModel,
  source: BatchSource,
  rows: Int32Array,
  plan: TargetPlan,
  loss: LossSpec,
  classNames: readonly string[],
  batchSize = 256,
): Promise<Evaluation> {
  const outputs = (model.outputs[0]!.shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
  const accumulator = new MetricAccumulator(plan, outputs, classNames);
  const penalty = await regularizationPenalty(model);
  for (let start = 0; start < rows.length; start += batchSize) {
    const batchRows = rows.subarray(start, Math.min(rows.length, start + batchSize));
    const features = gatherFeatures(source, batchRows);
    const [prediction, perExample] = tf.tidy((): [tf.Tensor, tf.Tensor] => {
      const x = featureTensor(source, features, batchRows.length);
      const y = targetTensor(source, batchRows, features);
      const prediction = model.predict(x) as tf.Tensor;
      const value = loss.fn(y, prediction);
      return [prediction, loss.summed ? tf.div(value, batchRows.length) : value];
    });
    const [predictions, batchLoss] = await Promise.all([prediction.data(), perExample.data()]);
    tf.dispose([prediction, perExample]);
    accumulator.add(
      source,
      batchRows,
      predictions as Float32Array,
      batchLoss[0]! + penalty,
      features,
    );
  }
  const result = accumulator.result(plan.task === 'classification');
  // The loop checks each batch's loss before its step; the last step can still make the weights
  // blow up. Such a loss cannot be reported (events carry finite numbers), so the run fails.
  if (rows.length > 0 && !Number.isFinite(result.loss)) {
    throw new TrainingFailure(
      'loss.not-finite',
      `The loss became ${Number.isNaN(result.loss) ? 'NaN' : 'infinite'} when the network was evaluated after a training step, so training stopped: that step made its weights too large. Try a lower learning rate or gradient clipping.`,
    );
  }
  return result;
}

/** The L1/L2 penalty the layers' regularizers add to the loss right now. */
export async function regularizationPenalty(model: tf.LayersModel): Promise<number> {
  const losses = model.calculateLosses();
  if (losses.length === 0) return 0;
  const total = tf.tidy(() => tf.addN(losses));
  const value = (await total.data())[0]!;
  total.dispose();
  losses.forEach((l) => l.dispose());
  return value;
}

import type { PartConfusion } from '../../../../shared/inside/inside-schemas';
import type { PredictionTable } from '../../../results/predictions-csv';
import { partConfusion } from '../../inside/example-selection';
import type { InsideModel } from '../../inside/inside-model';
import { predictedClass } from '../../inside/inside-model';
import type { DataPart, RunData } from '../../inside/run-data';
import type { BatchSource } from '../../training/batches';
import { ExportError } from '../export-error';

/** The examples a run's results are exported for: a part of its data. */
export interface ResultExamples {
  readonly part: Extract<DataPart, 'test' | 'all'>;
  readonly source: BatchSource;
  readonly rows: Int32Array;
}

/** Said when a run's own data has no test part: why, and how to get one. */
export function noTestPart(what: string): string {
  return `This run kept no test examples, so it has no ${what}: its Test data was "None". Choose "Hold out a fraction" (or the data set's own test part) under Test data, and train again.`;
}

/**
 * The examples a run's results are exported for: the test part. On the run's own data (the
 * split made again from its seed) a run without one gets the sentence why not and what to
 * change; other data (`neurite export --data`) is used whole when it has no test part.
 */
export function examplesOrWhyNot(data: RunData, what: string): ResultExamples | string {
  const test = data.parts.test;
  if (test) return { part: 'test', ...test };
  // Only the data the model was trained on is split again into a training part.
  const ownData = data.parts.train !== undefined;
  if (ownData) return noTestPart(what);
  return { part: 'all', ...data.parts.all! };
}

/** The examples a run's results are exported for, or a refusal that says how to get them. */
export function resultExamples(data: RunData, what: string): ResultExamples {
  const examples = examplesOrWhyNot(data, what);
  if (typeof examples === 'string') throw new ExportError('unsupported', examples);
  return examples;
}

/** Losses whose single output or outputs are probabilities: a sigmoid or a softmax. */
const PROBABILITY_LOSSES: ReadonlySet<string> = new Set([
  'binaryCrossentropy',
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
]);

/**
 * The model's answers for the examples, with their true labels or values, ready to be written
 * as CSV. `outputs` are the network's outputs for `examples.rows`, in order.
 */
export function predictionTable(
  model: InsideModel,
  data: RunData,
  examples: ResultExamples,
  outputs: readonly (readonly number[])[],
): PredictionTable {
  const { table } = examples.source;
  const info = data.dataset.info;
  if (data.plan.task === 'classification') {
    const outputCount = outputs[0]?.length ?? info.classNames?.length ?? 1;
    return {
      kind: 'classes',
      classNames: classNamesOf(data, outputCount),
      outputsAre: PROBABILITY_LOSSES.has(model.loss) ? 'probability' : 'score',
      outputCount,
      rows: outputs.map((output, i) => ({
        dataRow: examples.rows[i]! + 1,
        trueClass: table.y[examples.rows[i]!]!,
        predictedClass: predictedClass(output, model.threshold),
        outputs: output,
      })),
    };
  }
  if (data.plan.task === 'regression') {
    const size = info.targetSize;
    return {
      kind: 'values',
      names: info.targetNames,
      size,
      rows: outputs.map((output, i) => {
        const row = examples.rows[i]!;
        return {
          dataRow: row + 1,
          trueValues: Array.from(table.y.subarray(row * size, (row + 1) * size)),
          predictedValues: output,
        };
      }),
    };
  }
  throw new ExportError('unsupported', REBUILDS_INPUT);
}

const REBUILDS_INPUT =
  'This model rebuilds its input (an autoencoder), so it has no labels or values to predict. Its reconstruction errors are shown in the Inside panel, under Latent space.';

/** Refuses, before any work, a model whose predictions are no labels or values. */
export function checkPredictable(data: RunData): void {
  if (data.plan.task === 'reconstruction') throw new ExportError('unsupported', REBUILDS_INPUT);
}

/** Why a model has no confusion matrix (it predicts no classes), or undefined when it has one. */
export function noConfusionMatrix(data: RunData): string | undefined {
  if (data.plan.task === 'classification') return undefined;
  return data.plan.task === 'reconstruction'
    ? 'This model rebuilds its input (an autoencoder), not classes, so it has no confusion matrix.'
    : 'This model predicts numbers, not classes, so it has no confusion matrix.';
}

/**
 * The confusion matrix of a classifier's examples, counted as the app counts it (rows: true
 * class, columns: predicted class, by training's own rule for the predicted class).
 */
export function confusionOf(
  model: InsideModel,
  data: RunData,
  examples: ResultExamples,
  outputs: readonly (readonly number[])[],
): PartConfusion {
  return partConfusion(
    examples.part,
    outputs,
    model.threshold,
    Array.from(examples.rows, (row) => examples.source.table.y[row]!),
    classNamesOf(data, outputs[0]?.length ?? 1),
  );
}

/** The data set's class names, or the classes' numbers where it has none. */
function classNamesOf(data: RunData, outputCount: number): string[] {
  const names = data.dataset.info.classNames;
  if (names) return [...names];
  return Array.from({ length: Math.max(2, outputCount) }, (_, k) => String(k));
}

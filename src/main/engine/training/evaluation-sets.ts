import type { TrainingJob } from '../../../shared/training/commands';
import { loadDataset } from '../../data/load-dataset';
import type { TargetPlan } from '../../data/target-plan';
import type { LoadedDataset } from '../../data/types';
import type { BatchSource } from './batches';
import { allRows } from './batches';
import { TrainingFailure } from './failure';
import type { RowSplit } from './splits';

/** Batches shaped as the graph's Input expects (the data may be flattened to it). */
export function batchSource(
  dataset: LoadedDataset,
  part: 'examples' | 'test',
  plan: TargetPlan,
  dtype: 'float32' | 'int32',
  featureShape: readonly number[],
): BatchSource {
  const table = part === 'examples' ? dataset.examples : dataset.test!;
  return { table, featureShape, featureType: dtype, encoding: plan.encoding };
}

/** Rows of a table to evaluate on: a validation or test set. */
export interface EvaluationSet {
  readonly source: BatchSource;
  readonly rows: Int32Array;
}

/** The separate validation and test data sets a job names, loaded and shaped like the training data. */
export async function loadSeparateSets(
  job: TrainingJob,
  plan: TargetPlan,
  dtype: 'float32' | 'int32',
  featureShape: readonly number[],
): Promise<{ validation?: EvaluationSet; test?: EvaluationSet }> {
  const load = async (
    spec: TrainingJob['data'] | undefined,
  ): Promise<EvaluationSet | undefined> => {
    if (!spec) return undefined;
    const data = await loadDataset(spec);
    data.fitOnTrainingRows?.(allRows(data.examples.count));
    return {
      source: batchSource(data, 'examples', plan, dtype, featureShape),
      rows: allRows(data.examples.count),
    };
  };
  if (job.config.validation.kind === 'dataset' && !job.validationData) {
    throw new TrainingFailure(
      'config.validation-data',
      'Validation is set to use a separate data set, but none was chosen. Choose one, or validate on a split of the training data.',
    );
  }
  const validation =
    job.config.validation.kind === 'dataset' ? await load(job.validationData) : undefined;
  const test = job.config.test.kind === 'dataset' ? await load(job.testData) : undefined;
  return { ...(validation ? { validation } : {}), ...(test ? { test } : {}) };
}

/** Where the test set comes from: a split, the data set's own test part, or a separate data set. */
export function testSetOf(
  kind: 'none' | 'split' | 'dataset',
  split: RowSplit,
  source: BatchSource,
  dataset: LoadedDataset,
  separate: EvaluationSet | undefined,
  plan: TargetPlan,
  dtype: 'float32' | 'int32',
  featureShape: readonly number[],
): EvaluationSet | undefined {
  if (kind === 'split') return split.test ? { source, rows: split.test } : undefined;
  if (kind !== 'dataset') return undefined;
  if (separate) return separate;
  if (dataset.test)
    return {
      source: batchSource(dataset, 'test', plan, dtype, featureShape),
      rows: allRows(dataset.test.count),
    };
  throw new TrainingFailure(
    'config.test-data',
    `The test set is set to come from the data set, but "${dataset.info.title}" has no test part. Choose a test data set, or hold out a fraction of the examples.`,
  );
}

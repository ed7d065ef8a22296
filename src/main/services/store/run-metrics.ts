import type { TrainerEventOf } from '../../../shared/training/events';

/** Named numbers, as RunSummary.finalMetrics holds them: loss, accuracy, val_loss, test_f1, … */
export type MetricTable = Record<string, number>;

function add(
  table: MetricTable,
  prefix: string,
  result: { readonly loss: number; readonly metrics: Readonly<Record<string, number>> },
): void {
  table[`${prefix}loss`] = result.loss;
  for (const [name, value] of Object.entries(result.metrics)) table[`${prefix}${name}`] = value;
}

/** The headline numbers of one epoch, with validation ones prefixed "val_". */
export function epochMetrics(event: TrainerEventOf<'epoch'>): MetricTable {
  const table: MetricTable = {};
  add(table, '', event);
  if (event.validation) add(table, 'val_', event.validation);
  return table;
}

/**
 * The headline numbers of a finished run: the final evaluation on the training data, the
 * validation data (or, with k-fold, the mean over folds) as "val_", and the test data as
 * "test_".
 */
export function finishedMetrics(event: TrainerEventOf<'finished'>): MetricTable {
  const table: MetricTable = {};
  add(table, '', event.train);
  const validation = event.validation ?? event.foldMean;
  if (validation) add(table, 'val_', validation);
  if (event.test) add(table, 'test_', event.test);
  return table;
}

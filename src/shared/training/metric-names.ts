import { averagingLabel, classMetricAveraging, PER_CLASS_METRICS } from './class-metrics';

/**
 * Names and choice of the numbers a run reports: shared by the app's charts, tables and runs
 * list and by the figures a run is exported as, so both say the same words.
 */

const TITLES: Readonly<Record<string, string>> = {
  loss: 'Loss',
  accuracy: 'Accuracy',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1 score',
  auc: 'AUC',
  mae: 'Mean absolute error',
  mse: 'Mean squared error',
  rmse: 'Root mean squared error',
};

/**
 * A metric's name as tables and charts show it. Given the run's classes, precision, recall and
 * F1 say whose they are: `Precision (class "yes")` for two classes, `(macro average)` for more.
 */
export function metricTitle(name: string, classNames?: readonly string[]): string {
  const title = TITLES[name] ?? name;
  if (!classNames || classNames.length < 2 || !PER_CLASS_METRICS.has(name)) return title;
  return `${title} (${averagingLabel(classMetricAveraging(classNames))})`;
}

/** Metrics that are shares of examples, shown as percentages. */
export function isFraction(name: string): boolean {
  return ['accuracy', 'precision', 'recall', 'f1', 'auc'].includes(name);
}

/** The one metric a chart or list shows for a run: accuracy for classes, else an error. */
export function headlineMetric(names: Iterable<string>): string | undefined {
  const available = new Set(names);
  return (
    ['accuracy', 'mae', 'rmse', 'mse', 'f1'].find((name) => available.has(name)) ??
    [...available][0]
  );
}

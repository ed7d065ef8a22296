import type { EpochRecord } from '../../shared/api/records';
import { headlineMetric } from '../../shared/training/metric-names';

/** One point of a curve: which chart, whose numbers, where. */
export interface CurvePoint {
  readonly chart: 'loss' | 'metric';
  readonly part: 'Training' | 'Validation';
  readonly epoch: number;
  readonly value: number;
}

export interface EpochCurves {
  readonly points: readonly CurvePoint[];
  /** The metric the second chart shows (accuracy for classes, else an error), if any. */
  readonly metric: string | undefined;
  /** k-fold runs: the folds' epochs follow one another, as the app draws them. */
  readonly folds: number;
}

/**
 * A run's per-epoch numbers as the curves the app draws from them: loss, and the run's headline
 * metric, for training and (where measured) validation. A k-fold run's folds are laid one after
 * another: fold 2 starts where fold 1 ended.
 */
export function epochCurves(records: readonly EpochRecord[]): EpochCurves {
  // Chosen at the first epoch, as the app's chart chooses it.
  const metric = headlineMetric(Object.keys(records[0]?.metrics ?? {}));
  const epochsPerFold = Math.max(0, ...records.map((record) => record.epoch));
  const folds = new Set(records.map((record) => record.fold).filter((fold) => fold !== null));
  const points: CurvePoint[] = [];
  for (const record of records) {
    const epoch = (record.fold === null ? 0 : (record.fold - 1) * epochsPerFold) + record.epoch;
    const add = (chart: CurvePoint['chart'], part: CurvePoint['part'], value: number | null) => {
      if (value !== null && value !== undefined && Number.isFinite(value)) {
        points.push({ chart, part, epoch, value });
      }
    };
    add('loss', 'Training', record.loss);
    add('loss', 'Validation', record.validationLoss);
    if (metric) {
      add('metric', 'Training', record.metrics[metric] ?? null);
      add('metric', 'Validation', record.validationMetrics?.[metric] ?? null);
    }
  }
  return { points, metric, folds: folds.size };
}

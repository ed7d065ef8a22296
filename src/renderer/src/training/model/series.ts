import type { EpochRecord } from '../../../../shared/api/records';
import type { TrainerEventOf } from '../../../../shared/training/events';
import { headlineMetric } from './metric-names';
import { Ema } from './smoothing';

/**
 * The numbers the live charts plot, kept as append-only arrays. Charts remember how much of
 * each array they have drawn and extend their traces with the rest once per frame, so a
 * stream of events never redraws a chart from scratch.
 */
export interface BatchSeries {
  /** Position in epochs: 2.5 is halfway through epoch 3. */
  readonly x: number[];
  readonly loss: number[];
  readonly smoothed: number[];
  /** "epoch 3, batch 12 of 50", for hovering. */
  readonly label: string[];
}

/**
 * The learning rate where it changes and at the end of each epoch: drawn as steps, that is
 * the whole curve, with far fewer points than one per batch.
 */
export interface RateSeries {
  readonly x: number[];
  readonly value: number[];
  readonly label: string[];
}

export interface EpochSeries {
  readonly x: number[];
  readonly loss: number[];
  readonly validationLoss: (number | null)[];
  readonly metric: (number | null)[];
  readonly validationMetric: (number | null)[];
  readonly learningRate: number[];
}

export class RunSeries {
  readonly batches: BatchSeries = { x: [], loss: [], smoothed: [], label: [] };
  readonly rates: RateSeries = { x: [], value: [], label: [] };
  readonly epochs: EpochSeries = {
    x: [],
    loss: [],
    validationLoss: [],
    metric: [],
    validationMetric: [],
    learningRate: [],
  };
  /** The metric the metric chart shows, chosen at the first epoch. */
  metric: string | undefined;
  hasValidation = false;
  private readonly ema = new Ema(0.9);
  /** k-fold: folds are drawn one after another, so fold 2 starts at x = epochs. */
  private offset = 0;
  private foldLabel = '';

  setFold(index: number, epochsPerFold: number): void {
    this.offset = (index - 1) * epochsPerFold;
    this.foldLabel = `fold ${index}, `;
  }

  addBatch(event: TrainerEventOf<'batch'>): void {
    const b = this.batches;
    b.x.push(this.offset + event.epoch - 1 + event.batch / event.batchesPerEpoch);
    b.loss.push(event.loss);
    b.smoothed.push(this.ema.next(event.loss));
    const label = `${this.foldLabel}epoch ${event.epoch}, batch ${event.batch} of ${event.batchesPerEpoch}`;
    b.label.push(label);
    const r = this.rates;
    if (r.x.length === 0) {
      // The rate holds from the start of the first batch: even a run of one batch draws a line.
      r.x.push(this.offset + event.epoch - 1 + (event.batch - 1) / event.batchesPerEpoch);
      r.value.push(event.learningRate);
      r.label.push(label);
    }
    if (r.value.at(-1) !== event.learningRate || event.batch === event.batchesPerEpoch) {
      r.x.push(b.x.at(-1)!);
      r.value.push(event.learningRate);
      r.label.push(label);
    }
  }

  addEpoch(event: {
    readonly epoch: number;
    readonly loss: number;
    readonly metrics: Readonly<Record<string, number>>;
    readonly validation?:
      { readonly loss: number; readonly metrics: Readonly<Record<string, number>> } | undefined;
    readonly learningRate: number;
  }): void {
    this.metric ??= headlineMetric(Object.keys(event.metrics));
    if (event.validation) this.hasValidation = true;
    const e = this.epochs;
    e.x.push(this.offset + event.epoch);
    e.loss.push(event.loss);
    e.validationLoss.push(event.validation?.loss ?? null);
    e.metric.push(this.metric ? (event.metrics[this.metric] ?? null) : null);
    e.validationMetric.push(this.metric ? (event.validation?.metrics[this.metric] ?? null) : null);
    e.learningRate.push(event.learningRate);
  }

  /** A past run's per-epoch curves, as the store kept them (no batch points). */
  static fromRecords(records: readonly EpochRecord[]): RunSeries {
    const series = new RunSeries();
    const epochsPerFold = Math.max(0, ...records.map((r) => r.epoch));
    for (const record of records) {
      // k-fold runs store every fold's epochs; they are drawn one after another.
      if (record.fold !== null) series.setFold(record.fold, epochsPerFold);
      series.addEpoch({
        epoch: record.epoch,
        loss: record.loss,
        metrics: record.metrics,
        validation:
          record.validationLoss === null
            ? undefined
            : { loss: record.validationLoss, metrics: record.validationMetrics ?? {} },
        learningRate: record.learningRate,
      });
    }
    return series;
  }
}

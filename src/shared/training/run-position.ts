/** Where a paused or stopped run is: before this batch of this epoch (1-based). */
export interface HeldAt {
  readonly epoch: number;
  readonly batch: number;
  /** Absent in runs stored before it was reported. */
  readonly batchesPerEpoch?: number | undefined;
}

export interface TrainedBatch {
  readonly epoch: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
}

/**
 * The last batch trained when a run paused or stopped before (epoch, batch): the batch before
 * it, or the last of the epoch before. 'none' before the first batch of all; undefined when
 * it cannot be told (no batch count).
 */
export function lastTrainedBatch(at: HeldAt): TrainedBatch | 'none' | undefined {
  const perEpoch = at.batchesPerEpoch;
  if (at.epoch <= 1 && at.batch <= 1) return 'none';
  if (perEpoch === undefined) return undefined;
  return at.batch > 1
    ? { epoch: at.epoch, batch: at.batch - 1, batchesPerEpoch: perEpoch }
    : { epoch: at.epoch - 1, batch: perEpoch, batchesPerEpoch: perEpoch };
}

/**
 * The run's place in words, as the status badge says it and the progress panel shows it:
 * "after epoch 3, batch 2 of 4" (the last batch trained).
 */
export function heldAtText(at: HeldAt): string {
  const trained = lastTrainedBatch(at);
  if (trained === 'none') return 'before the first batch';
  if (!trained) return `before epoch ${at.epoch}, batch ${at.batch}`;
  return `after epoch ${trained.epoch}, batch ${trained.batch} of ${trained.batchesPerEpoch}`;
}

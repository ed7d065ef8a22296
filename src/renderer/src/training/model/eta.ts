/** Where a run is, counted in batches across all epochs (and folds). */
export interface RunPosition {
  /** 1-based, as the trainer reports them. */
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batchesPerEpoch: number;
  /** k-fold: 1-based fold and how many; absent otherwise. */
  readonly fold?: { readonly index: number; readonly of: number };
}

/** Fraction of all the batches of the run that are done, 0…1. */
export function fractionDone(position: RunPosition): number {
  const folds = position.fold?.of ?? 1;
  const perFold = position.epochs * position.batchesPerEpoch;
  const total = perFold * folds;
  if (total <= 0) return 0;
  const done =
    ((position.fold?.index ?? 1) - 1) * perFold +
    (position.epoch - 1) * position.batchesPerEpoch +
    position.batch;
  return Math.min(1, Math.max(0, done / total));
}

/**
 * Seconds left, from the time spent training so far (pauses excluded) and the share done.
 * Undefined until there is enough to go on: a guess from the first instant would jump about.
 */
export function etaSeconds(fraction: number, activeMs: number): number | undefined {
  if (fraction <= 0 || activeMs < 300) return undefined;
  if (fraction >= 1) return 0;
  return ((activeMs / fraction) * (1 - fraction)) / 1000;
}

/** "45 s", "2 min 10 s", "1 h 5 min": short, and no false precision. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

import type { TrainerEventOf } from './events';

/** What the diagnosis needs of each epoch: a stored EpochRecord or a live epoch event fits. */
export interface DiagnosedEpoch {
  readonly epoch: number;
  readonly loss: number;
  readonly metrics: Readonly<Record<string, number>>;
  /** Null or absent without validation data. */
  readonly validationLoss?: number | null | undefined;
  readonly learningRate: number;
}

export type RunEnd =
  TrainerEventOf<'finished'> | TrainerEventOf<'stopped'> | TrainerEventOf<'failed'>;

export interface RunDiagnosis {
  readonly kind: 'diverged' | 'chance' | 'overfitting';
  /** A few words, e.g. "The loss diverged". */
  readonly title: string;
  /** What happened, in the run's own numbers, and what to change. */
  readonly advice: string;
}

/** The loss grew this many times over its first value: the steps overshoot. */
const DIVERGED_GROWTH = 2;
/** Training accuracy within this of always answering the commonest class. */
const CHANCE_MARGIN = 0.05;
/** The validation loss ended this much above its lowest, and had epochs to show it. */
const OVERFIT_RISE = 1.1;
const OVERFIT_EPOCHS = 3;

/**
 * What went wrong in a run, in words a student can act on: a loss that diverged (or became
 * NaN), a training accuracy that stayed at chance, or a validation loss that rose while the
 * training loss fell. Empty when nothing did (or too little is known to say). Pure: the same
 * epochs and end give the same words, live or from the runs list.
 */
export function diagnoseRun(
  epochs: readonly DiagnosedEpoch[],
  end: RunEnd | undefined,
): RunDiagnosis[] {
  if (!end) return [];
  const diverged = divergence(epochs, end);
  if (diverged) return [diverged];
  if (end.type === 'failed') return [];
  return [chance(epochs, end), overfitting(epochs)].filter(
    (found): found is RunDiagnosis => found !== undefined,
  );
}

function divergence(epochs: readonly DiagnosedEpoch[], end: RunEnd): RunDiagnosis | undefined {
  const rate = epochs[0]?.learningRate;
  const lower =
    rate === undefined ? 'a lower one' : `${formatRate(rate / 10)} instead of ${formatRate(rate)}`;
  const notFinite =
    (end.type === 'failed' && end.code === 'loss.not-finite') ||
    epochs.some((epoch) => !Number.isFinite(epoch.loss));
  if (notFinite) {
    return {
      kind: 'diverged',
      title: 'The loss diverged (it became NaN or infinite)',
      advice: `Each step changed the weights so much that they grew without bound: the learning rate is too high. Try ${lower}, or turn on gradient clipping.`,
    };
  }
  const first = epochs[0]?.loss;
  const last = epochs.at(-1)?.loss;
  if (epochs.length < 2 || first === undefined || last === undefined) return undefined;
  if (!(first > 0 && last > first * DIVERGED_GROWTH)) return undefined;
  return {
    kind: 'diverged',
    title: 'The loss diverged',
    advice: `The loss grew from ${formatLoss(first)} after the first epoch to ${formatLoss(last)} at the end instead of falling: each step overshoots, so the learning rate is too high. Try ${lower}.`,
  };
}

function chance(epochs: readonly DiagnosedEpoch[], end: RunEnd): RunDiagnosis | undefined {
  const accuracy =
    end.type === 'finished' ? end.train.metrics['accuracy'] : epochs.at(-1)?.metrics['accuracy'];
  const counts = end.type === 'finished' ? end.train.confusionMatrix?.counts : undefined;
  if (accuracy === undefined || !counts) return undefined;
  const rows = counts.map((row) => row.reduce((sum, n) => sum + n, 0));
  const total = rows.reduce((sum, n) => sum + n, 0);
  if (total === 0 || rows.length < 2) return undefined;
  // Always answering the commonest class scores its share: that is what "chance" means here.
  const commonest = Math.max(...rows) / total;
  if (accuracy > commonest + CHANCE_MARGIN) return undefined;
  return {
    kind: 'chance',
    title: 'The network did not learn',
    advice: `Its training accuracy ended at ${percent(accuracy)}, no better than always answering the commonest class (${percent(commonest)}). Check the learning rate (too low and nothing moves, too high and it jumps about), that the final activation suits the loss, that the network has a hidden layer with enough units for the problem, and that the inputs are on a similar scale; then train for more epochs.`,
  };
}

function overfitting(epochs: readonly DiagnosedEpoch[]): RunDiagnosis | undefined {
  const withValidation = epochs.filter(
    (epoch): epoch is DiagnosedEpoch & { validationLoss: number } =>
      typeof epoch.validationLoss === 'number' && Number.isFinite(epoch.validationLoss),
  );
  if (withValidation.length < OVERFIT_EPOCHS + 1) return undefined;
  let best = 0;
  withValidation.forEach((epoch, i) => {
    if (epoch.validationLoss < withValidation[best]!.validationLoss) best = i;
  });
  const lowest = withValidation[best]!;
  const last = withValidation.at(-1)!;
  const rose = last.validationLoss > lowest.validationLoss * OVERFIT_RISE;
  const fell = last.loss < lowest.loss;
  if (!rose || !fell || withValidation.length - 1 - best < OVERFIT_EPOCHS) return undefined;
  return {
    kind: 'overfitting',
    title: 'The network overfitted',
    advice: `The validation loss was lowest at epoch ${lowest.epoch} (${formatLoss(lowest.validationLoss)}) and rose to ${formatLoss(last.validationLoss)} while the training loss kept falling (${formatLoss(lowest.loss)} → ${formatLoss(last.loss)}): the network learns its training examples by heart. Turn on early stopping to keep the weights of epoch ${lowest.epoch}, or add regularization (L2, dropout), or more training data.`,
  };
}

function formatLoss(value: number): string {
  return value.toPrecision(3);
}

function formatRate(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

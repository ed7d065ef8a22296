import {
  clippingSchema,
  optimizerSchema,
  scheduleSchema,
  type TrainingConfig,
} from '../../../../shared/training/config';

/**
 * The training form as the user types it: one flat entry per field, numbers kept as the text
 * typed (so "0." or "abc" stays on screen to be explained), check boxes as booleans. Fields of
 * every optimizer, schedule and clipping kind are kept side by side, so switching kinds and back
 * never loses what was typed.
 */
export type FormDraft = Readonly<Record<string, string | boolean>>;

export interface NumberFieldSpec {
  readonly key: string;
  readonly label: string;
  readonly integer?: boolean;
  /** One line for a first-year student: what the field does. */
  readonly hint?: string;
}

export const NUMBER_FIELDS: Readonly<Record<string, NumberFieldSpec>> = Object.fromEntries(
  (
    [
      {
        key: 'epochs',
        label: 'Epochs',
        integer: true,
        hint: 'Passes over all training examples.',
      },
      {
        key: 'batchSize',
        label: 'Batch size',
        integer: true,
        hint: 'Examples per weight update; 1 is stochastic gradient descent.',
      },
      {
        key: 'optimizer.learningRate',
        label: 'Learning rate',
        hint: 'Step size α of each update. Too large and the loss jumps; too small and it crawls.',
      },
      {
        key: 'optimizer.momentum',
        label: 'Momentum',
        hint: 'β: 0 is plain gradient descent, 0.9 the usual momentum. It keeps a running average V of the gradients and steps along it.',
      },
      {
        key: 'optimizer.initialAccumulatorValue',
        label: 'Initial accumulator',
        hint: 'Starting sum of squared gradients.',
      },
      { key: 'optimizer.rho', label: 'Rho (ρ)', hint: 'How fast old squared gradients fade.' },
      { key: 'optimizer.beta1', label: 'Beta 1 (β₁)', hint: 'Decay of the gradient average.' },
      {
        key: 'optimizer.beta2',
        label: 'Beta 2 (β₂)',
        hint: 'Decay of the squared-gradient average.',
      },
      { key: 'optimizer.epsilon', label: 'Epsilon (ε)', hint: 'Keeps divisions away from zero.' },
      {
        key: 'validation.fraction',
        label: 'Validation fraction',
        hint: 'Share of examples held out to check for overfitting, e.g. 0.2.',
      },
      {
        key: 'test.fraction',
        label: 'Test fraction',
        hint: 'Share of examples kept aside for the final test, e.g. 0.2.',
      },
      {
        key: 'kFold',
        label: 'Folds (k)',
        integer: true,
        hint: '0 is off; k ≥ 2 trains k networks, each validated on a different part.',
      },
      {
        key: 'seed',
        label: 'Random seed',
        integer: true,
        hint: 'Same seed, same starting weights and shuffles.',
      },
      { key: 'schedule.decay', label: 'Decay', hint: 'How fast α falls from epoch to epoch.' },
      { key: 'schedule.every', label: 'Every (epochs)', integer: true },
      { key: 'schedule.factor', label: 'Factor', hint: 'α is multiplied by this every step.' },
      { key: 'schedule.rate', label: 'Rate', hint: 'α is multiplied by this every epoch.' },
      {
        key: 'clipping.limit',
        label: 'Clip value',
        hint: 'Each gradient component is kept within ± this.',
      },
      {
        key: 'clipping.maxNorm',
        label: 'Maximum norm',
        hint: 'A longer gradient vector is scaled down to this length.',
      },
      {
        key: 'earlyStopping.patience',
        label: 'Patience (epochs)',
        integer: true,
        hint: 'Epochs without improvement before training stops.',
      },
      {
        key: 'earlyStopping.minDelta',
        label: 'Minimum improvement',
        hint: 'Smaller changes do not count as better.',
      },
      {
        key: 'augmentation.shift',
        label: 'Shift',
        hint: 'Largest shift, as a fraction of the image size (0 to 0.5).',
      },
      {
        key: 'augmentation.rotation',
        label: 'Rotation (degrees)',
        hint: 'Largest rotation either way.',
      },
      {
        key: 'augmentation.noise',
        label: 'Noise',
        hint: 'Gaussian noise on the inputs; with an autoencoder, a denoising one.',
      },
      {
        key: 'batchEventInterval',
        label: 'Chart update interval (ms)',
        integer: true,
        hint: 'How often batch losses are sent to the charts.',
      },
    ] satisfies NumberFieldSpec[]
  ).map((spec) => [spec.key, spec]),
);

export type OptimizerType = TrainingConfig['optimizer']['type'];
export type ScheduleType = TrainingConfig['schedule']['type'];
export type ClippingType = TrainingConfig['clipping']['type'];

/** The fields each kind has, besides its type. */
export const OPTIMIZER_FIELDS: Readonly<Record<OptimizerType, readonly string[]>> = {
  sgd: ['learningRate', 'momentum'],
  adagrad: ['learningRate', 'initialAccumulatorValue'],
  rmsprop: ['learningRate', 'rho', 'momentum', 'epsilon'],
  adam: ['learningRate', 'beta1', 'beta2', 'epsilon'],
};
export const SCHEDULE_FIELDS: Readonly<Record<ScheduleType, readonly string[]>> = {
  constant: [],
  inverseTime: ['decay'],
  step: ['every', 'factor'],
  exponential: ['rate'],
};
export const CLIPPING_FIELDS: Readonly<Record<ClippingType, readonly string[]>> = {
  none: [],
  value: ['limit'],
  norm: ['maxNorm'],
};

/** A number as the form shows it: plain decimals, no exponent for the usual ranges. */
export function formatNumber(value: number): string {
  if (value !== 0 && Math.abs(value) < 1e-4) return String(value);
  return String(Number(value.toPrecision(12)));
}

function flatten(
  prefix: string,
  value: Record<string, unknown>,
  into: Record<string, string | boolean>,
) {
  for (const [key, field] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof field === 'number') into[path] = formatNumber(field);
    else if (typeof field === 'string' || typeof field === 'boolean') into[path] = field;
    else if (field && typeof field === 'object')
      flatten(path, field as Record<string, unknown>, into);
  }
}

/**
 * The draft for a config: its own values, with every other kind's fields at their defaults so
 * that switching kind shows sensible numbers.
 */
export function draftFromConfig(config: TrainingConfig): FormDraft {
  const draft: Record<string, string | boolean> = {};
  for (const option of optimizerSchema.options) {
    flatten('optimizer', option.parse({ type: option.shape.type.value }), draft);
  }
  for (const option of scheduleSchema.options) {
    flatten('schedule', option.parse({ type: option.shape.type.value }), draft);
  }
  for (const option of clippingSchema.options) {
    flatten('clipping', option.parse({ type: option.shape.type.value }), draft);
  }
  draft['validation.fraction'] = '0.2';
  draft['test.fraction'] = '0.2';
  // The config's own values override the other kinds' defaults.
  flatten('', config, draft);
  draft['batchFull'] = config.batchSize === 'full';
  if (config.batchSize === 'full') draft['batchSize'] = '32';
  return draft;
}

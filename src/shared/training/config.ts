import { z } from 'zod';

/**
 * Everything that decides how a network is trained. Defaults are what a first lab needs;
 * every field is checked by main before a run starts.
 */
const learningRate = z.number().positive().max(10).default(0.01);

export const OPTIMIZER_TYPES = ['sgd', 'adagrad', 'rmsprop', 'adam'] as const;

export const optimizerSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('sgd'),
    learningRate,
    /** β: 0 is plain gradient descent; 0.9 is the usual momentum. */
    momentum: z.number().min(0).lt(1).default(0),
    /** Which momentum formula: see MOMENTUM_FORMULAS. */
    momentumForm: z.enum(['average', 'sum']).default('average'),
  }),
  z.strictObject({
    type: z.literal('adagrad'),
    learningRate,
    initialAccumulatorValue: z.number().positive().default(0.1),
  }),
  z.strictObject({
    type: z.literal('rmsprop'),
    learningRate: z.number().positive().max(10).default(0.001),
    rho: z.number().min(0).lt(1).default(0.9),
    momentum: z.number().min(0).lt(1).default(0),
    epsilon: z.number().positive().default(1e-7),
  }),
  z.strictObject({
    type: z.literal('adam'),
    learningRate: z.number().positive().max(10).default(0.001),
    beta1: z.number().min(0).lt(1).default(0.9),
    beta2: z.number().min(0).lt(1).default(0.999),
    epsilon: z.number().positive().default(1e-7),
  }),
]);
export type OptimizerConfig = z.output<typeof optimizerSchema>;
export type MomentumForm = Extract<OptimizerConfig, { type: 'sgd' }>['momentumForm'];

/**
 * The two momentum formulas in use. The course notes average the gradients (an exponentially
 * weighted average, so β = 0.9 takes steps as large as plain gradient descent); Keras and
 * TF.js add them up, which makes steps 1 / (1 − β) times larger: 10 × at β = 0.9.
 */
export const MOMENTUM_FORMULAS: Readonly<Record<MomentumForm, string>> = {
  average: 'V ← β·V + (1 − β)·dW, then W ← W − α·V (the course notes)',
  sum: 'V ← β·V + dW, then W ← W − α·V (Keras and TF.js)',
};

/**
 * How the learning rate changes from epoch to epoch. Epochs are numbered as the student sees
 * them: n = 1 for the first.
 */
export const scheduleSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('constant') }),
  /** The course's decay, α = α₀ / (1 + decay · n): already α₀ / (1 + decay) in epoch 1. */
  z.strictObject({
    type: z.literal('inverseTime'),
    decay: z.number().min(0).max(100).default(0.01),
  }),
  /** α = α₀ · factor^⌊(n − 1) / every⌋: α₀ for the first `every` epochs, then × factor. */
  z.strictObject({
    type: z.literal('step'),
    every: z.number().int().min(1).default(10),
    factor: z.number().positive().max(1).default(0.5),
  }),
  /** α = α₀ · rate^(n − 1): α₀ in epoch 1, × rate in each epoch after it. */
  z.strictObject({
    type: z.literal('exponential'),
    rate: z.number().positive().max(1).default(0.95),
  }),
]);
export type ScheduleConfig = z.output<typeof scheduleSchema>;

export const clippingSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  /** Every gradient component is clipped into [−limit, limit]. */
  z.strictObject({ type: z.literal('value'), limit: z.number().positive().default(1) }),
  /** The whole gradient vector is scaled down when its length (global L2 norm) exceeds maxNorm. */
  z.strictObject({ type: z.literal('norm'), maxNorm: z.number().positive().default(1) }),
]);

export const splitSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  /** A fraction of the examples, chosen at random (seeded), held out. */
  z.strictObject({ kind: z.literal('split'), fraction: z.number().gt(0).max(0.9).default(0.2) }),
  /** The job's separate validation/test data, or the data set's own test part. */
  z.strictObject({ kind: z.literal('dataset') }),
]);

/** Names a monitored quantity: "loss", "accuracy", or the validation one "val_loss", … */
export const MONITORED = [
  'loss',
  'val_loss',
  'accuracy',
  'val_accuracy',
  'f1',
  'val_f1',
  'mae',
  'val_mae',
] as const;

export const earlyStoppingSchema = z.strictObject({
  enabled: z.boolean().default(false),
  monitor: z.enum(MONITORED).default('val_loss'),
  /** Epochs without improvement before stopping. */
  patience: z.number().int().min(1).max(1000).default(5),
  /** Smallest change that counts as an improvement. */
  minDelta: z.number().min(0).default(0),
  restoreBestWeights: z.boolean().default(true),
});

/** Random changes to training images (never to validation or test ones). */
export const augmentationSchema = z.strictObject({
  /** Largest shift, as a fraction of the image's height and width. */
  shift: z.number().min(0).max(0.5).default(0),
  flipHorizontal: z.boolean().default(false),
  /** Largest rotation in degrees, either way. */
  rotation: z.number().min(0).max(180).default(0),
  /** Standard deviation of Gaussian noise added to the inputs. For a reconstruction task the
   *  targets stay clean: that is a denoising autoencoder. */
  noise: z.number().min(0).max(5).default(0),
});

export const trainingConfigSchema = z.strictObject({
  epochs: z.number().int().min(1).max(100_000).default(20),
  /** 1 = stochastic gradient descent; "full" = batch gradient descent (all examples at once). */
  batchSize: z.union([z.number().int().min(1).max(1_000_000), z.literal('full')]).default(32),
  shuffle: z.boolean().default(true),
  validation: splitSchema.default({ kind: 'split', fraction: 0.2 }),
  test: splitSchema.default({ kind: 'none' }),
  /** k-fold cross-validation: 0 = off, else the number of folds (trains k networks). */
  kFold: z.number().int().min(0).max(20).default(0),
  /**
   * Stratified: held-out parts and k folds keep each class's share of the examples (for
   * classification data; a split of numbers to predict stays random).
   */
  stratify: z.boolean().default(false),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(42),
  optimizer: optimizerSchema.default({
    type: 'adam',
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  }),
  schedule: scheduleSchema.default({ type: 'constant' }),
  clipping: clippingSchema.default({ type: 'none' }),
  earlyStopping: earlyStoppingSchema.default({
    enabled: false,
    monitor: 'val_loss',
    patience: 5,
    minDelta: 0,
    restoreBestWeights: true,
  }),
  augmentation: augmentationSchema.default({
    shift: 0,
    flipHorizontal: false,
    rotation: 0,
    noise: 0,
  }),
  /**
   * Saliency maps of a few fixed examples, and the decision boundary of data with two input
   * features, recomputed after epochs while training (within LIVE_TIME_BUDGET of its time).
   */
  liveInside: z.boolean().default(true),
  /** Batch events are sent at most this often (ms), so the UI is never flooded. */
  batchEventInterval: z.number().int().min(0).max(10_000).default(100),
});

export type TrainingConfig = z.output<typeof trainingConfigSchema>;
export type TrainingConfigInput = z.input<typeof trainingConfigSchema>;

/** α during epoch n (n = 1 for the first epoch) under a schedule. */
export function scheduledLearningRate(
  base: number,
  schedule: ScheduleConfig,
  epoch: number,
): number {
  switch (schedule.type) {
    case 'constant':
      return base;
    case 'inverseTime':
      return base / (1 + schedule.decay * epoch);
    case 'step':
      return base * schedule.factor ** Math.floor((epoch - 1) / schedule.every);
    case 'exponential':
      return base * schedule.rate ** (epoch - 1);
  }
}

/** The formula of each schedule as the Training tab shows it beside the setting. */
export const SCHEDULE_FORMULAS: Readonly<Record<ScheduleConfig['type'], string>> = {
  constant: 'α = α₀ in every epoch',
  inverseTime: 'α = α₀ / (1 + decay · n), where n = 1 in the first epoch',
  step: 'α = α₀ · factor^⌊(n − 1) / every⌋, where n = 1 in the first epoch',
  exponential: 'α = α₀ · rate^(n − 1), where n = 1 in the first epoch',
};

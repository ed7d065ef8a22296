import type { DatasetSpec } from '../data/dataset-spec';
import { trainingConfigSchema, type TrainingConfig, type TrainingConfigInput } from './config';

/**
 * What a project made from a template starts with on the Training tab: a data set that fits
 * the template's Input and Output, and settings known to train it well in a classroom-sized
 * time on a laptop (the integration tests in tests/integration/training check the targets).
 */
export interface TemplateDefaults {
  /** A built-in data set that fits the network, or none when no built-in one does. */
  readonly data: DatasetSpec | undefined;
  readonly training: TrainingConfig;
  /** When there is no built-in data set: what kind of data to import, for the student. */
  readonly dataHint?: string;
}

const noHoldOut = { kind: 'none' } as const;
const holdOut = (fraction: number) => ({ kind: 'split', fraction }) as const;

const mnist = (limit?: number): DatasetSpec => ({
  source: 'builtin',
  name: 'mnist',
  ...(limit ? { limit } : {}),
});

/** MNIST classifiers: a few epochs of Adam reach 92–98% on held-out digits. */
const digitClassifier: TrainingConfigInput = {
  epochs: 5,
  batchSize: 32,
  validation: holdOut(0.2),
  optimizer: { type: 'adam', learningRate: 0.001 },
};

/** Forecasting the next value of the sine wave (about 10 epochs of Adam at 0.01). */
const sineForecaster: TrainingConfigInput = {
  epochs: 10,
  batchSize: 32,
  validation: holdOut(0.2),
  optimizer: { type: 'adam', learningRate: 0.01 },
};

/** Small colour-image CNNs: no built-in set of 32×32 colour images, so settings only. */
const colourImages: TrainingConfigInput = {
  epochs: 10,
  batchSize: 32,
  validation: holdOut(0.2),
  optimizer: { type: 'adam', learningRate: 0.001 },
};
const colourImagesHint =
  'This network reads 32 × 32 colour images. Import a folder of images (one subfolder per class) in the Data tab, at size 32 × 32 in colour, or record your own there with the camera.';

/**
 * Review classifiers on the built-in review sentences: about 80% on held-out sentences after
 * 5 epochs; past 3 epochs training accuracy still climbs while validation accuracy does not.
 */
const textClassifier: TrainingConfigInput = {
  epochs: 5,
  batchSize: 32,
  validation: holdOut(0.2),
  optimizer: { type: 'adam', learningRate: 0.005 },
};
const reviews: DatasetSpec = { source: 'builtin', name: 'reviews' };

const RAW: Readonly<
  Record<string, { data?: DatasetSpec; training: TrainingConfigInput; dataHint?: string }>
> = {
  // Logic and toy problems: tiny sets, so every example is used for training.
  perceptron: {
    data: { source: 'builtin', name: 'and' },
    training: {
      epochs: 30,
      batchSize: 1,
      validation: noHoldOut,
      optimizer: { type: 'sgd', learningRate: 0.1 },
    },
  },
  'xor-mlp': {
    // XOR needs all four rows in training; Adam at 0.05 reaches 100% well within 300 epochs.
    data: { source: 'builtin', name: 'xor' },
    training: {
      epochs: 300,
      batchSize: 4,
      validation: noHoldOut,
      optimizer: { type: 'adam', learningRate: 0.05 },
    },
  },
  'logistic-regression': {
    data: { source: 'builtin', name: 'gaussians' },
    training: {
      epochs: 50,
      batchSize: 16,
      validation: holdOut(0.2),
      optimizer: { type: 'adam', learningRate: 0.05 },
    },
  },
  'softmax-regression': {
    data: { source: 'builtin', name: 'iris' },
    training: {
      epochs: 100,
      batchSize: 16,
      validation: holdOut(0.2),
      optimizer: { type: 'adam', learningRate: 0.01 },
    },
  },
  'linear-regression': {
    // Real cars: one straight line from horsepower to miles per gallon, within about 4.5 mpg.
    data: { source: 'builtin', name: 'cars' },
    training: {
      epochs: 100,
      batchSize: 16,
      validation: holdOut(0.2),
      optimizer: { type: 'sgd', learningRate: 0.01 },
    },
  },
  'dense-3-5-2': {
    // Real penguins: three measurements, female or male.
    data: { source: 'builtin', name: 'penguins' },
    training: {
      epochs: 50,
      batchSize: 16,
      validation: holdOut(0.2),
      optimizer: { type: 'adam', learningRate: 0.01 },
    },
  },
  // Digits.
  'mnist-deep-mlp': { data: mnist(), training: digitClassifier },
  'mnist-small-cnn': { data: mnist(), training: digitClassifier },
  'lenet-5': { data: mnist(), training: digitClassifier },
  // Autoencoders: 2,000 digits and bigger batches keep an epoch to a few seconds.
  'deep-autoencoder': {
    data: mnist(2000),
    training: {
      epochs: 50,
      batchSize: 128,
      validation: holdOut(0.1),
      optimizer: { type: 'adam', learningRate: 0.003 },
    },
  },
  'denoising-autoencoder': {
    data: mnist(2000),
    training: {
      epochs: 30,
      batchSize: 128,
      validation: holdOut(0.1),
      optimizer: { type: 'adam', learningRate: 0.003 },
      // The noise is what makes it a denoising autoencoder: inputs get noise, targets stay clean.
      augmentation: { noise: 0.3 },
    },
  },
  'conv-autoencoder': {
    data: mnist(2000),
    training: {
      epochs: 10,
      batchSize: 64,
      validation: holdOut(0.1),
      optimizer: { type: 'adam', learningRate: 0.003 },
    },
  },
  // Sequences.
  'simple-rnn-sequence': { data: { source: 'builtin', name: 'sine' }, training: sineForecaster },
  'lstm-sequence': { data: { source: 'builtin', name: 'sine' }, training: sineForecaster },
  'gru-sequence': { data: { source: 'builtin', name: 'sine' }, training: sineForecaster },
  'seq2seq-encoder-decoder': {
    // Reversing 10 digits: the error falls below a tenth of guessing 0.5 at every step.
    data: { source: 'builtin', name: 'reverse' },
    training: {
      epochs: 30,
      batchSize: 32,
      validation: holdOut(0.2),
      optimizer: { type: 'adam', learningRate: 0.005 },
    },
  },
  'alexnet-small': { training: colourImages, dataHint: colourImagesHint },
  'conv-relu-pool': { training: colourImages, dataHint: colourImagesHint },
  'inception-block': { training: colourImages, dataHint: colourImagesHint },
  'resnet-basic-block': { training: colourImages, dataHint: colourImagesHint },
  'vgg-block': { training: colourImages, dataHint: colourImagesHint },
  // Text.
  'text-bilstm': { data: reviews, training: textClassifier },
  'text-cnn': { data: reviews, training: textClassifier },
  'text-gru': { data: reviews, training: textClassifier },
  'text-lstm': { data: reviews, training: textClassifier },
};

/** The template names that have defaults (every template in resources/templates). */
export const TEMPLATES_WITH_DEFAULTS: readonly string[] = Object.keys(RAW);

/** Defaults for a template, or undefined for an unknown name (the app's general defaults apply). */
export function templateDefaults(template: string): TemplateDefaults | undefined {
  // Own keys only: a name such as "constructor" is not a template.
  const raw = Object.hasOwn(RAW, template) ? RAW[template] : undefined;
  if (!raw) return undefined;
  return {
    data: raw.data,
    training: trainingConfigSchema.parse(raw.training),
    ...(raw.dataHint ? { dataHint: raw.dataHint } : {}),
  };
}

import { z } from 'zod';
import {
  ACTIVATIONS,
  ACTIVATION_HELP,
  ACTIVATION_TITLES,
  RECURRENT_ACTIVATIONS,
} from './activations';
import type { TfLayerSpec } from './types';

/**
 * Parameter fragments several kinds share. Every field carries a title and a description
 * through `.meta()`: the inspector shows them, and `parse` names them in its messages. A field
 * with named options (an enum, an initializer) also carries `optionTitles`, the words the
 * inspector shows for each stored value, and may carry `optionHelp`, one sentence per option.
 * A field that matters only for some values of another carries `appliesWhen`
 * (`{ activation: ['leakyRelu'] }`): the inspector shows it only then (see fieldApplies).
 */

/** Sizes are whole numbers ≥ 1. The upper bound only stops nonsense; memory is checked later. */
export function sizeParam(title: string, description: string, defaultValue: number) {
  return z
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .default(defaultValue)
    .meta({ title, description });
}

export function rateParam(title: string, description: string, defaultValue: number) {
  return z.number().min(0).max(1).default(defaultValue).meta({ title, description });
}

export const activationParams = {
  activation: z.enum(ACTIVATIONS).default('linear').meta({
    title: 'Activation',
    description: 'What the layer does to each weighted sum before passing it on.',
    optionTitles: ACTIVATION_TITLES,
    optionHelp: ACTIVATION_HELP,
  }),
  leakyAlpha: z
    .number()
    .min(0)
    .max(1)
    .default(0.01)
    .meta({
      title: 'Leaky slope (α)',
      description: 'Only for leaky ReLU: the slope for negative numbers.',
      appliesWhen: { activation: ['leakyRelu'] },
    }),
};

export function recurrentActivationParam(defaultValue: (typeof RECURRENT_ACTIVATIONS)[number]) {
  return z.enum(RECURRENT_ACTIVATIONS).default(defaultValue).meta({
    title: 'Activation',
    description: 'Applied to the new state at every time step.',
    optionTitles: ACTIVATION_TITLES,
    optionHelp: ACTIVATION_HELP,
  });
}

export const INITIALIZER_TYPES = [
  'glorotUniform',
  'glorotNormal',
  'heUniform',
  'heNormal',
  'zeros',
  'ones',
  'constant',
  'randomUniform',
  'randomNormal',
] as const;

export type InitializerType = (typeof INITIALIZER_TYPES)[number];

/** The words the inspector shows for each initializer; `orthogonal` is for recurrent weights. */
export const INITIALIZER_TITLES: Readonly<Record<InitializerType | 'orthogonal', string>> = {
  glorotUniform: 'Glorot (Xavier) uniform',
  glorotNormal: 'Glorot (Xavier) normal',
  heUniform: 'He uniform',
  heNormal: 'He normal',
  zeros: 'Zeros',
  ones: 'Ones',
  constant: 'Constant',
  randomUniform: 'Random uniform',
  randomNormal: 'Random normal (bell curve)',
  orthogonal: 'Orthogonal',
};

export const INITIALIZER_HELP: Readonly<Record<InitializerType | 'orthogonal', string>> = {
  glorotUniform:
    'Random, evenly spread, scaled to the number of inputs and outputs (Glorot, also called Xavier). The usual choice for weights.',
  glorotNormal: 'Like Glorot uniform, but drawn from a bell curve (normal distribution).',
  heUniform: 'Random, evenly spread, scaled to the number of inputs (He). Suits ReLU layers.',
  heNormal: 'Like He uniform, but drawn from a bell curve.',
  zeros: 'Every value 0. The usual choice for biases.',
  ones: 'Every value 1.',
  constant: 'Every value the same number: the value you set.',
  randomUniform: 'Random, evenly spread between −limit and +limit.',
  randomNormal: 'Random from a bell curve around the mean, with the spread you set.',
  orthogonal:
    'A random rotation, which keeps the memory from fading or exploding early in training. Only for the weights from one step to the next in SimpleRNN, LSTM and GRU, where it is the default.',
};

const initializerSettings = {
  value: z.number().default(0).meta({
    title: 'Value',
    description: 'The number every weight starts at.',
  }),
  limit: z.number().positive().default(0.05).meta({
    title: 'Limit',
    description: 'Weights start anywhere between −limit and +limit, all equally likely.',
  }),
  mean: z.number().default(0).meta({
    title: 'Mean',
    description: 'The centre of the bell curve the weights are drawn from.',
  }),
  stddev: z.number().positive().default(0.05).meta({
    title: 'Spread (standard deviation)',
    description: 'How far from the mean the weights typically fall.',
  }),
};

const initializerObject = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('glorotUniform') }),
  z.strictObject({ type: z.literal('glorotNormal') }),
  z.strictObject({ type: z.literal('heUniform') }),
  z.strictObject({ type: z.literal('heNormal') }),
  z.strictObject({ type: z.literal('zeros') }),
  z.strictObject({ type: z.literal('ones') }),
  z.strictObject({ type: z.literal('constant'), value: initializerSettings.value }),
  z.strictObject({ type: z.literal('randomUniform'), limit: initializerSettings.limit }),
  z.strictObject({
    type: z.literal('randomNormal'),
    mean: initializerSettings.mean,
    stddev: initializerSettings.stddev,
  }),
]);

/** An initializer, written `{ "type": "constant", "value": 0.5 }` or just `"heNormal"`. */
export const initializerSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { type: value } : value),
  initializerObject,
);
export type Initializer = z.output<typeof initializerObject>;

export function initializerParam(
  title: string,
  description: string,
  type: 'glorotUniform' | 'zeros',
) {
  return initializerSchema.default({ type }).meta(initializerMeta(title, description));
}

/** Title and description of an initializer parameter, with the words for each initializer. */
export function initializerMeta(title: string, description: string) {
  return { title, description, optionTitles: INITIALIZER_TITLES, optionHelp: INITIALIZER_HELP };
}

/** `{ className, config }` in the form TF.js deserializes. Seeds are added by the engine. */
export function initializerToTfjs(init: Initializer): TfLayerSpec {
  switch (init.type) {
    case 'constant':
      return { className: 'Constant', config: { value: init.value } };
    case 'randomUniform':
      return { className: 'RandomUniform', config: { minval: -init.limit, maxval: init.limit } };
    case 'randomNormal':
      return { className: 'RandomNormal', config: { mean: init.mean, stddev: init.stddev } };
    default:
      return { className: TFJS_INITIALIZER_CLASS[init.type], config: {} };
  }
}

const TFJS_INITIALIZER_CLASS = {
  glorotUniform: 'GlorotUniform',
  glorotNormal: 'GlorotNormal',
  heUniform: 'HeUniform',
  heNormal: 'HeNormal',
  zeros: 'Zeros',
  ones: 'Ones',
} as const;

/** Weight penalties: L1, L2, or both (elastic net) when both are above zero. */
export const regularizationParams = {
  l1: z
    .number()
    .min(0)
    .max(10)
    .default(0)
    .meta({ title: 'L1 penalty', description: 'Adds this × the sum of |weights| to the loss.' }),
  l2: z
    .number()
    .min(0)
    .max(10)
    .default(0)
    .meta({ title: 'L2 penalty', description: 'Adds this × the sum of weights² to the loss.' }),
};

export function regularizerToTfjs(l1: number, l2: number): TfLayerSpec | undefined {
  if (l1 === 0 && l2 === 0) return undefined;
  return { className: 'L1L2', config: { l1, l2 } };
}

export const useBiasParam = z
  .boolean()
  .default(true)
  .meta({ title: 'Use bias', description: 'Adds a learned constant to every weighted sum.' });

/** The weight options Dense, Conv and Embedding share, in TF.js argument form. */
export interface WeightOptions {
  readonly kernelInitializer: Initializer;
  readonly biasInitializer: Initializer;
  readonly l1: number;
  readonly l2: number;
  readonly useBias: boolean;
}

export const weightParams = {
  useBias: useBiasParam,
  kernelInitializer: initializerParam(
    'Weight initializer',
    'How the weights are chosen before training starts.',
    'glorotUniform',
  ),
  biasInitializer: initializerParam(
    'Bias initializer',
    'How the biases are chosen before training starts.',
    'zeros',
  ),
  ...regularizationParams,
};

export function weightOptionsToTfjs(options: WeightOptions): Record<string, unknown> {
  const regularizer = regularizerToTfjs(options.l1, options.l2);
  return {
    useBias: options.useBias,
    kernelInitializer: initializerToTfjs(options.kernelInitializer),
    biasInitializer: initializerToTfjs(options.biasInitializer),
    ...(regularizer ? { kernelRegularizer: regularizer } : {}),
  };
}

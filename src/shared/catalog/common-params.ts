import { z } from 'zod';
import { ACTIVATIONS, ACTIVATION_HELP, RECURRENT_ACTIVATIONS } from './activations';
import type { TfLayerSpec } from './types';

/**
 * Parameter fragments several kinds share. Every field carries a title and a description
 * through `.meta()`: the inspector shows them, and `parse` names them in its messages.
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
    optionHelp: ACTIVATION_HELP,
  }),
  leakyAlpha: z.number().min(0).max(1).default(0.01).meta({
    title: 'Leaky slope (α)',
    description: 'Only for leaky ReLU: the slope for negative numbers.',
  }),
};

export function recurrentActivationParam(defaultValue: (typeof RECURRENT_ACTIVATIONS)[number]) {
  return z
    .enum(RECURRENT_ACTIVATIONS)
    .default(defaultValue)
    .meta({ title: 'Activation', description: 'Applied to the new state at every time step.' });
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

const initializerObject = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('glorotUniform') }),
  z.strictObject({ type: z.literal('glorotNormal') }),
  z.strictObject({ type: z.literal('heUniform') }),
  z.strictObject({ type: z.literal('heNormal') }),
  z.strictObject({ type: z.literal('zeros') }),
  z.strictObject({ type: z.literal('ones') }),
  z.strictObject({ type: z.literal('constant'), value: z.number().default(0) }),
  z.strictObject({ type: z.literal('randomUniform'), limit: z.number().positive().default(0.05) }),
  z.strictObject({
    type: z.literal('randomNormal'),
    mean: z.number().default(0),
    stddev: z.number().positive().default(0.05),
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
  return initializerSchema.default({ type }).meta({ title, description });
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

import type { Shape } from '../shapes/shape';
import { elementCount } from '../shapes/shape';
import type { ParamCount, TfLayerSpec, WeightTensor } from './types';
import { trainable } from './outcome';
import { NO_PARAMS } from './types';

/**
 * Every activation a student can choose. TF.js has some built in (passed as the layer's
 * `activation`); the others become a layer of their own right after the node's main layer.
 */
export const ACTIVATIONS = [
  'linear',
  'step',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'prelu',
  'hardTanh',
  'softmax',
  'elu',
  'selu',
] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Activations TF.js recurrent cells accept as their `activation` string. */
export const RECURRENT_ACTIVATIONS = ['tanh', 'sigmoid', 'relu', 'linear', 'elu', 'selu'] as const;

export const ACTIVATION_TITLES: Readonly<Record<Activation, string>> = {
  linear: 'Linear (none)',
  step: 'Binary step',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU',
  prelu: 'PReLU',
  hardTanh: 'Hard tanh',
  softmax: 'Softmax',
  elu: 'ELU',
  selu: 'SELU',
};

export const ACTIVATION_HELP: Readonly<Record<Activation, string>> = {
  linear: 'Passes the weighted sum through unchanged, as in linear regression.',
  step: "Outputs 1 when the weighted sum is at least 0, else 0: the perceptron's threshold unit.",
  sigmoid: 'Squashes any number into 0…1; read it as a probability.',
  tanh: 'Squashes any number into −1…1, centred on 0.',
  relu: 'Keeps positive numbers and turns negative ones into 0.',
  leakyRelu:
    'Like ReLU, but negative numbers are multiplied by a small slope (alpha) instead of 0.',
  prelu: 'Like leaky ReLU, but the network learns the slope for negative numbers.',
  hardTanh: 'Clips the weighted sum to −1…1: a cheap, piecewise-linear tanh.',
  softmax: 'Turns a list of scores into probabilities that add up to 1.',
  elu: 'Like ReLU for positive numbers, smooth and slightly negative below 0.',
  selu: 'A scaled ELU that keeps activations normalised in deep dense networks.',
};

const TFJS_BUILT_IN: ReadonlySet<Activation> = new Set([
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'softmax',
  'elu',
  'selu',
]);

/** Class names of the two activation layers the engine defines itself. */
export const STEP_LAYER_CLASS = 'NeuriteStep';
export const HARD_TANH_LAYER_CLASS = 'NeuriteHardTanh';

export interface ActivationPlan {
  /** Goes into the main layer's `activation` argument. */
  readonly inline: string;
  /** Layers that follow the main layer (named `<node>_activation`). */
  readonly extraLayers: readonly TfLayerSpec[];
  /** Weights those extra layers add (PReLU learns one slope per element). */
  readonly params: ParamCount;
  /** The same weights as tensors, in the extra layer. */
  readonly weights: readonly WeightTensor[];
}

/**
 * The suffix of the layer an activation gets when it is not built into the main layer; model
 * import recognises such a pair by it and makes one node of the two again.
 */
export const ACTIVATION_LAYER_SUFFIX = '_activation';

/** What PReLU adds to the weights table of docs/file-format.md. */
export const PRELU_WEIGHTS_FORMULA =
  "one learned slope per value of the layer's output, added to the layer's own weights";

/** PReLU's slopes, one per value of its input (as Keras' default); other activations learn nothing. */
export function activationWeights(
  activation: Activation,
  shape: Shape,
  layerSuffix: string,
): WeightTensor[] {
  if (activation !== 'prelu') return [];
  return [{ name: 'alpha', layerSuffix, shape: shape.map((d) => d ?? 0), trainable: true }];
}

export function planActivation(
  activation: Activation,
  leakyAlpha: number,
  outputShape: Shape,
): ActivationPlan {
  if (TFJS_BUILT_IN.has(activation)) {
    return { inline: activation, extraLayers: [], params: NO_PARAMS, weights: [] };
  }
  const layer = activationLayer(activation, leakyAlpha);
  // PReLU, like Keras' default, learns a separate slope for every element of its input.
  const params = activation === 'prelu' ? trainable(elementCount(outputShape) ?? 0) : NO_PARAMS;
  return {
    inline: 'linear',
    extraLayers: [{ ...layer, nameSuffix: ACTIVATION_LAYER_SUFFIX }],
    params,
    weights: activationWeights(activation, outputShape, ACTIVATION_LAYER_SUFFIX),
  };
}

/** The stand-alone layer for an activation (used by the Activation kind as its main layer). */
export function activationLayer(activation: Activation, leakyAlpha: number): TfLayerSpec {
  switch (activation) {
    case 'step':
      return { className: STEP_LAYER_CLASS, config: {} };
    case 'hardTanh':
      return { className: HARD_TANH_LAYER_CLASS, config: {} };
    case 'leakyRelu':
      return { className: 'LeakyReLU', config: { alpha: leakyAlpha } };
    case 'prelu':
      return { className: 'PReLU', config: {} };
    default:
      return { className: 'Activation', config: { activation } };
  }
}

export function activationTitle(activation: Activation, leakyAlpha: number): string {
  return activation === 'leakyRelu'
    ? `Leaky ReLU (α ${leakyAlpha})`
    : ACTIVATION_TITLES[activation];
}

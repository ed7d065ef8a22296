import { z } from 'zod';
import { elementCount, formatShapeTuple } from '../../shapes/shape';
import {
  HARD_TANH_LAYER_CLASS,
  STEP_LAYER_CLASS,
  activationLayer,
  activationTitle,
  activationWeights,
} from '../activations';
import { tokensNeedEmbedding } from '../checks';
import { activationParams } from '../common-params';
import { fail, produce, trainable } from '../outcome';
import type { ConfigReader } from '../tfjs-reading';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  ...activationParams,
  // A stand-alone activation layer is nearly always meant to do something: default to ReLU.
  activation: activationParams.activation
    .unwrap()
    .default('relu')
    .meta(activationParams.activation.meta() ?? {}),
});

/** A layer that only applies an activation, in any of the forms TF.js and Keras save one. */
function readActivationLayer(r: ConfigReader): Record<string, unknown> {
  const again = 'train it again and export it again.';
  switch (r.layer.className) {
    case STEP_LAYER_CLASS:
      return { activation: 'step' };
    case HARD_TANH_LAYER_CLASS:
      return { activation: 'hardTanh' };
    case 'LeakyReLU':
      return {
        activation: 'leakyRelu',
        leakyAlpha: r.number('alpha', r.number('negativeSlope', 0.3)),
      };
    case 'PReLU':
      r.expect(
        'sharedAxes',
        (axes) => axes === undefined,
        `${r.name} shares its slopes across axes, while Neurite's PReLU learns one slope per value. Build it without shared_axes, ${again}`,
      );
      return { activation: 'prelu' };
    case 'ReLU': {
      r.expect(
        'maxValue',
        (cap) => cap === undefined,
        `${r.name} caps its output at ${r.shown('maxValue')}, which Neurite's ReLU does not. Build it without max_value, ${again}`,
      );
      r.expect(
        'threshold',
        (t) => t === undefined || t === 0,
        `${r.name} starts at a threshold other than 0, which Neurite's ReLU does not. Build it with threshold=0, ${again}`,
      );
      const slope = r.number('negativeSlope', 0);
      return slope === 0 ? { activation: 'relu' } : { activation: 'leakyRelu', leakyAlpha: slope };
    }
    case 'Softmax':
      r.expect(
        'axis',
        (axis) => axis === undefined || axis === -1 || JSON.stringify(axis) === '[-1]',
        `${r.name} takes its softmax over another axis than the last, which Neurite does not. Build it with axis=-1, ${again}`,
      );
      return { activation: 'softmax' };
    case 'ELU':
      r.expect(
        'alpha',
        (alpha) => alpha === undefined || alpha === 1,
        `${r.name} uses an ELU with alpha ${r.shown('alpha')}; Neurite's ELU has alpha 1. Build it with alpha=1, ${again}`,
      );
      return { activation: 'elu' };
    default:
      return { activation: r.activation() };
  }
}

export const activationKind = defineKind({
  kind: 'Activation',
  title: 'Activation',
  group: 'core',
  look: { colour: '#4b7bec', icon: 'ƒ' },
  summary:
    'Applies an activation function to every value on its own, for example after a Batch normalization.',
  role: 'layer',
  valueFlow: 'elementwise',
  weights: {
    formula: 'none, except PReLU: one learned slope per value of its input',
    tensors: (p, inputs) => activationWeights(p.activation, inputs[0]!.shape, ''),
  },
  examples: [
    { params: { activation: 'tanh' }, inputs: [{ form: 'vector', shape: [3] }] },
    { params: { activation: 'prelu' }, inputs: [{ form: 'image', shape: [2, 3, 2] }] },
    { params: { activation: 'step' }, inputs: [{ form: 'vector', shape: [3] }] },
  ],
  fromTfjs: {
    classNames: [
      'Activation',
      'LeakyReLU',
      'PReLU',
      'ReLU',
      'Softmax',
      'ELU',
      STEP_LAYER_CLASS,
      HARD_TANH_LAYER_CLASS,
    ],
    read: (layer, context) => readLayer(layer, context, (r) => readActivationLayer(r)),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'output' }],
  describe: (p) => activationTitle(p.activation, p.leakyAlpha),
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const invalid = tokensNeedEmbedding(name, input);
    if (invalid) return invalid;
    if (params.activation !== 'prelu') return produce({ shape: input.shape, dtype: 'float32' });
    // PReLU learns one slope for every element of its input, so it must know how many there are.
    const count = elementCount(input.shape);
    if (count === null) {
      return fail(
        'input.unknown-size',
        `${name} uses PReLU, which learns one slope per value, but its input ${formatShapeTuple(input.shape)} has a size that is not known. Give the Input a fixed size, or pick leaky ReLU.`,
        'activation',
      );
    }
    return produce({ shape: input.shape, dtype: 'float32' }, trainable(count));
  },
  toTfjs: (p) => [activationLayer(p.activation, p.leakyAlpha)],
});

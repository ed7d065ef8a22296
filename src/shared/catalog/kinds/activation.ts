import { z } from 'zod';
import { elementCount, formatShapeTuple } from '../../shapes/shape';
import { activationLayer, activationTitle, activationWeights } from '../activations';
import { tokensNeedEmbedding } from '../checks';
import { activationParams } from '../common-params';
import { fail, produce, trainable } from '../outcome';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  ...activationParams,
  // A stand-alone activation layer is nearly always meant to do something: default to ReLU.
  activation: activationParams.activation
    .unwrap()
    .default('relu')
    .meta(activationParams.activation.meta() ?? {}),
});

export const activationKind = defineKind({
  kind: 'Activation',
  title: 'Activation',
  group: 'core',
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

import { z } from 'zod';
import { formatShape } from '../../shapes/shape';
import { activationTitle, planActivation } from '../activations';
import { knownLastAxis, tokensNeedEmbedding } from '../checks';
import { activationParams, sizeParam, weightOptionsToTfjs, weightParams } from '../common-params';
import { addCounts, problem, produce, trainable } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  units: sizeParam('Units', 'How many neurons the layer has: the length of its output.', 16),
  ...activationParams,
  ...weightParams,
});

export const denseKind = defineKind({
  kind: 'Dense',
  title: 'Dense',
  group: 'core',
  look: { colour: '#3867d6', icon: '●' },
  summary: 'A layer of neurons, each computing a weighted sum of every input plus a bias.',
  role: 'layer',
  valueFlow: 'computed',
  weights: {
    formula: 'inputs × units + units (one bias per neuron)',
    tensors(p, inputs) {
      const input = inputs[0]!;
      const inFeatures = input.shape[input.shape.length - 1] as number;
      const shape = [...input.shape.slice(0, -1), p.units];
      return [
        { name: 'kernel', layerSuffix: '', shape: [inFeatures, p.units], trainable: true },
        ...(p.useBias
          ? [{ name: 'bias', layerSuffix: '', shape: [p.units], trainable: true }]
          : []),
        ...planActivation(p.activation, p.leakyAlpha, shape).weights,
      ];
    },
  },
  // One step unit alone is Rosenblatt's perceptron, which the trainer teaches by its own rule.
  isPerceptronUnit: (p) => p.units === 1 && p.activation === 'step',
  examples: [
    { params: { units: 4, activation: 'relu' }, inputs: [{ form: 'vector', shape: [3] }] },
    {
      params: { units: 2, activation: 'prelu', useBias: false },
      inputs: [{ form: 'vector', shape: [3] }],
    },
    { params: { units: 5 }, inputs: [{ form: 'sequence', shape: [4, 3] }] },
  ],
  fromTfjs: {
    classNames: ['Dense'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => ({
        units: r.number('units'),
        activation: r.activation(),
        ...r.weightOptions(),
      })),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'output' }],
  describe: (p) =>
    `${p.units} unit${p.units === 1 ? '' : 's'} · ${activationTitle(p.activation, p.leakyAlpha)}`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const invalid = tokensNeedEmbedding(name, input) ?? knownLastAxis(name, input);
    if (invalid) return invalid;
    const inFeatures = input.shape[input.shape.length - 1] as number;
    // Like Keras, Dense acts on the last axis: (steps, features) becomes (steps, units).
    const shape = [...input.shape.slice(0, -1), params.units];
    const plan = planActivation(params.activation, params.leakyAlpha, shape);
    const weights = trainable(inFeatures * params.units + (params.useBias ? params.units : 0));
    const warnings =
      input.shape.length >= 3
        ? [
            problem(
              'warning',
              'dense.last-axis',
              `${name} receives ${formatShape(input.shape)} and connects only the last axis (${inFeatures} values) at each of the other positions. Add a Flatten before it if you meant to connect every value.`,
            ),
          ]
        : [];
    return produce({ shape, dtype: 'float32' }, addCounts(weights, plan.params), warnings);
  },
  toTfjs(p, inputs) {
    const input = inputs[0]!;
    const shape = [...input.shape.slice(0, -1), p.units];
    const plan = planActivation(p.activation, p.leakyAlpha, shape);
    return [
      {
        className: 'Dense',
        config: { units: p.units, activation: plan.inline, ...weightOptionsToTfjs(p) },
      },
      ...plan.extraLayers,
    ];
  },
});

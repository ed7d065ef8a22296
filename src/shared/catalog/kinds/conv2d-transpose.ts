import { z } from 'zod';
import { transposedWindowLength } from '../../shapes/window-arithmetic';
import { activationTitle, planActivation } from '../activations';
import { knownLastAxis, tokensNeedEmbedding } from '../checks';
import { activationParams, sizeParam, weightOptionsToTfjs, weightParams } from '../common-params';
import { addCounts, produce, trainable } from '../outcome';
import { formatWindow, paddingParam, spatialRankError, windowParam } from '../spatial';
import type { Shape, TensorInfo } from '../../shapes/shape';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  filters: sizeParam('Filters', 'How many channels the larger image has.', 8),
  kernelSize: windowParam(2, 'Kernel size', 'The height × width of each filter.', 3),
  strides: windowParam(
    2,
    'Stride',
    'How much larger the image gets along each axis: 2 doubles its height and width.',
    2,
  ),
  padding: paddingParam,
  ...activationParams,
  ...weightParams,
});
type Params = z.output<typeof paramsSchema>;

/** (height, width) of the output: each input pixel spreads a kernel-sized patch, stride apart. */
function outputSize(p: Params, input: TensorInfo): Shape {
  return [0, 1].map((axis) =>
    transposedWindowLength(
      input.shape[axis] ?? null,
      p.kernelSize[axis]!,
      p.strides[axis]!,
      p.padding,
    ),
  );
}

export const conv2dTransposeKind = defineKind({
  kind: 'Conv2DTranspose',
  title: 'Conv2DTranspose',
  group: 'convolution',
  look: { colour: '#8854d0', icon: '▩' },
  summary:
    'Makes an image larger with learned filters, the reverse of a strided convolution: the usual decoder of a convolutional autoencoder.',
  role: 'layer',
  isConvolution: true,
  valueFlow: 'computed',
  weights: {
    formula: 'kernel height × kernel width × filters × input channels + filters',
    tensors(p, inputs) {
      const input = inputs[0]!;
      const channels = input.shape[2] as number;
      const shape = [...outputSize(p, input), p.filters];
      return [
        // TF.js (as Keras) keeps a transposed kernel as (height, width, output, input).
        {
          name: 'kernel',
          layerSuffix: '',
          shape: [...p.kernelSize, p.filters, channels],
          trainable: true,
        },
        ...(p.useBias
          ? [{ name: 'bias', layerSuffix: '', shape: [p.filters], trainable: true }]
          : []),
        ...planActivation(p.activation, p.leakyAlpha, shape).weights,
      ];
    },
  },
  examples: [
    { params: { filters: 3 }, inputs: [{ form: 'image', shape: [4, 4, 2] }] },
    {
      params: { filters: 2, kernelSize: [3, 2], strides: [1, 2], padding: 'same' },
      inputs: [{ form: 'image', shape: [3, 5, 1] }],
    },
    {
      params: { filters: 1, kernelSize: 2, activation: 'prelu', useBias: false },
      inputs: [{ form: 'image', shape: [2, 3, 2] }],
    },
  ],
  fromTfjs: {
    classNames: ['Conv2DTranspose'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        r.channelsLast();
        const plain = (value: unknown) =>
          value === undefined || value === 1 || JSON.stringify(value) === '[1,1]';
        r.expect(
          'dilationRate',
          plain,
          `${context.name} is dilated, which Neurite's Conv2DTranspose is not. Build it with a dilation of 1, train it again and export it again.`,
        );
        r.expect(
          'outputPadding',
          (value) => value === undefined,
          `${context.name} adds output padding, which Neurite's Conv2DTranspose does not. Build it without output_padding, train it again and export it again.`,
        );
        return {
          filters: r.number('filters'),
          kernelSize: r.window('kernelSize', 2),
          strides: r.window('strides', 2, 1),
          padding: r.padding(),
          activation: r.activation(),
          ...r.weightOptions(),
        };
      }),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'larger image' }],
  describe: (p) =>
    `${p.filters} × ${formatWindow(p.kernelSize)} / ${formatWindow(p.strides)} ${p.padding} · ${activationTitle(p.activation, p.leakyAlpha)}`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const invalid = tokensNeedEmbedding(name, input);
    if (invalid) return invalid;
    if (input.shape.length !== 3) return spatialRankError(name, 2, input, 'Conv');
    const unknown = knownLastAxis(name, input);
    if (unknown) return unknown;
    const channels = input.shape[2] as number;
    const shape = [...outputSize(params, input), params.filters];
    const kernelArea = params.kernelSize.reduce((a, b) => a * b, 1);
    const weights = trainable(
      kernelArea * params.filters * channels + (params.useBias ? params.filters : 0),
    );
    const plan = planActivation(params.activation, params.leakyAlpha, shape);
    return produce({ shape, dtype: 'float32' }, addCounts(weights, plan.params));
  },
  toTfjs(p, inputs) {
    const shape = [...outputSize(p, inputs[0]!), p.filters];
    const plan = planActivation(p.activation, p.leakyAlpha, shape);
    return [
      {
        className: 'Conv2DTranspose',
        config: {
          filters: p.filters,
          kernelSize: p.kernelSize,
          strides: p.strides,
          padding: p.padding,
          activation: plan.inline,
          ...weightOptionsToTfjs(p),
        },
      },
      ...plan.extraLayers,
    ];
  },
});

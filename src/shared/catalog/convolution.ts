import { z } from 'zod';
import { activationTitle, planActivation } from './activations';
import { knownLastAxis, tokensNeedEmbedding } from './checks';
import { activationParams, sizeParam, weightOptionsToTfjs, weightParams } from './common-params';
import { addCounts, fail, produce, trainable, trainingBlocker } from './outcome';
import { formatWindow, paddingParam, slideWindow, spatialRankError, windowParam } from './spatial';
import { readLayer } from './tfjs-reading';
import type { InferContext, InferOutcome, LayerKind } from './types';
import { defineKind } from './types';

/** Conv1D and Conv2D differ only in how many spatial axes the kernel slides over. */
export function defineConvolutionKind(axes: 1 | 2): LayerKind {
  const paramsSchema = z.strictObject({
    filters: sizeParam(
      'Filters',
      'How many different patterns the layer looks for: its output channels.',
      8,
    ),
    kernelSize: windowParam(
      axes,
      'Kernel size',
      axes === 1 ? 'How many steps each filter looks at.' : 'The height × width of each filter.',
      3,
    ),
    strides: windowParam(axes, 'Stride', 'How far the filter moves between positions.', 1),
    padding: paddingParam,
    dilation: windowParam(
      axes,
      'Dilation',
      'Gaps between the kernel taps: 2 looks at every second value, widening the view.',
      1,
    ),
    ...activationParams,
    ...weightParams,
  });
  const title = `Conv${axes}D`;

  type Params = z.output<typeof paramsSchema>;
  const infer = ({ params, inputs, name }: InferContext<Params>): InferOutcome => {
    const input = inputs[0]!;
    const invalid = tokensNeedEmbedding(name, input);
    if (invalid) return invalid;
    if (input.shape.length !== axes + 1) return spatialRankError(name, axes, input, 'Conv');
    const unknown = knownLastAxis(name, input);
    if (unknown) return unknown;
    if (params.strides.some((s) => s > 1) && params.dilation.some((d) => d > 1)) {
      return fail(
        'conv.stride-and-dilation',
        `${name} has both a stride above 1 and a dilation above 1, which TensorFlow cannot combine. Set one of them back to 1.`,
        'dilation',
      );
    }
    const slid = slideWindow(name, 'kernel', input.shape.slice(0, axes), {
      windowSize: params.kernelSize,
      strides: params.strides,
      padding: params.padding,
      dilation: params.dilation,
    });
    if (!slid.ok) return slid.outcome;
    const channels = input.shape[axes] as number;
    const shape = [...slid.sizes, params.filters];
    const kernelArea = params.kernelSize.reduce((a, b) => a * b, 1);
    const weights = trainable(
      kernelArea * channels * params.filters + (params.useBias ? params.filters : 0),
    );
    const plan = planActivation(params.activation, params.leakyAlpha, shape);
    const warnings = params.dilation.some((d) => d > 1)
      ? [
          trainingBlocker(
            'conv.dilation-not-trainable',
            `${name} uses a dilation of ${formatWindow(params.dilation)}. Its shapes and counts are right, but TensorFlow.js cannot train dilated convolutions yet, so training will refuse this network. Set the dilation to 1 to train it.`,
            'dilation',
          ),
        ]
      : [];
    return produce({ shape, dtype: 'float32' }, addCounts(weights, plan.params), warnings);
  };

  return defineKind({
    kind: title,
    title,
    group: 'convolution',
    look: { colour: '#8854d0', icon: axes === 1 ? '≋' : '▦' },
    summary:
      axes === 1
        ? 'Slides small filters along a sequence and reports how strongly each filter matches at every step.'
        : 'Slides small filters over an image and reports how strongly each filter matches at every position.',
    role: 'layer',
    isConvolution: true,
    valueFlow: 'computed',
    weights: {
      formula:
        axes === 1
          ? 'kernel size × input channels × filters + filters'
          : 'kernel height × kernel width × input channels × filters + filters',
      tensors(p, inputs) {
        const input = inputs[0]!;
        const channels = input.shape[axes] as number;
        const result = infer({ params: p, inputs, name: title });
        const shape = result.ok ? result.output.shape : [];
        return [
          {
            name: 'kernel',
            layerSuffix: '',
            shape: [...p.kernelSize, channels, p.filters],
            trainable: true,
          },
          ...(p.useBias
            ? [{ name: 'bias', layerSuffix: '', shape: [p.filters], trainable: true }]
            : []),
          ...planActivation(p.activation, p.leakyAlpha, shape).weights,
        ];
      },
    },
    examples:
      axes === 1
        ? [
            {
              params: { filters: 3, kernelSize: 2 },
              inputs: [{ form: 'sequence', shape: [6, 2] }],
            },
            {
              params: { filters: 2, kernelSize: 3, strides: 2, padding: 'same', useBias: false },
              inputs: [{ form: 'sequence', shape: [7, 1] }],
            },
          ]
        : [
            {
              params: { filters: 2, kernelSize: [3, 2], strides: [2, 1], padding: 'same' },
              inputs: [{ form: 'image', shape: [5, 4, 2] }],
            },
            {
              params: { filters: 3, kernelSize: 2, activation: 'prelu' },
              inputs: [{ form: 'image', shape: [4, 4, 1] }],
            },
            {
              params: { filters: 1, kernelSize: 2, dilation: 2 },
              inputs: [{ form: 'image', shape: [5, 5, 1] }],
            },
          ],
    fromTfjs: {
      classNames: [title],
      read: (layer, context) =>
        readLayer(layer, context, (r) => {
          r.channelsLast();
          r.expect(
            'groups',
            (groups) => groups === undefined || groups === 1,
            `${context.name} splits its channels into groups, which Neurite's ${title} does not do. Build it with groups=1, train it again and export it again.`,
          );
          return {
            filters: r.number('filters'),
            kernelSize: r.window('kernelSize', axes),
            strides: r.window('strides', axes, 1),
            padding: r.padding(),
            dilation: r.window('dilationRate', axes, 1),
            activation: r.activation(),
            ...r.weightOptions(),
          };
        }),
    },
    paramsSchema,
    inputPorts: () => [{ id: 'in', label: 'input' }],
    outputPorts: [{ id: 'out', label: 'feature maps' }],
    describe: (p) =>
      `${p.filters} × ${formatWindow(p.kernelSize)}${p.strides.some((s) => s > 1) ? ` / ${formatWindow(p.strides)}` : ''} ${p.padding} · ${activationTitle(p.activation, p.leakyAlpha)}`,
    infer,
    toTfjs(p, inputs) {
      const result = infer({ params: p, inputs, name: title });
      const shape = result.ok ? result.output.shape : [];
      const plan = planActivation(p.activation, p.leakyAlpha, shape);
      const one = axes === 1;
      return [
        {
          className: title,
          config: {
            filters: p.filters,
            kernelSize: one ? p.kernelSize[0] : p.kernelSize,
            strides: one ? p.strides[0] : p.strides,
            dilationRate: one ? p.dilation[0] : p.dilation,
            padding: p.padding,
            activation: plan.inline,
            ...weightOptionsToTfjs(p),
          },
        },
        ...plan.extraLayers,
      ];
    },
  });
}

import { z } from 'zod';
import { tokensNeedEmbedding } from './checks';
import { produce } from './outcome';
import { formatWindow, paddingParam, slideWindow, spatialRankError, windowParam } from './spatial';
import { readLayer } from './tfjs-reading';
import type { LayerKind } from './types';
import { defineKind } from './types';

export type PoolingMode = 'max' | 'average';

const MODES = {
  max: {
    family: 'MaxPool',
    tfjsClass: 'MaxPooling',
    verb: 'keeps the largest value',
    summary1:
      'Slides a window along a sequence and keeps only the largest value in it, shortening the sequence.',
    summary2:
      'Slides a window over an image and keeps only the largest value in it, shrinking the image while keeping the strongest responses.',
  },
  average: {
    family: 'AvgPool',
    tfjsClass: 'AveragePooling',
    verb: 'averages the values',
    summary1:
      'Slides a window along a sequence and replaces it by the average of its values, shortening the sequence.',
    summary2:
      'Slides a window over an image and replaces it by the average of its values, shrinking the image smoothly.',
  },
} as const;

/**
 * Max and average pooling over 1 or 2 spatial axes. As in TF.js and Keras, the stride defaults
 * to the pool size, so neighbouring windows do not overlap.
 */
export function definePoolingKind(mode: PoolingMode, axes: 1 | 2): LayerKind {
  const { family, tfjsClass, verb, summary1, summary2 } = MODES[mode];
  const poolSize = windowParam(
    axes,
    'Pool size',
    axes === 1
      ? `How many steps each window covers; the layer ${verb} in it.`
      : `The height × width of each window; the layer ${verb} in it.`,
    2,
  );
  // windowParam's per-axis schema, but empty (null) by default, meaning "the pool size".
  const strides = windowParam(axes, 'Stride', '', 1).unwrap().nullable().default(null).meta({
    title: 'Stride',
    description:
      'How far the window moves between positions. Leave it out (or write null) to move by the pool size, so windows do not overlap.',
  });
  const paramsSchema = z.strictObject({ poolSize, strides, padding: paddingParam });
  type Params = z.output<typeof paramsSchema>;
  const stridesOf = (p: Params): readonly number[] => p.strides ?? p.poolSize;
  const title = `${family}${axes}D`;

  return defineKind({
    kind: title,
    title,
    group: 'convolution',
    look: { colour: '#0fb9b1', icon: mode === 'max' ? '⇊' : '⇓' },
    summary: axes === 1 ? summary1 : summary2,
    role: 'layer',
    valueFlow: 'computed',
    examples:
      axes === 1
        ? [{ params: { poolSize: 2 }, inputs: [{ form: 'sequence', shape: [5, 2] }] }]
        : [
            { params: { poolSize: 2 }, inputs: [{ form: 'image', shape: [4, 4, 2] }] },
            {
              params: { poolSize: [3, 2], strides: [1, 2], padding: 'same' },
              inputs: [{ form: 'image', shape: [5, 4, 1] }],
            },
          ],
    fromTfjs: {
      classNames: [`${tfjsClass}${axes}D`],
      read: (layer, context) =>
        readLayer(layer, context, (r) => {
          r.channelsLast();
          const size = r.window('poolSize', axes);
          const moves = r.window('strides', axes, size);
          return {
            poolSize: size,
            // TF.js saves the stride it defaulted to the pool size; Neurite leaves it unset then.
            strides: moves.every((s, axis) => s === size[axis]) ? null : moves,
            padding: r.padding(),
          };
        }),
    },
    paramsSchema,
    inputPorts: () => [{ id: 'in', label: 'input' }],
    outputPorts: [{ id: 'out', label: 'pooled' }],
    describe: (p) => {
      const s = stridesOf(p);
      const stride = s.some((v, i) => v !== p.poolSize[i]) ? ` / ${formatWindow(s)}` : '';
      return `${formatWindow(p.poolSize)}${stride} ${mode} · ${p.padding}`;
    },
    infer({ params, inputs, name }) {
      const input = inputs[0]!;
      const invalid = tokensNeedEmbedding(name, input);
      if (invalid) return invalid;
      if (input.shape.length !== axes + 1) return spatialRankError(name, axes, input, family);
      const slid = slideWindow(name, 'pool window', input.shape.slice(0, axes), {
        windowSize: params.poolSize,
        strides: stridesOf(params),
        padding: params.padding,
      });
      if (!slid.ok) return slid.outcome;
      return produce({ shape: [...slid.sizes, input.shape[axes] ?? null], dtype: 'float32' });
    },
    toTfjs(p) {
      const s = stridesOf(p);
      return [
        {
          className: `${tfjsClass}${axes}D`,
          config: {
            poolSize: axes === 1 ? p.poolSize[0] : p.poolSize,
            strides: axes === 1 ? s[0] : s,
            padding: p.padding,
          },
        },
      ];
    },
  });
}

/**
 * Global average pooling: one average per channel over the whole sequence or image, the usual
 * bridge from convolutions to a Dense head without Flatten's many weights.
 */
export function defineGlobalAveragePoolingKind(axes: 1 | 2): LayerKind {
  const title = `GlobalAvgPool${axes}D`;
  return defineKind({
    kind: title,
    title,
    group: 'convolution',
    look: { colour: '#0fb9b1', icon: '▪' },
    summary:
      axes === 1
        ? 'Averages every channel over all steps of a sequence, leaving one number per channel.'
        : 'Averages every channel over the whole image, leaving one number per channel.',
    role: 'layer',
    valueFlow: 'computed',
    examples: [
      axes === 1
        ? { params: {}, inputs: [{ form: 'sequence', shape: [5, 2] }] }
        : { params: {}, inputs: [{ form: 'image', shape: [3, 3, 2] }] },
    ],
    fromTfjs: {
      classNames: [`GlobalAveragePooling${axes}D`],
      read: (layer, context) =>
        readLayer(layer, context, (r) => {
          r.channelsLast();
          r.expect(
            'keepdims',
            (keep) => keep !== true,
            `${context.name} keeps the pooled axes (keepdims), which Neurite's ${title} does not. Build it without keepdims, train it again and export it again.`,
          );
          return {};
        }),
    },
    paramsSchema: z.strictObject({}),
    inputPorts: () => [{ id: 'in', label: 'input' }],
    outputPorts: [{ id: 'out', label: 'per channel' }],
    describe: () => (axes === 1 ? 'average over steps' : 'average over height × width'),
    infer({ inputs, name }) {
      const input = inputs[0]!;
      const invalid = tokensNeedEmbedding(name, input);
      if (invalid) return invalid;
      if (input.shape.length !== axes + 1)
        return spatialRankError(name, axes, input, 'GlobalAvgPool');
      return produce({ shape: [input.shape[axes] ?? null], dtype: 'float32' });
    },
    toTfjs: () => [{ className: `GlobalAveragePooling${axes}D`, config: {} }],
  });
}

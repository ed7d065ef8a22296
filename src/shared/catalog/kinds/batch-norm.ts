import { z } from 'zod';
import { knownLastAxis, tokensNeedEmbedding } from '../checks';
import { produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  momentum: z.number().min(0).max(1).default(0.99).meta({
    title: 'Momentum',
    description:
      'How slowly the remembered mean and variance (used when predicting) follow each new batch: closer to 1 means slower and smoother.',
  }),
  epsilon: z.number().positive().max(1).default(0.001).meta({
    title: 'Epsilon',
    description: 'A tiny number added to the variance so the layer never divides by zero.',
  }),
});

export const batchNormKind = defineKind({
  kind: 'BatchNorm',
  title: 'Batch normalization',
  group: 'regularization',
  look: { colour: '#a5b1c2', icon: 'μ' },
  summary:
    'Rescales every channel to mean 0 and variance 1 over each batch, then applies a learned scale and shift, which speeds up training.',
  role: 'layer',
  valueFlow: 'elementwise',
  weights: {
    formula: '4 × channels: 2 × channels trainable, 2 × channels non-trainable',
    tensors(_p, inputs) {
      const shape = inputs[0]!.shape;
      const channels = [shape[shape.length - 1] as number];
      // Learned scale and shift, then the moving statistics kept by averaging.
      return [
        { name: 'gamma', layerSuffix: '', shape: channels, trainable: true },
        { name: 'beta', layerSuffix: '', shape: channels, trainable: true },
        { name: 'moving_mean', layerSuffix: '', shape: channels, trainable: false },
        { name: 'moving_variance', layerSuffix: '', shape: channels, trainable: false },
      ];
    },
  },
  examples: [
    { params: {}, inputs: [{ form: 'vector', shape: [4] }] },
    { params: { momentum: 0.9 }, inputs: [{ form: 'image', shape: [2, 2, 3] }] },
  ],
  fromTfjs: {
    classNames: ['BatchNormalization'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        const again = 'train it again and export it again.';
        const last = context.inputs[0]?.shape.length;
        r.expect(
          'axis',
          (axis) => {
            const one: unknown = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
            return one === undefined || one === -1 || one === last;
          },
          `${context.name} normalizes another axis than the last; Neurite's normalizes each channel, the last axis. Build it with axis=-1, ${again}`,
        );
        for (const setting of ['center', 'scale'] as const) {
          r.expect(
            setting,
            (on) => on !== false,
            `${context.name} has no learned ${setting === 'center' ? 'shift (center=False)' : 'scale (scale=False)'}; Neurite's batch normalization always learns both. Build it with ${setting}=True, ${again}`,
          );
        }
        r.dropped({
          betaRegularizer: 'penalty on the shift',
          gammaRegularizer: 'penalty on the scale',
          betaConstraint: 'constraint on the shift',
          gammaConstraint: 'constraint on the scale',
        });
        return { momentum: r.number('momentum', 0.99), epsilon: r.number('epsilon', 0.001) };
      }),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'normalized' }],
  describe: (p) => `momentum ${p.momentum}`,
  infer({ inputs, name }) {
    const input = inputs[0]!;
    const invalid = tokensNeedEmbedding(name, input) ?? knownLastAxis(name, input);
    if (invalid) return invalid;
    const channels = input.shape[input.shape.length - 1] as number;
    // Learned scale (gamma) and shift (beta) per channel, plus the moving mean and variance,
    // which are updated by averaging rather than by gradients.
    return produce(input, { trainable: 2 * channels, nonTrainable: 2 * channels });
  },
  toTfjs: (p) => [
    {
      className: 'BatchNormalization',
      config: { axis: -1, momentum: p.momentum, epsilon: p.epsilon },
    },
  ],
});

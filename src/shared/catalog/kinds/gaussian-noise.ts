import { z } from 'zod';
import { tokensNeedEmbedding } from '../checks';
import { produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  stddev: z.number().positive().max(100).default(0.1).meta({
    title: 'Noise strength (σ)',
    description:
      'The standard deviation of the random noise added to every value while training. Used for denoising autoencoders and as a regularizer; no noise is added when the model predicts.',
  }),
});

export const gaussianNoiseKind = defineKind({
  kind: 'GaussianNoise',
  title: 'Gaussian noise',
  group: 'regularization',
  look: { colour: '#a5b1c2', icon: '∿' },
  summary:
    'While training, adds small random noise to every value, so the network learns to ignore it.',
  role: 'layer',
  valueFlow: 'unchanged',
  examples: [{ params: { stddev: 0.1 }, inputs: [{ form: 'image', shape: [2, 2, 1] }] }],
  fromTfjs: {
    classNames: ['GaussianNoise'],
    read: (layer, context) => readLayer(layer, context, (r) => ({ stddev: r.number('stddev') })),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'noisy' }],
  describe: (p) => `σ ${p.stddev}`,
  infer({ inputs, name }) {
    const input = inputs[0]!;
    return tokensNeedEmbedding(name, input) ?? produce(input);
  },
  toTfjs: (p) => [{ className: 'GaussianNoise', config: { stddev: p.stddev } }],
});

import { z } from 'zod';
import { tokensNeedEmbedding } from '../checks';
import { produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  rate: z.number().min(0).lt(1).default(0.5).meta({
    title: 'Drop rate',
    description:
      'The fraction of values set to 0 at random on every training step (0.5 drops half). It fights overfitting; nothing is dropped when the model predicts.',
  }),
});

export const dropoutKind = defineKind({
  kind: 'Dropout',
  title: 'Dropout',
  group: 'regularization',
  look: { colour: '#a5b1c2', icon: '⁘' },
  summary:
    'While training, switches off a random share of the values passing through, so the network cannot rely on any single one.',
  role: 'layer',
  valueFlow: 'unchanged',
  examples: [{ params: { rate: 0.5 }, inputs: [{ form: 'vector', shape: [3] }] }],
  fromTfjs: {
    classNames: ['Dropout'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        r.dropped({ noiseShape: 'dropout pattern shared across axes (noise shape)' });
        return { rate: r.number('rate') };
      }),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'output' }],
  describe: (p) => `drop ${Math.round(p.rate * 100)}%`,
  infer({ inputs, name }) {
    const input = inputs[0]!;
    return tokensNeedEmbedding(name, input) ?? produce(input);
  },
  toTfjs: (p) => [{ className: 'Dropout', config: { rate: p.rate } }],
});

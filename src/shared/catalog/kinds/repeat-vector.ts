import { z } from 'zod';
import { formatShapeTuple } from '../../shapes/shape';
import { tokensNeedEmbedding } from '../checks';
import { sizeParam } from '../common-params';
import { fail, produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  times: sizeParam(
    'Repeats',
    'How many time steps the output sequence has: the vector is copied once per step.',
    4,
  ),
});

export const repeatVectorKind = defineKind({
  kind: 'RepeatVector',
  title: 'Repeat vector',
  group: 'core',
  look: { colour: '#778ca3', icon: '⧉' },
  summary:
    'Copies one vector once per time step, turning it into a sequence, as between the encoder and decoder of a sequence-to-sequence model.',
  role: 'layer',
  valueFlow: 'computed',
  examples: [{ params: { times: 4 }, inputs: [{ form: 'vector', shape: [3] }] }],
  fromTfjs: {
    classNames: ['RepeatVector'],
    read: (layer, context) => readLayer(layer, context, (r) => ({ times: r.number('n') })),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'vector' }],
  outputPorts: [{ id: 'out', label: 'sequence' }],
  describe: (p) => `× ${p.times} steps`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const invalid = tokensNeedEmbedding(name, input);
    if (invalid) return invalid;
    if (input.shape.length !== 1) {
      const fix =
        input.shape.length === 2
          ? 'If it comes from a recurrent layer, switch off "Return sequences" there so it gives one vector; otherwise add a Flatten before it.'
          : 'Add a Flatten or a global pooling layer before it.';
      return fail(
        'input.rank',
        `${name} repeats one vector, a 1-D input (features), but receives ${formatShapeTuple(input.shape)}. ${fix}`,
      );
    }
    return produce({ shape: [params.times, input.shape[0] ?? null], dtype: 'float32' });
  },
  toTfjs: (p) => [{ className: 'RepeatVector', config: { n: p.times } }],
});

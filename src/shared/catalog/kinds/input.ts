import { z } from 'zod';
import { formatShape, formatShapeTuple } from '../../shapes/shape';
import { defineKind } from '../types';
import { fail, produce } from '../outcome';

const FORMS = {
  vector: { rank: 1, layout: 'a list of numbers (features)', example: '[4]' },
  image: { rank: 3, layout: 'height, width, channels', example: '[28, 28, 1]' },
  sequence: { rank: 2, layout: 'time steps, features per step', example: '[20, 1]' },
  tokens: { rank: 1, layout: 'tokens per text (whole-number word ids)', example: '[100]' },
} as const;

const paramsSchema = z.strictObject({
  form: z
    .enum(['vector', 'image', 'sequence', 'tokens'])
    .default('vector')
    .meta({
      title: 'Data form',
      description: 'What one example looks like; the shape below follows from it.',
      optionTitles: {
        vector: 'Vector (a list of numbers)',
        image: 'Image (height × width × channels)',
        sequence: 'Sequence (time steps × features)',
        tokens: 'Tokens (word ids for an Embedding)',
      },
    }),
  shape: z
    .array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))
    .min(1)
    .max(3)
    .default([2])
    .meta({ title: 'Shape', description: 'The size of one example, without the batch.' }),
});

export const inputKind = defineKind({
  kind: 'Input',
  title: 'Input',
  group: 'io',
  summary:
    'Where examples enter the network: one feature vector, image, sequence or text at a time.',
  role: 'input',
  valueFlow: 'computed',
  examples: [
    { params: { form: 'image', shape: [4, 4, 1] }, inputs: [] },
    { params: { form: 'tokens', shape: [6] }, inputs: [] },
  ],
  paramsSchema,
  inputPorts: () => [],
  outputPorts: [{ id: 'out', label: 'data' }],
  describe: (p) => `${p.form} ${formatShape(p.shape)}`,
  infer({ params, name }) {
    const form = FORMS[params.form];
    if (params.shape.length !== form.rank) {
      return fail(
        'input.rank',
        `${name} is ${params.form === 'image' ? 'an' : 'a'} ${params.form} input, so its shape needs ${form.rank} size${form.rank > 1 ? 's' : ''} (${form.layout}) but has ${params.shape.length}: ${formatShapeTuple(params.shape)}. Write it like ${form.example}.`,
        'shape',
      );
    }
    return produce({ shape: params.shape, dtype: params.form === 'tokens' ? 'int32' : 'float32' });
  },
  toTfjs: (p) => [
    {
      className: 'InputLayer',
      config: { shape: p.shape, dtype: p.form === 'tokens' ? 'int32' : 'float32' },
    },
  ],
});

import { z } from 'zod';
import { formatShape, formatShapeTuple } from '../../shapes/shape';
import { defineKind } from '../types';
import { fail, produce } from '../outcome';
import { readLayer } from '../tfjs-reading';

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
  look: { colour: '#2f855a', icon: '▶' },
  summary:
    'Where examples enter the network: one feature vector, image, sequence or text at a time.',
  role: 'input',
  valueFlow: 'computed',
  examples: [
    { params: { form: 'image', shape: [4, 4, 1] }, inputs: [] },
    { params: { form: 'tokens', shape: [6] }, inputs: [] },
  ],
  fromTfjs: {
    classNames: ['InputLayer'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        const batchShape = r.value('batchInputShape') ?? r.value('batchShape');
        if (!Array.isArray(batchShape) || batchShape.length < 2) {
          return r.refuse(
            `${context.name} does not say what one example looks like (its input shape). Save the model with an input shape, then import it again.`,
          );
        }
        const shape = batchShape.slice(1) as unknown[];
        if (!shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 1)) {
          return r.refuse(
            `${context.name} takes examples of shape ${formatShapeTuple(shape.map((d) => (typeof d === 'number' ? d : null)))}, with a size left open. Neurite needs every size of an example: build the model with a fixed input shape, train it again and export it again.`,
          );
        }
        const tokens = r.shown('dtype').startsWith('int');
        const form = tokens
          ? shape.length === 1
            ? 'tokens'
            : undefined
          : (['vector', 'sequence', 'image'] as const)[shape.length - 1];
        if (!form) {
          return r.refuse(
            `${context.name} takes examples of shape ${formatShapeTuple(shape as number[])}. Neurite's inputs are a vector (1 size), a sequence (2), an image (3: height, width, channels) or a text as word ids (1).`,
          );
        }
        return { form, shape };
      }),
  },
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

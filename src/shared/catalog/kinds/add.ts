import { z } from 'zod';
import type { Dim, Shape, TensorInfo } from '../../shapes/shape';
import { formatShapeTuple } from '../../shapes/shape';
import { tokensNeedEmbedding } from '../checks';
import { fail, produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import type { InferOutcome, PortSpec } from '../types';
import { defineKind } from '../types';

/* Shared with Concatenate: the port count parameter, the ports, and how inputs are listed. */

export const mergeParamsSchema = z.strictObject({
  inputs: z
    .number()
    .int()
    .min(2)
    .max(8)
    .default(2)
    .meta({ title: 'Inputs', description: 'How many layers feed into this one (2 to 8).' }),
});

export function mergeInputPorts(p: { inputs: number }): PortSpec[] {
  return Array.from({ length: p.inputs }, (_, i) => ({
    id: `in${i + 1}`,
    label: `input ${i + 1}`,
  }));
}

/** "input 1 (4, 4, 8), input 2 (4, 4, 16)". */
export function listInputShapes(inputs: readonly TensorInfo[]): string {
  return inputs.map((input, i) => `input ${i + 1} ${formatShapeTuple(input.shape)}`).join(', ');
}

/** Merges compute on floats; token ids must go through an Embedding first. */
export function mergeTokensCheck(
  name: string,
  inputs: readonly TensorInfo[],
): InferOutcome | undefined {
  for (const input of inputs) {
    const invalid = tokensNeedEmbedding(name, input);
    if (invalid) return invalid;
  }
  return undefined;
}

/** Two sizes agree when equal, or when one is only known at run time. */
export function dimsAgree(a: Dim, b: Dim): boolean {
  return a === null || b === null || a === b;
}

/** How to make shapes that differ only in the last axis agree, for the common ranks. */
function matchChannelsFix(shapes: readonly Shape[]): string | undefined {
  const rank = shapes[0]!.length;
  if (rank === 0 || shapes.some((s) => s.length !== rank)) return undefined;
  const leading = shapes.every((s) =>
    s.slice(0, -1).every((d, axis) => dimsAgree(d, shapes[0]![axis]!)),
  );
  if (!leading) return undefined;
  const lasts = shapes.map((s) => s[rank - 1]);
  if (lasts.some((d) => d === null)) return undefined;
  const target = Math.max(...(lasts as number[]));
  const others = lasts.flatMap((d, i) => (d === target ? [] : [`input ${i + 1}`]));
  const where = `on ${others.join(' and ')} so ${others.length > 1 ? 'they have' : 'it has'} ${target}`;
  if (rank === 1) return `Put a Dense with ${target} units ${where} values too.`;
  if (rank === 2)
    return `Put a Conv1D with kernel size 1 and ${target} filters ${where} channels too.`;
  if (rank === 3) return `Put a 1×1 Conv2D with ${target} filters ${where} channels too.`;
  return undefined;
}

function addFix(shapes: readonly Shape[]): string {
  const channels = matchChannelsFix(shapes);
  if (channels) return channels;
  const rank = shapes[0]!.length;
  if (shapes.some((s) => s.length !== rank)) {
    return 'Add a Flatten or Reshape on one path so both have the same number of axes.';
  }
  return 'Make the paths shrink the same way: use the same strides and pooling on each, with padding "same", or a 1×1 Conv2D with a stride on the shortcut; then match the channels with its filters.';
}

export const addKind = defineKind({
  kind: 'Add',
  title: 'Add',
  group: 'merge',
  look: { colour: '#4b6584', icon: '+' },
  summary:
    'Adds its inputs value by value, as in the skip connection of a ResNet block; all inputs must have the same shape.',
  role: 'layer',
  valueFlow: 'computed',
  examples: [
    {
      params: { inputs: 2 },
      inputs: [
        { form: 'vector', shape: [3] },
        { form: 'vector', shape: [3] },
      ],
    },
    {
      params: { inputs: 3 },
      inputs: [
        { form: 'image', shape: [2, 2, 3] },
        { form: 'image', shape: [2, 2, 3] },
        { form: 'image', shape: [2, 2, 3] },
      ],
    },
  ],
  fromTfjs: {
    classNames: ['Add'],
    read: (layer, context) => readLayer(layer, context, () => ({ inputs: context.inputs.length })),
  },
  paramsSchema: mergeParamsSchema,
  inputPorts: mergeInputPorts,
  outputPorts: [{ id: 'out', label: 'sum' }],
  describe: (p) => `${p.inputs} inputs`,
  infer({ inputs, name }) {
    const invalid = mergeTokensCheck(name, inputs);
    if (invalid) return invalid;
    const shapes = inputs.map((i) => i.shape);
    const first = shapes[0]!;
    const same = shapes.every(
      (s) => s.length === first.length && s.every((d, axis) => dimsAgree(d, first[axis]!)),
    );
    if (!same) {
      return fail(
        'merge.shape-mismatch',
        `${name} adds value by value, so all its inputs need the same shape, but it receives ${listInputShapes(inputs)}. ${addFix(shapes)}`,
      );
    }
    const shape = first.map((_, axis) => shapes.find((s) => s[axis] !== null)?.[axis] ?? null);
    return produce({ shape, dtype: 'float32' });
  },
  toTfjs: () => [{ className: 'Add', config: {} }],
});

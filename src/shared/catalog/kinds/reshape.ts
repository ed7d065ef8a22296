import { z } from 'zod';
import type { Dim } from '../../shapes/shape';
import { elementCount, formatShape, formatShapeTuple } from '../../shapes/shape';
import { fail, produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const targetSize = z
  .number()
  .int()
  .max(Number.MAX_SAFE_INTEGER)
  .refine((n) => n >= 1 || n === -1, { message: 'Each size must be a whole number ≥ 1, or -1.' });

const paramsSchema = z.strictObject({
  targetShape: z
    .array(targetSize)
    .min(1)
    .max(3)
    .refine((sizes) => sizes.filter((n) => n === -1).length <= 1, {
      message: 'Only one size may be -1: with two unknowns the sizes cannot be worked out.',
    })
    .default([-1, 1])
    .meta({
      title: 'Target shape',
      description:
        'The new sizes, without the batch, e.g. [28, 28, 1]. They must multiply to the number of values that arrive; write -1 for one size to have it worked out.',
    }),
});

/** "28×?×1" for a target with a -1 still in it. */
function formatTarget(target: readonly number[]): string {
  return target.map((n) => (n === -1 ? '?' : String(n))).join('×');
}

type Resolved = { ok: true; shape: Dim[] } | { ok: false; code: string; message: string };

/** The output shape, with the -1 worked out when the input size is known. */
function resolveTarget(
  name: string,
  inputShape: readonly Dim[],
  target: readonly number[],
): Resolved {
  const count = elementCount(inputShape);
  const known = target.filter((n) => n !== -1).reduce((a, b) => a * b, 1);
  const free = target.indexOf(-1);
  const received = `${formatShapeTuple(inputShape)}, which holds ${count} values`;
  if (count === null) {
    // Sizes known only at run time: TensorFlow checks the count then.
    return { ok: true, shape: target.map((n) => (n === -1 ? null : n)) };
  }
  if (free === -1) {
    if (known === count) return { ok: true, shape: [...target] };
    return {
      ok: false,
      code: 'reshape.size-mismatch',
      message: `${name} receives ${received}, but the target ${formatShape(target)} holds ${known}. Both counts must be equal: change the target so its sizes multiply to ${count}, or write -1 for one size to have it worked out.`,
    };
  }
  if (count % known !== 0) {
    return {
      ok: false,
      code: 'reshape.size-mismatch',
      message: `${name} receives ${received}, which cannot be split into ${formatTarget(target)}: ${count} is not a multiple of ${known}. Change the other sizes so they divide ${count}.`,
    };
  }
  return { ok: true, shape: target.map((n) => (n === -1 ? count / known : n)) };
}

export const reshapeKind = defineKind({
  kind: 'Reshape',
  title: 'Reshape',
  group: 'core',
  look: { colour: '#778ca3', icon: '⤡' },
  summary:
    'Arranges the same values into a new shape, for example a list of 784 pixels into a 28×28×1 image.',
  role: 'layer',
  valueFlow: 'reshaped',
  examples: [
    { params: { targetShape: [2, 3, 1] }, inputs: [{ form: 'vector', shape: [6] }] },
    { params: { targetShape: [-1, 2] }, inputs: [{ form: 'image', shape: [2, 2, 1] }] },
  ],
  fromTfjs: {
    classNames: ['Reshape'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => ({ targetShape: r.value('targetShape') })),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'reshaped' }],
  describe: (p) => `to ${formatTarget(p.targetShape)}`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const resolved = resolveTarget(name, input.shape, params.targetShape);
    if (!resolved.ok) return fail(resolved.code, resolved.message, 'targetShape');
    return produce({ shape: resolved.shape, dtype: input.dtype });
  },
  toTfjs(p, inputs) {
    // TF.js leaves a -1 unknown in its static shape (and then Flatten refuses it), so hand it
    // the sizes worked out here whenever they are known.
    const resolved = resolveTarget('Reshape', inputs[0]?.shape ?? [null], p.targetShape);
    const concrete = resolved.ok && resolved.shape.every((d) => d !== null);
    return [
      { className: 'Reshape', config: { targetShape: concrete ? resolved.shape : p.targetShape } },
    ];
  },
});

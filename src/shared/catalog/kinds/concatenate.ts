import { formatShape } from '../../shapes/shape';
import { fail, produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';
import {
  dimsAgree,
  listInputShapes,
  mergeInputPorts,
  mergeParamsSchema,
  mergeTokensCheck,
} from './add';

export const concatenateKind = defineKind({
  kind: 'Concatenate',
  title: 'Concatenate',
  group: 'merge',
  look: { colour: '#4b6584', icon: '⧺' },
  summary:
    'Joins its inputs side by side along the last axis (features or channels), as in the parallel branches of an Inception block.',
  role: 'layer',
  valueFlow: 'computed',
  examples: [
    {
      params: { inputs: 2 },
      inputs: [
        { form: 'vector', shape: [3] },
        { form: 'vector', shape: [2] },
      ],
    },
    {
      params: { inputs: 2 },
      inputs: [
        { form: 'image', shape: [2, 2, 3] },
        { form: 'image', shape: [2, 2, 1] },
      ],
    },
  ],
  fromTfjs: {
    classNames: ['Concatenate'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        const last = context.inputs[0]?.shape.length;
        r.expect(
          'axis',
          (axis) => axis === undefined || axis === -1 || axis === last,
          `${context.name} joins its inputs along axis ${r.shown('axis')}; Neurite's Concatenate joins them along the last axis. Build it with axis=-1, train it again and export it again.`,
        );
        return { inputs: context.inputs.length };
      }),
  },
  paramsSchema: mergeParamsSchema,
  inputPorts: mergeInputPorts,
  outputPorts: [{ id: 'out', label: 'joined' }],
  describe: (p) => `${p.inputs} inputs · last axis`,
  infer({ inputs, name }) {
    const invalid = mergeTokensCheck(name, inputs);
    if (invalid) return invalid;
    const shapes = inputs.map((i) => i.shape);
    const first = shapes[0]!;
    const rank = first.length;
    if (rank === 0 || shapes.some((s) => s.length !== rank)) {
      return fail(
        'merge.shape-mismatch',
        `${name} joins its inputs along the last axis, so they need the same number of axes, but it receives ${listInputShapes(inputs)}. Add a Flatten or Reshape on the inputs that differ.`,
      );
    }
    const leading = first.slice(0, -1);
    const aligned = shapes.every((s) =>
      s.slice(0, -1).every((d, axis) => dimsAgree(d, leading[axis]!)),
    );
    if (!aligned) {
      return fail(
        'merge.shape-mismatch',
        `${name} joins its inputs along the last axis, so every other size must match, but it receives ${listInputShapes(inputs)}. Make the sizes before the last one equal (${formatShape(leading)} for input 1), e.g. with padding "same" and the same strides and pooling on every branch, or a Flatten on each input.`,
      );
    }
    const shape = leading.map((_, axis) => shapes.find((s) => s[axis] !== null)?.[axis] ?? null);
    const lasts = shapes.map((s) => s[rank - 1]);
    const joined = lasts.some((d) => d === null)
      ? null
      : (lasts as number[]).reduce((a, b) => a + b, 0);
    return produce({ shape: [...shape, joined], dtype: 'float32' });
  },
  toTfjs: () => [{ className: 'Concatenate', config: { axis: -1 } }],
});

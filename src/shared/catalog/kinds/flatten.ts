import { z } from 'zod';
import { elementCount, formatShapeTuple } from '../../shapes/shape';
import { fail, problem, produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

export const flattenKind = defineKind({
  kind: 'Flatten',
  title: 'Flatten',
  group: 'core',
  look: { colour: '#778ca3', icon: '▭' },
  summary:
    'Lays all values of an image or sequence out in one long list, so a Dense layer can read them.',
  role: 'layer',
  valueFlow: 'reshaped',
  examples: [
    { params: {}, inputs: [{ form: 'image', shape: [2, 3, 2] }] },
    { params: {}, inputs: [{ form: 'sequence', shape: [4, 3] }] },
  ],
  fromTfjs: {
    classNames: ['Flatten'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        // Channels first would lay the values out in another order.
        r.channelsLast();
        return {};
      }),
  },
  paramsSchema: z.strictObject({}),
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'vector' }],
  describe: () => 'to one list',
  infer({ inputs, name }) {
    const input = inputs[0]!;
    const count = elementCount(input.shape);
    if (input.shape.length === 0 || count === null) {
      return fail(
        'input.unknown-size',
        `${name} needs to know every size of its input to count the values, but receives ${formatShapeTuple(input.shape)}. Give the Input a fixed size.`,
      );
    }
    const warnings =
      input.shape.length === 1
        ? [
            problem(
              'warning',
              'flatten.already-flat',
              `${name} receives ${formatShapeTuple(input.shape)}, which is already one list of ${count} values, so it changes nothing. You can remove it.`,
            ),
          ]
        : [];
    return produce({ shape: [count], dtype: input.dtype }, undefined, warnings);
  },
  toTfjs(_p, inputs) {
    const input = inputs[0]!;
    // TF.js Flatten refuses inputs that are already flat (it wants at least 2 axes besides the
    // batch); an identity Reshape does the same job there.
    if (input.shape.length === 1) {
      return [{ className: 'Reshape', config: { targetShape: [...input.shape] } }];
    }
    return [{ className: 'Flatten', config: {} }];
  },
});

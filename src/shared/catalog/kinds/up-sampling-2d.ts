import { z } from 'zod';
import { requireRank, tokensNeedEmbedding } from '../checks';
import { produce } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { formatWindow, windowParam } from '../spatial';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  size: windowParam(
    2,
    'Scale',
    'How many times larger the image gets along height × width; every value is repeated that often.',
    2,
  ),
});

export const upSampling2dKind = defineKind({
  kind: 'UpSampling2D',
  title: 'UpSampling2D',
  group: 'convolution',
  look: { colour: '#0fb9b1', icon: '⇡' },
  summary:
    'Makes an image larger by repeating every value, the opposite of pooling; decoders use it to rebuild images.',
  role: 'layer',
  valueFlow: 'computed',
  examples: [{ params: { size: [2, 3] }, inputs: [{ form: 'image', shape: [2, 2, 3] }] }],
  fromTfjs: {
    classNames: ['UpSampling2D'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        r.channelsLast();
        r.expect(
          'interpolation',
          (how) => how === undefined || how === 'nearest',
          `${context.name} fills in new values by ${r.shown('interpolation')} interpolation; Neurite's UpSampling2D repeats each value (nearest). Build it with interpolation="nearest", train it again and export it again.`,
        );
        return { size: r.window('size', 2, 2) };
      }),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'input' }],
  outputPorts: [{ id: 'out', label: 'larger image' }],
  describe: (p) => `× ${formatWindow(p.size)}`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const invalid =
      tokensNeedEmbedding(name, input) ??
      requireRank(
        name,
        input,
        3,
        'height, width, channels',
        'It enlarges images: put it after a Conv2D, or Reshape to height × width × channels first.',
      );
    if (invalid) return invalid;
    const [height, width, channels] = input.shape;
    const scale = (d: number | null | undefined, s: number): number | null =>
      d === null || d === undefined ? null : d * s;
    return produce({
      shape: [
        scale(height, params.size[0]),
        scale(width, params.size[1] ?? params.size[0]),
        channels ?? null,
      ],
      dtype: 'float32',
    });
  },
  toTfjs: (p) => [{ className: 'UpSampling2D', config: { size: p.size } }],
});

import { describe, expect, it } from 'vitest';
import { avgPool1dKind } from '../../../src/shared/catalog/kinds/avg-pool-1d';
import { floats, itInfersShapes, itRejects } from './infer-helper';

describe('AvgPool1D', () => {
  // prettier-ignore
  itInfersShapes(avgPool1dKind, [
    { params: { poolSize: 3 }, inputs: [floats(10, 4)], output: [3, 4], trainable: 0 },
    { params: { poolSize: 3, strides: 2, padding: 'same' }, inputs: [floats(10, 4)], output: [5, 4], trainable: 0 },
    { params: {}, inputs: [floats(null, 4)], output: [null, 4], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(avgPool1dKind, [
    { params: {}, inputs: [floats(28, 28, 1)], code: 'input.rank', message: ['For an image use AvgPool2D'] },
    { params: { poolSize: 4 }, inputs: [floats(3, 1)], code: 'window.too-large', message: ['4 pool window'] },
  ]);

  it('becomes AveragePooling1D', () => {
    const params = avgPool1dKind.paramsSchema.parse({});
    expect(avgPool1dKind.toTfjs(params, [floats(10, 4)])[0]!.className).toBe('AveragePooling1D');
  });
});

import { describe, expect, it } from 'vitest';
import { avgPool2dKind } from '../../../src/shared/catalog/kinds/avg-pool-2d';
import { floats, itInfersShapes, itRejects, tokens } from './infer-helper';

describe('AvgPool2D', () => {
  // prettier-ignore
  itInfersShapes(avgPool2dKind, [
    { params: {}, inputs: [floats(5, 5, 3)], output: [2, 2, 3], trainable: 0 },
    // LeNet S2: 28×28×6 → 14×14×6
    { params: {}, inputs: [floats(28, 28, 6)], output: [14, 14, 6], trainable: 0 },
    { params: { strides: 1, padding: 'same' }, inputs: [floats(5, 5, 3)], output: [5, 5, 3], trainable: 0 },
    { params: { poolSize: [2, 1] }, inputs: [floats(8, 8, 2)], output: [4, 8, 2], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(avgPool2dKind, [
    { params: { poolSize: 4 }, inputs: [floats(3, 8, 1)], code: 'window.too-large', message: ['4×4 pool window'] },
    { params: {}, inputs: [floats(20, 8)], code: 'input.rank', message: ['For a sequence use AvgPool1D'] },
    { params: {}, inputs: [tokens(10)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  it('becomes AveragePooling2D', () => {
    const params = avgPool2dKind.paramsSchema.parse({ strides: 1, padding: 'same' });
    expect(avgPool2dKind.toTfjs(params, [floats(5, 5, 3)])).toEqual([
      {
        className: 'AveragePooling2D',
        config: { poolSize: [2, 2], strides: [1, 1], padding: 'same' },
      },
    ]);
  });
});

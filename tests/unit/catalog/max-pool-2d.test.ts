import { describe, expect, it } from 'vitest';
import { maxPool2dKind } from '../../../src/shared/catalog/kinds/max-pool-2d';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// No weights. Per axis, with the stride equal to the pool size unless set:
// valid: floor((n − pool) / stride) + 1, same: ceil(n / stride).
describe('MaxPool2D', () => {
  // prettier-ignore
  itInfersShapes(maxPool2dKind, [
    { params: {}, inputs: [floats(28, 28, 1)], output: [14, 14, 1], trainable: 0 },
    { params: {}, inputs: [floats(27, 27, 3)], output: [13, 13, 3], trainable: 0 },
    { params: { poolSize: 3 }, inputs: [floats(28, 28, 6)], output: [9, 9, 6], trainable: 0 },
    { params: { poolSize: 3, padding: 'same' }, inputs: [floats(28, 28, 6)], output: [10, 10, 6], trainable: 0 },
    { params: { poolSize: 3, strides: 1 }, inputs: [floats(28, 28, 8)], output: [26, 26, 8], trainable: 0 },
    { params: { poolSize: 3, strides: null }, inputs: [floats(28, 28, 8)], output: [9, 9, 8], trainable: 0 },
    // AlexNet's overlapping pooling: floor((55 − 3) / 2) + 1 = 27
    { params: { poolSize: 3, strides: 2 }, inputs: [floats(55, 55, 96)], output: [27, 27, 96], trainable: 0 },
    { params: { poolSize: [2, 3], strides: [1, 2] }, inputs: [floats(7, 9, 4)], output: [6, 4, 4], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(maxPool2dKind, [
    { params: { poolSize: 3 }, inputs: [floats(2, 2, 4)], code: 'window.too-large', message: ['3×3 pool window', '2×2', 'padding "same"'] },
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['(784)', 'Add a Reshape to 28×28×1'] },
    { params: {}, inputs: [floats(20, 8)], code: 'input.rank', message: ['For a sequence use MaxPool1D'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  itRefusesParams(maxPool2dKind, [
    { poolSize: 0 },
    { strides: 0 },
    { poolSize: [2, 2, 2] },
    { padding: 'full' },
  ]);

  it('gives TF.js the stride explicitly, equal to the pool size by default', () => {
    const params = maxPool2dKind.paramsSchema.parse({ poolSize: 3 });
    expect(maxPool2dKind.toTfjs(params, [floats(28, 28, 1)])).toEqual([
      {
        className: 'MaxPooling2D',
        config: { poolSize: [3, 3], strides: [3, 3], padding: 'valid' },
      },
    ]);
  });
});

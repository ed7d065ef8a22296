import { describe, expect, it } from 'vitest';
import { maxPool1dKind } from '../../../src/shared/catalog/kinds/max-pool-1d';
import { floats, itInfersShapes, itRejects } from './infer-helper';

describe('MaxPool1D', () => {
  // prettier-ignore
  itInfersShapes(maxPool1dKind, [
    { params: {}, inputs: [floats(10, 4)], output: [5, 4], trainable: 0 },
    { params: {}, inputs: [floats(11, 2)], output: [5, 2], trainable: 0 },
    { params: { poolSize: 3, strides: 1 }, inputs: [floats(10, 4)], output: [8, 4], trainable: 0 },
    { params: { poolSize: 3, padding: 'same' }, inputs: [floats(10, 4)], output: [4, 4], trainable: 0 },
    // Text CNN: pool over all 98 positions
    { params: { poolSize: 98 }, inputs: [floats(98, 32)], output: [1, 32], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(maxPool1dKind, [
    { params: { poolSize: 5 }, inputs: [floats(3, 2)], code: 'window.too-large', message: ['5 pool window'] },
    { params: {}, inputs: [floats(28, 28, 1)], code: 'input.rank', message: ['For an image use MaxPool2D'] },
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['Add a Reshape to 784×1'] },
  ]);

  it('passes single numbers to TF.js', () => {
    const params = maxPool1dKind.paramsSchema.parse({ poolSize: 3 });
    expect(maxPool1dKind.toTfjs(params, [floats(10, 4)])).toEqual([
      { className: 'MaxPooling1D', config: { poolSize: 3, strides: 3, padding: 'valid' } },
    ]);
  });
});

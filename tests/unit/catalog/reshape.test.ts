import { describe, expect, it } from 'vitest';
import { reshapeKind } from '../../../src/shared/catalog/kinds/reshape';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('Reshape', () => {
  // prettier-ignore
  itInfersShapes(reshapeKind, [
    { params: { targetShape: [28, 28, 1] }, inputs: [floats(784)], output: [28, 28, 1], trainable: 0 },
    { params: { targetShape: [28, -1, 1] }, inputs: [floats(784)], output: [28, 28, 1], trainable: 0 },
    // Default [-1, 1]: a vector becomes a sequence of single values
    { params: {}, inputs: [floats(784)], output: [784, 1], trainable: 0 },
    { params: { targetShape: [-1] }, inputs: [floats(28, 28, 1)], output: [784], trainable: 0 },
    { params: { targetShape: [16, 8] }, inputs: [floats(4, 4, 8)], output: [16, 8], trainable: 0 },
    { params: { targetShape: [10, 10] }, inputs: [tokens(100)], output: [10, 10], trainable: 0, dtype: 'int32' },
    // Sizes known only at run time: the -1 stays unknown
    { params: { targetShape: [-1, 2] }, inputs: [floats(null, 4)], output: [null, 2], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(reshapeKind, [
    { params: { targetShape: [28, 27, 1] }, inputs: [floats(784)], code: 'reshape.size-mismatch', message: ['784 values', '28×27×1 holds 756', '-1'] },
    { params: { targetShape: [-1, 5] }, inputs: [floats(784)], code: 'reshape.size-mismatch', message: ['784 is not a multiple of 5'] },
    { params: { targetShape: [32, 32, 3] }, inputs: [floats(28, 28, 1)], code: 'reshape.size-mismatch', message: ['(28, 28, 1)', '784', '3072'] },
  ]);

  itRefusesParams(reshapeKind, [
    { targetShape: [-1, -1] },
    { targetShape: [0, 5] },
    { targetShape: [-2] },
    { targetShape: [] },
    { targetShape: [1.5] },
  ]);

  it('hands TF.js the worked-out size, since TF.js leaves a -1 unknown', () => {
    const params = reshapeKind.paramsSchema.parse({ targetShape: [28, -1, 1] });
    expect(reshapeKind.toTfjs(params, [floats(784)])).toEqual([
      { className: 'Reshape', config: { targetShape: [28, 28, 1] } },
    ]);
    const unknown = reshapeKind.paramsSchema.parse({ targetShape: [-1, 2] });
    expect(reshapeKind.toTfjs(unknown, [floats(null, 4)])[0]!.config).toEqual({
      targetShape: [-1, 2],
    });
  });
});

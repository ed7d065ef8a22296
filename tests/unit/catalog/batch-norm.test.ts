import { describe, expect, it } from 'vitest';
import { batchNormKind } from '../../../src/shared/catalog/kinds/batch-norm';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// Per channel: gamma and beta are trained; the moving mean and variance are not.
describe('BatchNorm', () => {
  // prettier-ignore
  itInfersShapes(batchNormKind, [
    { params: {}, inputs: [floats(10)], output: [10], trainable: 20, nonTrainable: 20 },
    { params: {}, inputs: [floats(8, 8, 16)], output: [8, 8, 16], trainable: 32, nonTrainable: 32 },
    { params: { momentum: 0.9 }, inputs: [floats(20, 8)], output: [20, 8], trainable: 16, nonTrainable: 16 },
  ]);

  // prettier-ignore
  itRejects(batchNormKind, [
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
    { params: {}, inputs: [floats(4, null)], code: 'input.unknown-size', message: ['(4, ?)'] },
  ]);

  itRefusesParams(batchNormKind, [{ epsilon: 0 }, { momentum: 1.5 }, { momentum: -0.1 }]);

  it('normalizes the last axis', () => {
    const params = batchNormKind.paramsSchema.parse({});
    expect(batchNormKind.toTfjs(params, [floats(10)])).toEqual([
      { className: 'BatchNormalization', config: { axis: -1, momentum: 0.99, epsilon: 0.001 } },
    ]);
  });
});

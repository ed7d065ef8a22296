import { describe, expect, it } from 'vitest';
import { gaussianNoiseKind } from '../../../src/shared/catalog/kinds/gaussian-noise';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('GaussianNoise', () => {
  // prettier-ignore
  itInfersShapes(gaussianNoiseKind, [
    { params: {}, inputs: [floats(784)], output: [784], trainable: 0 },
    { params: { stddev: 0.5 }, inputs: [floats(28, 28, 1)], output: [28, 28, 1], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(gaussianNoiseKind, [{ params: {}, inputs: [tokens(10)], code: 'input.tokens', message: ['Embedding'] }]);

  itRefusesParams(gaussianNoiseKind, [{ stddev: 0 }, { stddev: -1 }]);

  it('defaults to σ 0.1', () => {
    const params = gaussianNoiseKind.paramsSchema.parse({});
    expect(gaussianNoiseKind.toTfjs(params, [floats(5)])).toEqual([
      { className: 'GaussianNoise', config: { stddev: 0.1 } },
    ]);
  });
});

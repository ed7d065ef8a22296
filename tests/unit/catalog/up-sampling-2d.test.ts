import { describe, expect, it } from 'vitest';
import { upSampling2dKind } from '../../../src/shared/catalog/kinds/up-sampling-2d';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// No weights; height and width are multiplied by the scale.
describe('UpSampling2D', () => {
  // prettier-ignore
  itInfersShapes(upSampling2dKind, [
    { params: {}, inputs: [floats(7, 7, 8)], output: [14, 14, 8], trainable: 0 },
    { params: { size: [2, 3] }, inputs: [floats(4, 5, 1)], output: [8, 15, 1], trainable: 0 },
    { params: { size: 4 }, inputs: [floats(7, 7, 16)], output: [28, 28, 16], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(upSampling2dKind, [
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['(784)', 'Reshape'] },
    { params: {}, inputs: [tokens(10)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  itRefusesParams(upSampling2dKind, [{ size: 0 }, { size: [2, 2, 2] }]);

  it('becomes UpSampling2D', () => {
    const params = upSampling2dKind.paramsSchema.parse({});
    expect(upSampling2dKind.toTfjs(params, [floats(7, 7, 8)])).toEqual([
      { className: 'UpSampling2D', config: { size: [2, 2] } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { dropoutKind } from '../../../src/shared/catalog/kinds/dropout';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('Dropout', () => {
  // prettier-ignore
  itInfersShapes(dropoutKind, [
    { params: {}, inputs: [floats(5)], output: [5], trainable: 0 },
    { params: { rate: 0.2 }, inputs: [floats(8, 8, 3)], output: [8, 8, 3], trainable: 0 },
    { params: { rate: 0 }, inputs: [floats(20, 16)], output: [20, 16], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(dropoutKind, [{ params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] }]);

  itRefusesParams(dropoutKind, [{ rate: 1 }, { rate: -0.1 }, { rate: '0.5' }]);

  it('defaults to dropping half', () => {
    const params = dropoutKind.paramsSchema.parse({});
    expect(dropoutKind.toTfjs(params, [floats(5)])).toEqual([
      { className: 'Dropout', config: { rate: 0.5 } },
    ]);
  });
});

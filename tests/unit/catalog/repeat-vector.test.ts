import { describe, expect, it } from 'vitest';
import { repeatVectorKind } from '../../../src/shared/catalog/kinds/repeat-vector';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('RepeatVector', () => {
  // prettier-ignore
  itInfersShapes(repeatVectorKind, [
    { params: {}, inputs: [floats(5)], output: [4, 5], trainable: 0 },
    { params: { times: 7 }, inputs: [floats(32)], output: [7, 32], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(repeatVectorKind, [
    { params: {}, inputs: [floats(20, 8)], code: 'input.rank', message: ['(20, 8)', 'Return sequences'] },
    { params: {}, inputs: [floats(4, 4, 3)], code: 'input.rank', message: ['Flatten'] },
    { params: {}, inputs: [tokens(10)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  itRefusesParams(repeatVectorKind, [{ times: 0 }]);

  it('becomes RepeatVector with n', () => {
    const params = repeatVectorKind.paramsSchema.parse({ times: 7 });
    expect(repeatVectorKind.toTfjs(params, [floats(32)])).toEqual([
      { className: 'RepeatVector', config: { n: 7 } },
    ]);
  });
});

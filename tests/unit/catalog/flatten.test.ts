import { describe, expect, it } from 'vitest';
import { flattenKind } from '../../../src/shared/catalog/kinds/flatten';
import { floats, itInfersShapes, itRejects, tokens } from './infer-helper';

describe('Flatten', () => {
  // prettier-ignore
  itInfersShapes(flattenKind, [
    { params: {}, inputs: [floats(7, 7, 64)], output: [3136], trainable: 0 },
    { params: {}, inputs: [floats(28, 28, 1)], output: [784], trainable: 0 },
    { params: {}, inputs: [floats(20, 8)], output: [160], trainable: 0 },
    { params: {}, inputs: [tokens(4, 5)], output: [20], trainable: 0, dtype: 'int32' },
    { params: {}, inputs: [floats(10)], output: [10], trainable: 0, warnings: ['flatten.already-flat'] },
  ]);

  // prettier-ignore
  itRejects(flattenKind, [
    { params: {}, inputs: [floats(null, 8)], code: 'input.unknown-size', message: ['(?, 8)', 'fixed size'] },
  ]);

  it('becomes a TF.js Flatten, or an identity Reshape for a flat input (TF.js Flatten needs 2+ axes)', () => {
    expect(flattenKind.toTfjs({}, [floats(7, 7, 64)])).toEqual([
      { className: 'Flatten', config: {} },
    ]);
    expect(flattenKind.toTfjs({}, [floats(10)])).toEqual([
      { className: 'Reshape', config: { targetShape: [10] } },
    ]);
  });
});

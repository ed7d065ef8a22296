import { describe, expect, it } from 'vitest';
import { concatenateKind } from '../../../src/shared/catalog/kinds/concatenate';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('Concatenate', () => {
  // prettier-ignore
  itInfersShapes(concatenateKind, [
    { params: {}, inputs: [floats(4, 4, 8), floats(4, 4, 16)], output: [4, 4, 24], trainable: 0 },
    { params: { inputs: 3 }, inputs: [floats(5), floats(3), floats(2)], output: [10], trainable: 0 },
    { params: {}, inputs: [floats(20, 8), floats(20, 3)], output: [20, 11], trainable: 0 },
    { params: {}, inputs: [floats(null, 8), floats(10, 3)], output: [10, 11], trainable: 0 },
    // Inception block: four branches of 28×28
    {
      params: { inputs: 4 },
      inputs: [floats(28, 28, 64), floats(28, 28, 128), floats(28, 28, 32), floats(28, 28, 32)],
      output: [28, 28, 256],
      trainable: 0,
    },
  ]);

  // prettier-ignore
  itRejects(concatenateKind, [
    {
      params: {},
      inputs: [floats(4, 4, 8), floats(5, 4, 16)],
      code: 'merge.shape-mismatch',
      message: ['input 1 (4, 4, 8)', 'input 2 (5, 4, 16)', 'padding "same"'],
    },
    { params: {}, inputs: [floats(16), floats(4, 4, 1)], code: 'merge.shape-mismatch', message: ['same number of axes', '(16)', '(4, 4, 1)'] },
    { params: {}, inputs: [floats(3), tokens(3)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  itRefusesParams(concatenateKind, [{ inputs: 1 }, { inputs: 9 }]);

  it('joins along the last axis in TF.js', () => {
    const params = concatenateKind.paramsSchema.parse({ inputs: 2 });
    expect(concatenateKind.inputPorts(params).map((p) => p.id)).toEqual(['in1', 'in2']);
    expect(concatenateKind.toTfjs(params, [floats(5), floats(3)])).toEqual([
      { className: 'Concatenate', config: { axis: -1 } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { addKind } from '../../../src/shared/catalog/kinds/add';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('Add', () => {
  // prettier-ignore
  itInfersShapes(addKind, [
    { params: {}, inputs: [floats(4, 4, 8), floats(4, 4, 8)], output: [4, 4, 8], trainable: 0 },
    { params: { inputs: 3 }, inputs: [floats(5), floats(5), floats(5)], output: [5], trainable: 0 },
    { params: {}, inputs: [floats(null, 8), floats(10, 8)], output: [10, 8], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(addKind, [
    {
      params: {},
      inputs: [floats(4, 4, 8), floats(4, 4, 16)],
      code: 'merge.shape-mismatch',
      message: ['input 1 (4, 4, 8)', 'input 2 (4, 4, 16)', '1×1 Conv2D with 16 filters on input 1'],
    },
    { params: {}, inputs: [floats(10), floats(6)], code: 'merge.shape-mismatch', message: ['Dense with 10 units on input 2'] },
    { params: {}, inputs: [floats(20, 8), floats(20, 4)], code: 'merge.shape-mismatch', message: ['Conv1D with kernel size 1 and 8 filters'] },
    {
      params: { inputs: 3 },
      inputs: [floats(8), floats(4), floats(2)],
      code: 'merge.shape-mismatch',
      message: ['input 3 (2)', 'on input 2 and input 3'],
    },
    { params: {}, inputs: [floats(8, 8, 8), floats(4, 4, 8)], code: 'merge.shape-mismatch', message: ['(8, 8, 8)', 'strides'] },
    { params: {}, inputs: [floats(16), floats(4, 4, 1)], code: 'merge.shape-mismatch', message: ['same number of axes'] },
    { params: {}, inputs: [tokens(10), tokens(10)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  itRefusesParams(addKind, [{ inputs: 1 }, { inputs: 9 }, { inputs: 2.5 }]);

  it('has one port per input', () => {
    expect(addKind.inputPorts(addKind.paramsSchema.parse({ inputs: 3 }))).toEqual([
      { id: 'in1', label: 'input 1' },
      { id: 'in2', label: 'input 2' },
      { id: 'in3', label: 'input 3' },
    ]);
    expect(addKind.toTfjs(addKind.paramsSchema.parse({}), [floats(5), floats(5)])).toEqual([
      { className: 'Add', config: {} },
    ]);
  });
});

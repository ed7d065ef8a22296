import { describe } from 'vitest';
import { inputKind } from '../../../src/shared/catalog/kinds/input';
import { itInfersShapes, itRefusesParams, itRejects } from './infer-helper';

describe('Input', () => {
  // prettier-ignore
  itInfersShapes(inputKind, [
    { params: {}, inputs: [], output: [2], trainable: 0 },
    { params: { form: 'vector', shape: [784] }, inputs: [], output: [784], trainable: 0 },
    { params: { form: 'image', shape: [28, 28, 1] }, inputs: [], output: [28, 28, 1], trainable: 0 },
    { params: { form: 'sequence', shape: [20, 1] }, inputs: [], output: [20, 1], trainable: 0 },
    { params: { form: 'tokens', shape: [100] }, inputs: [], output: [100], trainable: 0, dtype: 'int32' },
  ]);

  // prettier-ignore
  itRejects(inputKind, [
    { params: { form: 'image', shape: [784] }, inputs: [], code: 'input.rank', message: ['(784)', 'Write it like [28, 28, 1]'] },
    { params: { form: 'sequence', shape: [20] }, inputs: [], code: 'input.rank', message: ['needs 2 sizes'] },
    { params: { form: 'tokens', shape: [10, 10] }, inputs: [], code: 'input.rank', message: ['needs 1 size '] },
  ]);

  itRefusesParams(inputKind, [
    { shape: [] },
    { shape: [0] },
    { shape: [1, 2, 3, 4] },
    { form: 'audio' },
  ]);
});

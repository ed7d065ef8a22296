import { describe, expect, it } from 'vitest';
import { gruKind } from '../../../src/shared/catalog/kinds/gru';
import { floats, itInfersShapes, itRejects } from './infer-helper';

// Three gates: weights = 3·(units·(features + units) + units). TF.js has no reset_after GRU,
// so the bias is 3·units (Keras 2's default reset_after=True would give 6·units).
describe('GRU', () => {
  // prettier-ignore
  itInfersShapes(gruKind, [
    // 3·(32·40 + 32)
    { params: {}, inputs: [floats(20, 8)], output: [32], trainable: 3936 },
    // 3·(4·5 + 4)
    { params: { units: 4 }, inputs: [floats(10, 1)], output: [4], trainable: 72 },
    { params: { units: 16, returnSequences: true }, inputs: [floats(20, 8)], output: [20, 16], trainable: 1200 },
    { params: { units: 16, useBias: false }, inputs: [floats(20, 8)], output: [16], trainable: 1152 },
    { params: { units: 16, bidirectional: true }, inputs: [floats(20, 8)], output: [32], trainable: 2400 },
    { params: { units: 16, bidirectional: true, mergeMode: 'sum', returnSequences: true }, inputs: [floats(20, 8)], output: [20, 16], trainable: 2400 },
  ]);

  // prettier-ignore
  itRejects(gruKind, [
    { params: {}, inputs: [floats(28, 28, 1)], code: 'input.rank', message: ['GRU "n"', 'Reshape to 28×28', 'Embedding'] },
  ]);

  it('uses sigmoid gates', () => {
    const params = gruKind.paramsSchema.parse({ units: 8, dropout: 0.2 });
    expect(gruKind.toTfjs(params, [floats(10, 2)])[0]).toMatchObject({
      className: 'GRU',
      config: { units: 8, recurrentActivation: 'sigmoid', dropout: 0.2 },
    });
  });
});

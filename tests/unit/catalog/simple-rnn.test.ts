import { describe, expect, it } from 'vitest';
import { simpleRnnKind } from '../../../src/shared/catalog/kinds/simple-rnn';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// Weights = units·(features + units) + units; twice that when bidirectional.
describe('SimpleRNN', () => {
  // prettier-ignore
  itInfersShapes(simpleRnnKind, [
    // 32·(8 + 32) + 32
    { params: {}, inputs: [floats(20, 8)], output: [32], trainable: 1312 },
    // 4·(1 + 4) + 4
    { params: { units: 4 }, inputs: [floats(10, 1)], output: [4], trainable: 24 },
    // 16·24 + 16
    { params: { units: 16, returnSequences: true }, inputs: [floats(20, 8)], output: [20, 16], trainable: 400 },
    { params: { units: 16, useBias: false }, inputs: [floats(20, 8)], output: [16], trainable: 384 },
    { params: { units: 16, bidirectional: true }, inputs: [floats(20, 8)], output: [32], trainable: 800 },
    { params: { units: 16, bidirectional: true, returnSequences: true }, inputs: [floats(20, 8)], output: [20, 32], trainable: 800 },
    { params: { units: 16, bidirectional: true, mergeMode: 'sum' }, inputs: [floats(20, 8)], output: [16], trainable: 800 },
    { params: { units: 16, bidirectional: true, mergeMode: 'mul' }, inputs: [floats(20, 8)], output: [16], trainable: 800 },
    { params: { units: 16, bidirectional: true, mergeMode: 'ave', returnSequences: true }, inputs: [floats(20, 8)], output: [20, 16], trainable: 800 },
    // Steps unknown until run time: 8·(3 + 8) + 8
    { params: { units: 8, returnSequences: true }, inputs: [floats(null, 3)], output: [null, 8], trainable: 96 },
  ]);

  // prettier-ignore
  itRejects(simpleRnnKind, [
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['(784)', 'Reshape to 784×1', 'Embedding'] },
    { params: {}, inputs: [floats(28, 28, 1)], code: 'input.rank', message: ['(28, 28, 1)', 'Reshape to 28×28', 'row by row'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
    { params: {}, inputs: [floats(20, null)], code: 'input.unknown-size', message: ['(20, ?)'] },
  ]);

  itRefusesParams(simpleRnnKind, [
    { units: 0 },
    { activation: 'softmax' },
    { mergeMode: 'max' },
    { dropout: 1 },
  ]);

  it('wraps the layer for bidirectional reading', () => {
    const params = simpleRnnKind.paramsSchema.parse({ units: 16, bidirectional: true });
    const layers = simpleRnnKind.toTfjs(params, [floats(20, 8)]);
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({
      className: 'Bidirectional',
      config: { mergeMode: 'concat' },
      wrapped: {
        className: 'SimpleRNN',
        config: { units: 16, activation: 'tanh', returnSequences: false },
      },
    });
    expect(layers[0]!.wrapped!.config).not.toHaveProperty('recurrentActivation');
  });
});

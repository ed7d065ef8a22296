import { describe, expect, it } from 'vitest';
import { lstmKind } from '../../../src/shared/catalog/kinds/lstm';
import { floats, itInfersShapes, itRejects, tokens } from './infer-helper';

// Four gates: weights = 4·(units·(features + units) + units); twice that when bidirectional.
describe('LSTM', () => {
  // prettier-ignore
  itInfersShapes(lstmKind, [
    // 4·(32·40 + 32)
    { params: {}, inputs: [floats(20, 8)], output: [32], trainable: 5248 },
    // 4·(4·5 + 4)
    { params: { units: 4 }, inputs: [floats(10, 1)], output: [4], trainable: 96 },
    // The Keras IMDB example: 128 units on 128-long word vectors
    { params: { units: 128 }, inputs: [floats(80, 128)], output: [128], trainable: 131584 },
    { params: { units: 16, returnSequences: true }, inputs: [floats(20, 8)], output: [20, 16], trainable: 1600 },
    { params: { units: 16, useBias: false }, inputs: [floats(20, 8)], output: [16], trainable: 1536 },
    { params: { units: 16, bidirectional: true }, inputs: [floats(20, 8)], output: [32], trainable: 3200 },
    { params: { units: 16, bidirectional: true, returnSequences: true }, inputs: [floats(20, 8)], output: [20, 32], trainable: 3200 },
    { params: { units: 16, bidirectional: true, mergeMode: 'ave' }, inputs: [floats(20, 8)], output: [16], trainable: 3200 },
  ]);

  // prettier-ignore
  itRejects(lstmKind, [
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['LSTM "n"', 'Reshape to 784×1', 'Embedding'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  it('uses sigmoid gates, a unit forget bias and orthogonal recurrent weights like Keras', () => {
    const params = lstmKind.paramsSchema.parse({ units: 8, l2: 0.01 });
    const [layer] = lstmKind.toTfjs(params, [floats(10, 2)]);
    const regularizer = { className: 'L1L2', config: { l1: 0, l2: 0.01 } };
    expect(layer).toMatchObject({
      className: 'LSTM',
      config: {
        units: 8,
        activation: 'tanh',
        recurrentActivation: 'sigmoid',
        unitForgetBias: true,
        recurrentInitializer: { className: 'Orthogonal', config: {} },
        kernelRegularizer: regularizer,
        recurrentRegularizer: regularizer,
        dropout: 0,
        recurrentDropout: 0,
      },
    });
  });

  it('accepts any general initializer for the recurrent weights', () => {
    const params = lstmKind.paramsSchema.parse({ recurrentInitializer: 'glorotUniform' });
    expect(lstmKind.toTfjs(params, [floats(10, 2)])[0]!.config['recurrentInitializer']).toEqual({
      className: 'GlorotUniform',
      config: {},
    });
  });
});

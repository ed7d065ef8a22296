import { describe, expect, it } from 'vitest';
import { embeddingKind } from '../../../src/shared/catalog/kinds/embedding';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// Weights = vocabulary size · vector length.
describe('Embedding', () => {
  // prettier-ignore
  itInfersShapes(embeddingKind, [
    { params: {}, inputs: [tokens(100)], output: [100, 16], trainable: 16000 },
    { params: { vocabSize: 50, dim: 8 }, inputs: [tokens(12)], output: [12, 8], trainable: 400 },
    { params: { vocabSize: 10000, dim: 32 }, inputs: [tokens(200)], output: [200, 32], trainable: 320000 },
  ]);

  // prettier-ignore
  itRejects(embeddingKind, [
    { params: {}, inputs: [floats(100)], code: 'embedding.not-tokens', message: ['(100)', 'Input of form "tokens"'] },
    { params: {}, inputs: [tokens(10, 5)], code: 'input.rank', message: ['(10, 5)', 'form "tokens"'] },
  ]);

  itRefusesParams(embeddingKind, [{ vocabSize: 0 }, { dim: 0 }, { l2: -1 }]);

  it('starts vectors uniformly in ±0.05 like Keras, and regularizes them', () => {
    const params = embeddingKind.paramsSchema.parse({ l2: 0.01 });
    expect(embeddingKind.toTfjs(params, [tokens(100)])).toEqual([
      {
        className: 'Embedding',
        config: {
          inputDim: 1000,
          outputDim: 16,
          embeddingsInitializer: {
            className: 'RandomUniform',
            config: { minval: -0.05, maxval: 0.05 },
          },
          embeddingsRegularizer: { className: 'L1L2', config: { l1: 0, l2: 0.01 } },
        },
      },
    ]);
  });
});

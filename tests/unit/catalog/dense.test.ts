import { describe, expect, it } from 'vitest';
import { denseKind } from '../../../src/shared/catalog/kinds/dense';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// Weights = inputs·units + units (bias).
describe('Dense', () => {
  // prettier-ignore
  itInfersShapes(denseKind, [
    { params: { units: 5 }, inputs: [floats(3)], output: [5], trainable: 20 },
    { params: { units: 2 }, inputs: [floats(5)], output: [2], trainable: 12 },
    { params: { units: 5, useBias: false }, inputs: [floats(3)], output: [5], trainable: 15 },
    // MNIST hidden layer: 784·128 + 128
    { params: { units: 128, activation: 'relu' }, inputs: [floats(784)], output: [128], trainable: 100480 },
    // Perceptron: 2 inputs, 1 unit
    { params: { units: 1, activation: 'step' }, inputs: [floats(2)], output: [1], trainable: 3 },
    // PReLU adds one slope per output value
    { params: { units: 5, activation: 'prelu' }, inputs: [floats(3)], output: [5], trainable: 25 },
    // Acts on the last axis of a sequence
    { params: { units: 5 }, inputs: [floats(10, 3)], output: [10, 5], trainable: 20 },
    { params: { units: 5 }, inputs: [floats(4, 4, 3)], output: [4, 4, 5], trainable: 20, warnings: ['dense.last-axis'] },
  ]);

  // prettier-ignore
  itRejects(denseKind, [
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['(100)', 'Embedding'] },
    { params: {}, inputs: [floats(5, null)], code: 'input.unknown-size', message: ['(5, ?)'] },
  ]);

  itRefusesParams(denseKind, [{ units: 0 }, { units: 2.5 }, { activation: 'swish' }, { unit: 3 }]);

  it('inlines built-in activations and splits the others into their own layer', () => {
    const relu = denseKind.toTfjs(denseKind.paramsSchema.parse({ units: 4, activation: 'relu' }), [
      floats(3),
    ]);
    expect(relu).toHaveLength(1);
    expect(relu[0]!.config).toMatchObject({ units: 4, activation: 'relu' });
    const prelu = denseKind.toTfjs(
      denseKind.paramsSchema.parse({ units: 4, activation: 'prelu' }),
      [floats(3)],
    );
    expect(prelu.map((l) => l.className)).toEqual(['Dense', 'PReLU']);
    expect(prelu[1]!.nameSuffix).toBe('_activation');
  });
});

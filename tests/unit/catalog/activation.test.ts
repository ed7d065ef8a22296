import { describe, expect, it } from 'vitest';
import { activationKind } from '../../../src/shared/catalog/kinds/activation';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

describe('Activation', () => {
  // prettier-ignore
  itInfersShapes(activationKind, [
    { params: {}, inputs: [floats(5)], output: [5], trainable: 0 },
    { params: { activation: 'softmax' }, inputs: [floats(10)], output: [10], trainable: 0 },
    { params: { activation: 'leakyRelu', leakyAlpha: 0.2 }, inputs: [floats(4, 4, 3)], output: [4, 4, 3], trainable: 0 },
    { params: { activation: 'step' }, inputs: [floats(3)], output: [3], trainable: 0 },
    { params: { activation: 'hardTanh' }, inputs: [floats(3)], output: [3], trainable: 0 },
    // PReLU learns one slope per input value
    { params: { activation: 'prelu' }, inputs: [floats(5)], output: [5], trainable: 5 },
    { params: { activation: 'prelu' }, inputs: [floats(4, 4, 3)], output: [4, 4, 3], trainable: 48 },
    { params: { activation: 'prelu' }, inputs: [floats(28, 28, 1)], output: [28, 28, 1], trainable: 784 },
  ]);

  // prettier-ignore
  itRejects(activationKind, [
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
    { params: { activation: 'prelu' }, inputs: [floats(null, 4)], code: 'input.unknown-size', message: ['PReLU', '(?, 4)'] },
  ]);

  itRefusesParams(activationKind, [{ activation: 'swish' }, { leakyAlpha: 2 }]);

  it('defaults to ReLU and becomes the matching TF.js layer', () => {
    const toTfjs = (params: Record<string, unknown>) =>
      activationKind.toTfjs(activationKind.paramsSchema.parse(params), [floats(5)]);
    expect(toTfjs({})).toEqual([{ className: 'Activation', config: { activation: 'relu' } }]);
    expect(toTfjs({ activation: 'prelu' })).toEqual([{ className: 'PReLU', config: {} }]);
    expect(toTfjs({ activation: 'leakyRelu', leakyAlpha: 0.3 })).toEqual([
      { className: 'LeakyReLU', config: { alpha: 0.3 } },
    ]);
    expect(toTfjs({ activation: 'step' })[0]!.nameSuffix).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { conv2dKind } from '../../../src/shared/catalog/kinds/conv2d';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// Weights = kh·kw·in_channels·filters + filters (bias); output side, per axis:
// valid: floor((n − ((k − 1)·d + 1)) / s) + 1, same: ceil(n / s).
describe('Conv2D', () => {
  // prettier-ignore
  itInfersShapes(conv2dKind, [
    // 3·3·3·12 + 12
    { params: { filters: 12, kernelSize: 3, padding: 'same' }, inputs: [floats(32, 32, 3)], output: [32, 32, 12], trainable: 336 },
    { params: { filters: 12, kernelSize: 3, padding: 'same', useBias: false }, inputs: [floats(32, 32, 3)], output: [32, 32, 12], trainable: 324 },
    // Defaults: 8 filters 3×3 valid: 28 − 3 + 1 = 26; 9·1·8 + 8
    { params: {}, inputs: [floats(28, 28, 1)], output: [26, 26, 8], trainable: 80 },
    // LeNet C1: 25·1·6 + 6
    { params: { filters: 6, kernelSize: 5 }, inputs: [floats(28, 28, 1)], output: [24, 24, 6], trainable: 156 },
    // Stride 2, valid: floor((28 − 3) / 2) + 1 = 13
    { params: { filters: 4, strides: 2 }, inputs: [floats(28, 28, 1)], output: [13, 13, 4], trainable: 40 },
    // Stride 2, same: ceil(28 / 2) = 14; ceil(5 / 2) = 3, ceil(7 / 2) = 4
    { params: { filters: 4, strides: 2, padding: 'same' }, inputs: [floats(28, 28, 1)], output: [14, 14, 4], trainable: 40 },
    { params: { filters: 4, strides: 2, padding: 'same' }, inputs: [floats(5, 7, 2)], output: [3, 4, 4], trainable: 76 },
    // Dilation 2: a 3×3 kernel spans 5×5, 28 − 5 + 1 = 24
    { params: { filters: 4, dilation: 2 }, inputs: [floats(28, 28, 1)], output: [24, 24, 4], trainable: 40, warnings: ['conv.dilation-not-trainable'] },
    // Rectangular kernel: 10 − 3 + 1, 12 − 5 + 1; 3·5·2·3 + 3
    { params: { filters: 3, kernelSize: [3, 5] }, inputs: [floats(10, 12, 2)], output: [8, 8, 3], trainable: 93 },
    // PReLU learns one slope per output value: 156 + 24·24·6
    { params: { filters: 6, kernelSize: 5, activation: 'prelu' }, inputs: [floats(28, 28, 1)], output: [24, 24, 6], trainable: 3612 },
  ]);

  // prettier-ignore
  itRejects(conv2dKind, [
    { params: { kernelSize: 5 }, inputs: [floats(4, 4, 1)], code: 'window.too-large', message: ['5×5 kernel', '4×4', 'padding "same"'] },
    { params: { kernelSize: 3, dilation: 3 }, inputs: [floats(6, 6, 1)], code: 'window.too-large', message: ['covering 7×7'] },
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['(784)', 'Add a Reshape to 28×28×1'] },
    { params: {}, inputs: [floats(3072)], code: 'input.rank', message: ['Add a Reshape to 32×32×3'] },
    { params: {}, inputs: [floats(20, 8)], code: 'input.rank', message: ['For a sequence use Conv1D'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
    { params: { strides: 2, dilation: 2 }, inputs: [floats(28, 28, 1)], code: 'conv.stride-and-dilation', message: ['Set one of them back to 1'] },
  ]);

  itRefusesParams(conv2dKind, [
    { filters: 0 },
    { kernelSize: [3, 3, 3] },
    { padding: 'full' },
    { bogus: 1 },
  ]);

  it('writes sizes per axis for TF.js', () => {
    const params = conv2dKind.paramsSchema.parse({ filters: 12, kernelSize: 3, padding: 'same' });
    const [layer] = conv2dKind.toTfjs(params, [floats(32, 32, 3)]);
    expect(layer).toMatchObject({
      className: 'Conv2D',
      config: { filters: 12, kernelSize: [3, 3], strides: [1, 1], padding: 'same' },
    });
  });
});

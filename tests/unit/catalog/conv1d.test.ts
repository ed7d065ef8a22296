import { describe, expect, it } from 'vitest';
import { conv1dKind } from '../../../src/shared/catalog/kinds/conv1d';
import { floats, itInfersShapes, itRejects, tokens } from './infer-helper';

// Weights = k·in_channels·filters + filters.
describe('Conv1D', () => {
  // prettier-ignore
  itInfersShapes(conv1dKind, [
    // 100 − 5 + 1 = 96; 5·16·8 + 8
    { params: { filters: 8, kernelSize: 5 }, inputs: [floats(100, 16)], output: [96, 8], trainable: 648 },
    // Defaults: 8 filters, kernel 3: 20 − 3 + 1 = 18; 3·1·8 + 8
    { params: {}, inputs: [floats(20, 1)], output: [18, 8], trainable: 32 },
    // same, stride 2: ceil(15 / 2) = 8; 3·4·2 + 2
    { params: { filters: 2, strides: 2, padding: 'same' }, inputs: [floats(15, 4)], output: [8, 2], trainable: 26 },
    // Dilation 2 spans 5: 10 − 5 + 1 = 6; 3·1·1 + 1
    { params: { filters: 1, dilation: 2 }, inputs: [floats(10, 1)], output: [6, 1], trainable: 4, warnings: ['conv.dilation-not-trainable'] },
    // Text CNN over embedded words: 100 − 3 + 1 = 98; 3·16·32 + 32
    { params: { filters: 32, activation: 'relu' }, inputs: [floats(100, 16)], output: [98, 32], trainable: 1568 },
  ]);

  // prettier-ignore
  itRejects(conv1dKind, [
    { params: { kernelSize: 5 }, inputs: [floats(3, 2)], code: 'window.too-large', message: ['5 kernel', 'only 3'] },
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['(784)', 'Add a Reshape to 784×1'] },
    { params: {}, inputs: [floats(28, 28, 1)], code: 'input.rank', message: ['For an image use Conv2D'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Put an Embedding before it'] },
  ]);

  it('passes single numbers to TF.js', () => {
    const params = conv1dKind.paramsSchema.parse({ filters: 8, kernelSize: 5 });
    expect(conv1dKind.toTfjs(params, [floats(100, 16)])[0]).toMatchObject({
      className: 'Conv1D',
      config: { filters: 8, kernelSize: 5, strides: 1, dilationRate: 1 },
    });
  });
});

import { describe } from 'vitest';
import { conv2dTransposeKind } from '../../../src/shared/catalog/kinds/conv2d-transpose';
import { floats, itInfersShapes, itRefusesParams, itRejects, tokens } from './infer-helper';

// Weights = kh·kw·filters·in_channels + filters (bias); output side, per axis:
// valid: n·s + max(k − s, 0), same: n·s (the inverse of a strided convolution).
describe('Conv2DTranspose', () => {
  // prettier-ignore
  itInfersShapes(conv2dTransposeKind, [
    // Defaults: 8 filters 3×3, stride 2, valid: 7·2 + (3 − 2) = 15; 9·8·16 + 8
    { params: {}, inputs: [floats(7, 7, 16)], output: [15, 15, 8], trainable: 1160 },
    // Same: 7·2 = 14 (the decoder step back from a 2×2 pooling); 9·1·8 + 1
    { params: { filters: 1, padding: 'same' }, inputs: [floats(7, 7, 8)], output: [14, 14, 1], trainable: 73 },
    // Stride 1, valid: n + k − 1 (a full convolution): 5 + 3 − 1 = 7; 9·4·2 + 4
    { params: { filters: 4, strides: 1 }, inputs: [floats(5, 5, 2)], output: [7, 7, 4], trainable: 76 },
    // Kernel smaller than the stride: 3·3 + max(2 − 3, 0) = 9, gaps between patches
    { params: { filters: 2, kernelSize: 2, strides: 3 }, inputs: [floats(3, 3, 1)], output: [9, 9, 2], trainable: 10 },
    // Per-axis sizes: 4·1 + (3 − 1) = 6, 5·2 + 0 = 10; 3·2·2·3 + 2, no bias: − 2
    { params: { filters: 2, kernelSize: [3, 2], strides: [1, 2], useBias: false }, inputs: [floats(4, 5, 3)], output: [6, 10, 2], trainable: 36 },
    // PReLU: one slope per output value on top: 1160 + 15·15·8
    { params: { activation: 'prelu' }, inputs: [floats(7, 7, 16)], output: [15, 15, 8], trainable: 2960 },
  ]);

  // prettier-ignore
  itRejects(conv2dTransposeKind, [
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['(784)', 'Add a Reshape to 28×28×1'] },
    { params: {}, inputs: [floats(20, 8)], code: 'input.rank', message: ['For a sequence use Conv1D'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
  ]);

  itRefusesParams(conv2dTransposeKind, [
    { filters: 0 },
    { kernelSize: [3, 3, 3] },
    { strides: 0 },
    { padding: 'causal' },
    { dilation: 2 },
  ]);
});

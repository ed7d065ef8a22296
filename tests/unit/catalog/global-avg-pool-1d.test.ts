import { describe } from 'vitest';
import { globalAvgPool1dKind } from '../../../src/shared/catalog/kinds/global-avg-pool-1d';
import { floats, itInfersShapes, itRejects, tokens } from './infer-helper';

describe('GlobalAvgPool1D', () => {
  // prettier-ignore
  itInfersShapes(globalAvgPool1dKind, [
    { params: {}, inputs: [floats(10, 4)], output: [4], trainable: 0 },
    { params: {}, inputs: [floats(null, 16)], output: [16], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(globalAvgPool1dKind, [
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['Add a Reshape to 784×1'] },
    { params: {}, inputs: [floats(7, 7, 64)], code: 'input.rank', message: ['For an image use GlobalAvgPool2D'] },
    { params: {}, inputs: [tokens(100)], code: 'input.tokens', message: ['Embedding'] },
  ]);
});

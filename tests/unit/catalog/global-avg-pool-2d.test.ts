import { describe, expect, it } from 'vitest';
import { globalAvgPool2dKind } from '../../../src/shared/catalog/kinds/global-avg-pool-2d';
import { floats, itInfersShapes, itRejects } from './infer-helper';

describe('GlobalAvgPool2D', () => {
  // prettier-ignore
  itInfersShapes(globalAvgPool2dKind, [
    { params: {}, inputs: [floats(7, 7, 64)], output: [64], trainable: 0 },
    { params: {}, inputs: [floats(1, 1, 10)], output: [10], trainable: 0 },
  ]);

  // prettier-ignore
  itRejects(globalAvgPool2dKind, [
    { params: {}, inputs: [floats(20, 8)], code: 'input.rank', message: ['For a sequence use GlobalAvgPool1D'] },
    { params: {}, inputs: [floats(784)], code: 'input.rank', message: ['Add a Reshape to 28×28×1'] },
  ]);

  it('becomes GlobalAveragePooling2D', () => {
    expect(globalAvgPool2dKind.toTfjs({}, [floats(7, 7, 64)])).toEqual([
      { className: 'GlobalAveragePooling2D', config: {} },
    ]);
  });
});

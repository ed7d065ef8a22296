import { describe } from 'vitest';
import { outputKind } from '../../../src/shared/catalog/kinds/output';
import { floats, itInfersShapes, itRefusesParams } from './infer-helper';

describe('Output', () => {
  // prettier-ignore
  itInfersShapes(outputKind, [
    { params: {}, inputs: [floats(10)], output: [10], trainable: 0 },
    { params: { task: 'regression', loss: 'meanSquaredError' }, inputs: [floats(1)], output: [1], trainable: 0 },
    { params: { task: 'reconstruction', loss: 'binaryCrossentropy' }, inputs: [floats(28, 28, 1)], output: [28, 28, 1], trainable: 0 },
    { params: { task: 'regression', loss: 'categoricalCrossentropy' }, inputs: [floats(3)], output: [3], trainable: 0, warnings: ['output.loss-task'] },
    { params: {}, inputs: [floats(1)], output: [1], trainable: 0, warnings: ['output.one-class'] },
    { params: { loss: 'binaryCrossentropy' }, inputs: [floats(1)], output: [1], trainable: 0 },
  ]);

  itRefusesParams(outputKind, [{ task: 'clustering' }, { loss: 'kld' }]);
});

import { describe, expect, it } from 'vitest';
import {
  firstEpochRates,
  formatRate,
} from '../../../src/renderer/src/training/model/schedule-preview';
import { trainingConfigSchema } from '../../../src/shared/training/config';

const config = (input: Record<string, unknown>) => trainingConfigSchema.parse(input);

describe('the learning rates shown under the schedule before training', () => {
  it('are the course notes’ decay example: α₀ = 0.2, decay 1', () => {
    const notes = config({
      optimizer: { type: 'sgd', learningRate: 0.2 },
      schedule: { type: 'inverseTime', decay: 1 },
    });
    expect(firstEpochRates(notes)).toBe(
      'epoch 1: 0.1 · epoch 2: 0.067 · epoch 3: 0.05 · epoch 4: 0.04',
    );
  });

  it('follow every schedule, and stop at the number of epochs', () => {
    const step = config({
      epochs: 3,
      optimizer: { type: 'adam', learningRate: 0.01 },
      schedule: { type: 'step', every: 2, factor: 0.5 },
    });
    expect(firstEpochRates(step)).toBe('epoch 1: 0.01 · epoch 2: 0.01 · epoch 3: 0.005');
    const decay = config({
      optimizer: { type: 'sgd', learningRate: 0.5 },
      schedule: { type: 'inverseTime', decay: 0.25 },
    });
    // 0.5/1.25, 0.5/1.5, 0.5/1.75, 0.5/2
    expect(firstEpochRates(decay)).toBe(
      'epoch 1: 0.4 · epoch 2: 0.33 · epoch 3: 0.29 · epoch 4: 0.25',
    );
  });

  it('round to two significant figures, small rates included', () => {
    expect(formatRate(0.2 / 3)).toBe('0.067');
    expect(formatRate(0.001 / 1.01)).toBe('0.00099');
    expect(formatRate(0.1)).toBe('0.1');
  });
});

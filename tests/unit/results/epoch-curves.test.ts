import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../src/shared/api/records';
import { epochCurves } from '../../../src/main/results/epoch-curves';

function record(epoch: number, values: Partial<EpochRecord> = {}): EpochRecord {
  return {
    epoch,
    fold: null,
    loss: 1 / epoch,
    metrics: { accuracy: 0.5, precision: 0.4 },
    validationLoss: null,
    validationMetrics: null,
    learningRate: 0.01,
    elapsedMs: 10,
    ...values,
  };
}

describe('the curves of a run', () => {
  it('plots loss and accuracy, training and validation, at each epoch', () => {
    const curves = epochCurves([
      record(1, { validationLoss: 2, validationMetrics: { accuracy: 0.25 } }),
      record(2, { validationLoss: 1, validationMetrics: { accuracy: 0.75 } }),
    ]);
    expect(curves.metric).toBe('accuracy');
    expect(curves.points).toEqual([
      { chart: 'loss', part: 'Training', epoch: 1, value: 1 },
      { chart: 'loss', part: 'Validation', epoch: 1, value: 2 },
      { chart: 'metric', part: 'Training', epoch: 1, value: 0.5 },
      { chart: 'metric', part: 'Validation', epoch: 1, value: 0.25 },
      { chart: 'loss', part: 'Training', epoch: 2, value: 0.5 },
      { chart: 'loss', part: 'Validation', epoch: 2, value: 1 },
      { chart: 'metric', part: 'Training', epoch: 2, value: 0.5 },
      { chart: 'metric', part: 'Validation', epoch: 2, value: 0.75 },
    ]);
  });

  it('lays the folds of k-fold cross-validation one after another, as the app draws them', () => {
    const curves = epochCurves([
      record(1, { fold: 1 }),
      record(2, { fold: 1 }),
      record(1, { fold: 2 }),
      record(2, { fold: 2 }),
    ]);
    expect(curves.folds).toBe(2);
    expect(
      curves.points.filter((point) => point.chart === 'loss').map((point) => point.epoch),
    ).toEqual([1, 2, 3, 4]);
  });

  it('leaves out numbers that are not numbers (a loss that blew up)', () => {
    const curves = epochCurves([record(1), record(2, { loss: Number.NaN })]);
    expect(
      curves.points.filter((point) => point.chart === 'loss').map((point) => point.epoch),
    ).toEqual([1]);
  });

  it('shows the error for a regression', () => {
    expect(epochCurves([record(1, { metrics: { mse: 2, mae: 1 } })]).metric).toBe('mae');
  });
});

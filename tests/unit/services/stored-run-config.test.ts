import { describe, expect, it } from 'vitest';
import { storedRunConfig } from '../../../src/main/services/store/run-rows';

describe('settings of runs stored before a setting existed', () => {
  it('keep the momentum those runs were trained with: the Keras and TF.js sum', () => {
    const config = storedRunConfig({
      optimizer: { type: 'sgd', learningRate: 0.1, momentum: 0.9 },
    });
    expect(config.optimizer).toEqual({
      type: 'sgd',
      learningRate: 0.1,
      momentum: 0.9,
      momentumForm: 'sum',
    });
  });

  it('did not look inside while training, which came later', () => {
    expect(storedRunConfig({ epochs: 7 }).liveInside).toBe(false);
    expect(storedRunConfig({ epochs: 7, liveInside: true }).liveInside).toBe(true);
  });

  it('take today’s defaults for the rest, and keep what they stored', () => {
    const config = storedRunConfig({ epochs: 7, optimizer: { type: 'adam', learningRate: 0.01 } });
    expect(config).toMatchObject({
      epochs: 7,
      stratify: false,
      optimizer: { type: 'adam', learningRate: 0.01 },
    });
  });

  it('pass a damaged row on as stored rather than fail to open the run', () => {
    expect(storedRunConfig({ epochs: -1 })).toEqual({ epochs: -1 });
  });
});

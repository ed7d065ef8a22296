import { describe, expect, it } from 'vitest';
import { settingsThatDiffer } from '../../../src/renderer/src/training/model/run-differences';
import { DEFAULT_TRAINING_CONFIG } from '../../../src/shared/api/project-settings';
import type { TrainingConfig } from '../../../src/shared/training/config';

/** The runs comparison lists the settings the compared runs did not share. */

const base: TrainingConfig = DEFAULT_TRAINING_CONFIG;

describe('settingsThatDiffer', () => {
  it('lists only what differs, with every run’s value', () => {
    const sgd: TrainingConfig = {
      ...base,
      epochs: base.epochs * 2,
      optimizer: { type: 'sgd', learningRate: 10, momentum: 0, momentumForm: 'average' },
    };
    const differences = settingsThatDiffer([base, sgd]);
    const byLabel = new Map(differences.map((d) => [d.label, d.values]));
    expect(byLabel.get('Epochs')).toEqual([String(base.epochs), String(base.epochs * 2)]);
    expect(byLabel.get('Optimizer')).toEqual(['adam', 'sgd']);
    expect(byLabel.get('Learning rate')).toEqual([String(base.optimizer.learningRate), '10']);
    // Adam's β₁ has no counterpart in SGD.
    expect(byLabel.get('Beta 1 (β₁)')).toEqual(['0.9', '–']);
    expect(byLabel.has('Batch size')).toBe(false);
  });

  it('names the data sets and splits in words, and is empty for the same settings', () => {
    const held: TrainingConfig = { ...base, validation: { kind: 'none' } };
    expect(settingsThatDiffer([base, held], ['XOR gate', 'Iris flowers'])).toEqual([
      { label: 'Data set', values: ['XOR gate', 'Iris flowers'] },
      { label: 'Validation data', values: ['hold out 20%', 'none'] },
    ]);
    expect(settingsThatDiffer([base, { ...base }], ['XOR gate', 'XOR gate'])).toEqual([]);
  });
});

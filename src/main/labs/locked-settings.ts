import type { DatasetSpec } from '../../shared/data/dataset-spec';
import type { LabDocument, LockableSetting } from '../../shared/labs/lab-document';
import type { TrainingConfig } from '../../shared/training/config';
import { labTrainingConfig } from './lab-start';

const SETTING_WORDS: Readonly<Record<LockableSetting, string>> = {
  data: 'the data set',
  epochs: 'the number of epochs',
  batchSize: 'the batch size',
  optimizer: 'the optimizer',
  learningRate: 'the learning rate',
  schedule: 'the learning-rate schedule',
  validation: 'the validation part',
  test: 'the test part',
  kFold: 'k-fold cross-validation',
  seed: 'the random seed',
  earlyStopping: 'early stopping',
  shuffle: 'shuffling',
};

function valueOf(setting: LockableSetting, data: DatasetSpec, config: TrainingConfig): unknown {
  switch (setting) {
    case 'data':
      return data;
    case 'learningRate':
      return config.optimizer.learningRate;
    case 'optimizer': {
      // The optimizer's kind and its own settings; the learning rate is a setting of its own.
      const { learningRate: _rate, ...rest } = config.optimizer;
      return rest;
    }
    default:
      return config[setting];
  }
}

/**
 * The settings a lab locks that a run would change, in words ("the data set", "the batch
 * size"); empty when the run keeps every locked one.
 */
export function changedLockedSettings(
  lab: LabDocument,
  data: DatasetSpec,
  config: TrainingConfig,
): string[] {
  const wanted = labTrainingConfig(lab);
  return lab.locked
    .filter(
      (setting) =>
        canonical(valueOf(setting, data, config)) !== canonical(valueOf(setting, lab.data, wanted)),
    )
    .map((setting) => SETTING_WORDS[setting]);
}

/** JSON with sorted keys, so the same value written in another order compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

import type { LockableSetting } from '../../../shared/labs/lab-document';

/**
 * Which fields of the Training tab's form each lockable setting covers. A form key is the
 * draft's ('optimizer.learningRate'); a setting ending in '.' covers every key under it.
 */
const FORM_KEYS: Readonly<Record<Exclude<LockableSetting, 'data'>, readonly string[]>> = {
  epochs: ['epochs'],
  batchSize: ['batchSize', 'batchFull'],
  // The optimizer's kind and its own settings; the learning rate is a setting of its own
  // (as main compares them: src/main/labs/locked-settings.ts).
  optimizer: ['optimizer.'],
  learningRate: ['optimizer.learningRate'],
  schedule: ['schedule.'],
  validation: ['validation.'],
  test: ['test.'],
  kFold: ['kFold'],
  seed: ['seed'],
  earlyStopping: ['earlyStopping.'],
  shuffle: ['shuffle'],
};

/** Tells whether a form field is set by the lab, from the lab's locked settings. */
export function lockedFieldTest(locked: readonly LockableSetting[]): (formKey: string) => boolean {
  const prefixes = locked.flatMap((setting) => (setting === 'data' ? [] : FORM_KEYS[setting]));
  const learningRateFree = !locked.includes('learningRate');
  return (formKey) => {
    if (formKey === 'optimizer.learningRate' && learningRateFree) return false;
    return prefixes.some((prefix) =>
      prefix.endsWith('.') ? formKey.startsWith(prefix) : formKey === prefix,
    );
  };
}

/** What a locked field's padlock says when pointed at. */
export const SET_BY_THE_LAB = 'Set by the lab';

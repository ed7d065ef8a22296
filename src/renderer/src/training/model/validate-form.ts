import type { z } from 'zod';
import { DEFAULT_TRAINING_CONFIG } from '../../../../shared/api/project-settings';
import { trainingConfigSchema, type TrainingConfig } from '../../../../shared/training/config';
import {
  CLIPPING_FIELDS,
  NUMBER_FIELDS,
  OPTIMIZER_FIELDS,
  SCHEDULE_FIELDS,
  formatNumber,
  type ClippingType,
  type FormDraft,
  type OptimizerType,
  type ScheduleType,
} from './form-fields';

export interface FormCheck {
  /** The config to train with, when every field is valid. */
  readonly config: TrainingConfig | undefined;
  /** Field key → what is wrong and what to do, in words for the student. */
  readonly errors: Readonly<Record<string, string>>;
}

function labelOf(key: string): string {
  return NUMBER_FIELDS[key]?.label ?? key;
}

/** Reads typed text as a number; a decimal comma ("0,01") is accepted as students type it. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Text that is no number, said for its field: a whole-number field asks for a whole number,
 * and the example is the field's usual value (epochs: 20), not one that would not fit it.
 */
function notANumber(key: string, raw: string): string {
  const example = exampleOf(key);
  if (NUMBER_FIELDS[key]?.integer) {
    return `${labelOf(key)} must be a whole number, such as ${example ?? 10} (not “${raw}”).`;
  }
  return `“${raw}” is not a number. Enter one such as ${example ?? 0.5}.`;
}

/** The default value of a field, written as the form writes numbers. */
function exampleOf(key: string): string | undefined {
  let value: unknown = DEFAULT_TRAINING_CONFIG;
  for (const part of key.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof value === 'number' && value > 0 ? formatNumber(value) : undefined;
}

/** A schema issue on a number field, said for the student. */
export function explainIssue(key: string, issue: z.core.$ZodIssue): string {
  const label = labelOf(key);
  if (issue.code === 'invalid_type' && issue.expected === 'int') {
    return `${label} must be a whole number.`;
  }
  if (issue.code === 'too_small') {
    const min = formatNumber(Number(issue.minimum));
    return issue.inclusive
      ? `${label} must be at least ${min}.`
      : `${label} must be greater than ${min}.`;
  }
  if (issue.code === 'too_big') {
    const max = formatNumber(Number(issue.maximum));
    return issue.inclusive
      ? `${label} must be at most ${max}.`
      : `${label} must be less than ${max}.`;
  }
  return `${label} is not valid: ${issue.message}`;
}

/**
 * Turns the draft into a training config, or says at each field what is wrong. Uses the same
 * schema main checks with, plus the checks that need two fields at once.
 */
export function checkForm(draft: FormDraft): FormCheck {
  const errors: Record<string, string> = {};
  const text = (key: string): string => String(draft[key] ?? '');
  const flag = (key: string): boolean => draft[key] === true;
  const number = (key: string): number | undefined => {
    const raw = text(key);
    if (raw.trim() === '') {
      errors[key] = `Enter a value for ${labelOf(key)}.`;
      return undefined;
    }
    const value = readNumber(raw);
    if (value === undefined) errors[key] = notANumber(key, raw);
    return value;
  };
  const fields = (group: string, names: readonly string[]) =>
    Object.fromEntries(names.map((name) => [name, number(`${group}.${name}`)]));

  const optimizerType = text('optimizer.type') as OptimizerType;
  const scheduleType = text('schedule.type') as ScheduleType;
  const clippingType = text('clipping.type') as ClippingType;
  const split = (group: 'validation' | 'test') => {
    const kind = text(`${group}.kind`);
    return kind === 'split' ? { kind, fraction: number(`${group}.fraction`) } : { kind };
  };
  const input = {
    epochs: number('epochs'),
    batchSize: flag('batchFull') ? 'full' : number('batchSize'),
    shuffle: flag('shuffle'),
    validation: split('validation'),
    test: split('test'),
    kFold: number('kFold'),
    stratify: flag('stratify'),
    seed: number('seed'),
    optimizer: {
      type: optimizerType,
      ...fields('optimizer', OPTIMIZER_FIELDS[optimizerType] ?? []),
      ...(optimizerType === 'sgd' ? { momentumForm: text('optimizer.momentumForm') } : {}),
    },
    schedule: { type: scheduleType, ...fields('schedule', SCHEDULE_FIELDS[scheduleType] ?? []) },
    clipping: { type: clippingType, ...fields('clipping', CLIPPING_FIELDS[clippingType] ?? []) },
    earlyStopping: {
      enabled: flag('earlyStopping.enabled'),
      monitor: text('earlyStopping.monitor'),
      patience: number('earlyStopping.patience'),
      minDelta: number('earlyStopping.minDelta'),
      restoreBestWeights: flag('earlyStopping.restoreBestWeights'),
    },
    augmentation: {
      shift: number('augmentation.shift'),
      flipHorizontal: flag('augmentation.flipHorizontal'),
      rotation: number('augmentation.rotation'),
      noise: number('augmentation.noise'),
    },
    liveInside: flag('liveInside'),
    batchEventInterval: number('batchEventInterval'),
  };
  const parsed = trainingConfigSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      // A field that could not be read already says so; the schema would only repeat it.
      errors[key] ??= explainIssue(key, issue);
    }
  }
  const config = parsed.success ? parsed.data : undefined;
  if (config) crossFieldErrors(config, errors);
  return { config: Object.keys(errors).length === 0 ? config : undefined, errors };
}

/** Values each valid on their own that cannot go together. */
function crossFieldErrors(config: TrainingConfig, errors: Record<string, string>): void {
  if (config.kFold === 1) {
    errors['kFold'] = 'k-fold needs at least 2 folds. Enter 0 to train one network without folds.';
  }
  const validates = config.validation.kind !== 'none' || config.kFold >= 2;
  if (
    config.earlyStopping.enabled &&
    config.earlyStopping.monitor.startsWith('val_') &&
    !validates
  ) {
    errors['earlyStopping.monitor'] =
      'Early stopping watches a validation number, but no validation data is held out. Hold out a validation fraction, or watch a training number.';
  }
  if (config.validation.kind === 'split' && config.test.kind === 'split') {
    const heldOut = config.validation.fraction + config.test.fraction;
    if (heldOut >= 0.95) {
      errors['test.fraction'] =
        `Validation and test together hold out ${Math.round(heldOut * 100)}% of the examples, leaving almost nothing to train on. Keep them below 95% together.`;
    }
  }
}

/** Validates a learning rate typed while training; the trainer accepts 0 < α ≤ 10. */
export function learningRateProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Enter a learning rate such as 0.001.';
  const value = readNumber(text);
  if (value === undefined) return `“${text}” is not a number. Enter one such as 0.001.`;
  if (value <= 0) return 'The learning rate must be greater than 0.';
  if (value > 10) return 'The learning rate must be at most 10.';
  return undefined;
}

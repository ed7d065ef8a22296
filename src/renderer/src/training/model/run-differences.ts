import type { TrainingConfig } from '../../../../shared/training/config';
import { NUMBER_FIELDS } from './form-fields';

/** One setting that not every compared run shared, with each run's value in words. */
export interface SettingDifference {
  readonly label: string;
  readonly values: readonly string[];
}

/** Names the form does not give as a number field (choices, switches, whole parts). */
const LABELS: Readonly<Record<string, string>> = {
  'optimizer.type': 'Optimizer',
  'schedule.type': 'Learning-rate schedule',
  'clipping.type': 'Gradient clipping',
  'earlyStopping.enabled': 'Early stopping',
  'earlyStopping.monitor': 'Early stopping watches',
  'earlyStopping.restoreBestWeights': 'Keep the best weights',
  'augmentation.flipHorizontal': 'Flip horizontally',
  shuffle: 'Shuffle',
  stratify: 'Stratified',
  validation: 'Validation data',
  test: 'Test data',
  liveInside: 'Look inside while training',
};

/** Settings only about how the run is shown, not how it learns. */
const IGNORED = new Set(['batchEventInterval']);

/**
 * The settings that differ between runs, in the order the form lists them, each with every
 * run's value: what a comparison of their curves needs beside it. Settings shared by all the
 * runs are left out; a setting a run does not have (another optimizer's β₁) reads "–".
 */
export function settingsThatDiffer(
  configs: readonly TrainingConfig[],
  data: readonly string[] = [],
): SettingDifference[] {
  const flat = configs.map((config) => flatten(config));
  const keys = [...new Set(flat.flatMap((f) => [...f.keys()]))].filter((key) => !IGNORED.has(key));
  const differences: SettingDifference[] = [];
  if (new Set(data).size > 1) differences.push({ label: 'Data set', values: data });
  for (const key of keys) {
    const values = flat.map((f) => (f.has(key) ? describe(f.get(key)) : '–'));
    if (new Set(values).size > 1) differences.push({ label: labelOf(key), values });
  }
  return differences;
}

function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()) {
  const isSplit =
    typeof value === 'object' && value !== null && 'kind' in (value as Record<string, unknown>);
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !isSplit) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
    }
  } else {
    into.set(prefix, value);
  }
  return into;
}

function labelOf(key: string): string {
  return NUMBER_FIELDS[key]?.label ?? LABELS[key] ?? key;
}

function describe(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === 'full' ? 'full batch' : value;
  if (typeof value === 'object' && value !== null && 'kind' in value) {
    const split = value as { kind: string; fraction?: number };
    if (split.kind === 'split') return `hold out ${Math.round((split.fraction ?? 0) * 100)}%`;
    return split.kind === 'dataset' ? "the data set's own" : 'none';
  }
  return JSON.stringify(value);
}

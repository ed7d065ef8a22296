import { z } from 'zod';
import { datasetSpecSchema, type DatasetSpec } from '../data/dataset-spec';
import { backendChoiceSchema, type BackendChoice } from '../training/backends';
import { trainingConfigSchema, type TrainingConfig } from '../training/config';

/**
 * What a project remembers besides its network: the data set chosen in the data panel, the
 * training form and the backend. Stored as free JSON (`settings.save`), so reading it back
 * must survive an older or hand-edited value: each part is checked on its own and a part that
 * no longer fits is replaced by its default, with a note saying so, never by a crash.
 */
export interface ProjectSettings {
  /** The chosen data set, or none yet. */
  readonly data: DatasetSpec | undefined;
  readonly training: TrainingConfig;
  readonly backend: BackendChoice;
  /** The template the project was created from, for per-template defaults. */
  readonly template: string | undefined;
}

export const DEFAULT_TRAINING_CONFIG: TrainingConfig = trainingConfigSchema.parse({});

export interface ReadSettingsResult {
  readonly settings: ProjectSettings;
  /** Parts that were stored but could not be used, as sentences for the user. */
  readonly dropped: readonly string[];
}

/** Reads stored settings leniently: bad parts become defaults and are named in `dropped`. */
export function readProjectSettings(stored: Readonly<Record<string, unknown>>): ReadSettingsResult {
  const dropped: string[] = [];
  const part = <T>(key: string, schema: z.ZodType<T>, what: string, fallback: T): T => {
    if (stored[key] === undefined) return fallback;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) return parsed.data;
    dropped.push(`The saved ${what} could not be read and was reset to the defaults.`);
    return fallback;
  };
  return {
    settings: {
      data: part('data', datasetSpecSchema.optional(), 'data set choice', undefined),
      training: part(
        'training',
        trainingConfigSchema,
        'training settings',
        DEFAULT_TRAINING_CONFIG,
      ),
      backend: part('backend', backendChoiceSchema, 'backend choice', 'auto'),
      template: part('template', z.string().optional(), 'template name', undefined),
    },
    dropped,
  };
}

/** The JSON `settings.save` stores. */
export function storedProjectSettings(settings: ProjectSettings): Record<string, unknown> {
  return {
    ...(settings.data ? { data: settings.data } : {}),
    training: settings.training,
    backend: settings.backend,
    ...(settings.template ? { template: settings.template } : {}),
  };
}

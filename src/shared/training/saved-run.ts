import { z } from 'zod';
import { datasetSpecSchema } from '../data/dataset-spec';
import { trainingConfigSchema } from './config';

/**
 * `training.json`, saved beside a trained model (model.json, weights.bin) and the network it was
 * trained on (network.json): how it was trained, so `neurite predict`, `evaluate` and
 * `explain` read the data exactly as training did (the same split, the same scaling learnt
 * from the same training rows, the same words for the same ids) and name the classes.
 */
export const SAVED_RUN_FORMAT = 'neurite-training';
export const SAVED_RUN_VERSION = 1;

export const savedRunSchema = z.strictObject({
  format: z.literal(SAVED_RUN_FORMAT),
  version: z.literal(SAVED_RUN_VERSION),
  data: datasetSpecSchema,
  config: trainingConfigSchema,
  dataset: z.strictObject({
    title: z.string(),
    classNames: z.array(z.string()).optional(),
    /** Text sets: the vocabulary of the training texts, the word with id 2 first. */
    vocabulary: z.array(z.string()).optional(),
  }),
});

export type SavedRun = z.output<typeof savedRunSchema>;
export type SavedRunInput = z.input<typeof savedRunSchema>;

/** The files of a saved model folder. */
export const SAVED_MODEL_FILES = {
  topology: 'model.json',
  weights: 'weights.bin',
  network: 'network.json',
  training: 'training.json',
  metrics: 'metrics.json',
} as const;

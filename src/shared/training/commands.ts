import { z } from 'zod';
import { datasetSpecSchema } from '../data/dataset-spec';
import { backendChoiceSchema } from './backends';
import { trainingConfigSchema } from './config';

/** One training run, as main hands it to a trainer process. */
export const trainingJobSchema = z.strictObject({
  /** The graph document, unparsed: the trainer parses and analyses it again. */
  graph: z.unknown(),
  data: datasetSpecSchema,
  /** Used when config.validation is { kind: "dataset" }. */
  validationData: datasetSpecSchema.optional(),
  /** Used when config.test is { kind: "dataset" } and the data set has no test part of its own. */
  testData: datasetSpecSchema.optional(),
  config: trainingConfigSchema.default(trainingConfigSchema.parse({})),
  backend: backendChoiceSchema,
  /** Folder for the trained model (TF.js layers format) and metrics.json. */
  outDir: z.string().min(1).optional(),
  /**
   * A folder of weights to start from instead of the initializers' (model.json with its weights
   * manifest, and weights.bin): a project's imported weights. A layer they hold no weights for,
   * added or changed since, starts from its initializers.
   */
  startingWeights: z.string().min(1).optional(),
});
export type TrainingJob = z.output<typeof trainingJobSchema>;
export type TrainingJobInput = z.input<typeof trainingJobSchema>;

/** What the user may tell a running trainer. */
export const runControlSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('stop') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  /** While paused: train exactly one batch, then pause again. */
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('setLearningRate'), value: z.number().positive().max(10) }),
]);
export type RunControl = z.output<typeof runControlSchema>;

/** What a host may tell a trainer process: start one job, then controls. */
export const trainerCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), job: trainingJobSchema }),
  ...runControlSchema.options,
]);
export type TrainerCommand = z.output<typeof trainerCommandSchema>;

import { z } from 'zod';
import { datasetInfoSchema } from '../data/dataset-info';
import { backendReportSchema } from './backends';
import { liveInsideEventSchema } from './live-inside';

/**
 * What a trainer process reports, in order: started, then batch/epoch (and checkpoint and
 * inside) events, then exactly one of finished, stopped or failed. Validated on receipt by the
 * host.
 */
const metrics = z.record(z.string(), z.number());

const confusionMatrixSchema = z.strictObject({
  /** Class names; rows are the true class, columns the predicted class. */
  labels: z.array(z.string()),
  counts: z.array(z.array(z.number().int().min(0))),
});
export type ConfusionMatrix = z.output<typeof confusionMatrixSchema>;

const evaluationSchema = z.strictObject({
  loss: z.number(),
  metrics,
  confusionMatrix: confusionMatrixSchema.optional(),
});
export type Evaluation = z.output<typeof evaluationSchema>;

export const trainerEventSchema = z.discriminatedUnion('type', [
  /**
   * From main, not a trainer: more runs were started than may train at once, so this one waits
   * for a free core, its trainer not started yet. Sent again whenever its place in line changes.
   */
  z.strictObject({
    type: z.literal('queued'),
    /** 1 for the next run to start. */
    position: z.number().int().min(1),
    /** How many runs may train at once on this computer. */
    limit: z.number().int().min(1),
  }),
  z.strictObject({
    type: z.literal('started'),
    backend: backendReportSchema,
    parameters: z.strictObject({ trainable: z.number(), nonTrainable: z.number() }),
    samples: z.strictObject({ train: z.number(), validation: z.number(), test: z.number() }),
    dataset: datasetInfoSchema,
    /** k-fold: which fold this is (1-based) of how many. */
    fold: z.strictObject({ index: z.number(), of: z.number() }).optional(),
    /** The loss the run minimises and reports, by name (absent in runs stored before). */
    lossName: z.string().optional(),
    notes: z.array(z.string()),
  }),
  z.strictObject({
    type: z.literal('batch'),
    epoch: z.number().int(),
    batch: z.number().int(),
    batchesPerEpoch: z.number().int(),
    loss: z.number(),
    samplesPerSecond: z.number(),
    learningRate: z.number(),
  }),
  z.strictObject({
    type: z.literal('epoch'),
    epoch: z.number().int(),
    epochs: z.number().int(),
    loss: z.number(),
    metrics,
    validation: evaluationSchema.optional(),
    learningRate: z.number(),
    elapsedMs: z.number(),
    fold: z.number().int().optional(),
  }),
  /** After an epoch: saliency maps of a few fixed examples and the decision boundary. */
  liveInsideEventSchema,
  z.strictObject({
    type: z.literal('checkpoint'),
    epoch: z.number().int(),
    reason: z.enum(['best', 'final']),
    /** Where the weights were saved, when the run has an output folder. */
    path: z.string().optional(),
  }),
  /** Paused before this batch of this epoch: every batch before it is trained and reported. */
  z.strictObject({
    type: z.literal('paused'),
    epoch: z.number().int(),
    batch: z.number().int(),
    /** Absent in runs stored before it was added. */
    batchesPerEpoch: z.number().int().optional(),
  }),
  z.strictObject({ type: z.literal('resumed') }),
  z.strictObject({
    type: z.literal('finished'),
    epochsRun: z.number().int(),
    /** Set when early stopping ended the run before the last epoch. */
    stoppedEarly: z
      .strictObject({ epoch: z.number().int(), bestEpoch: z.number().int() })
      .optional(),
    train: evaluationSchema,
    validation: evaluationSchema.optional(),
    test: evaluationSchema.optional(),
    /** k-fold: each fold's validation result and their mean. */
    folds: z.array(evaluationSchema).optional(),
    foldMean: z.strictObject({ loss: z.number(), metrics }).optional(),
    /** Where the model and metrics were saved. */
    outDir: z.string().optional(),
    /** The loss the run minimised and reports, by name (absent in runs stored before). */
    lossName: z.string().optional(),
    notes: z.array(z.string()),
  }),
  z.strictObject({
    type: z.literal('stopped'),
    epoch: z.number().int(),
    batch: z.number().int(),
    /** Absent in runs stored before it was added (and for a run stopped before it started). */
    batchesPerEpoch: z.number().int().optional(),
    /** Stopped while it waited for a free core: no trainer was ever started for it. */
    beforeStart: z.literal(true).optional(),
    /** Where the weights at the moment of stopping were saved, when there is an output folder. */
    outDir: z.string().optional(),
  }),
  z.strictObject({
    type: z.literal('failed'),
    /** For the student: what happened and what to try. */
    message: z.string(),
    /** For a teacher or a bug report. */
    detail: z.string().optional(),
    code: z.string(),
  }),
  z.strictObject({
    type: z.literal('log'),
    level: z.enum(['info', 'warning']),
    message: z.string(),
  }),
]);

export type TrainerEvent = z.output<typeof trainerEventSchema>;
export type TrainerEventOf<T extends TrainerEvent['type']> = Extract<TrainerEvent, { type: T }>;

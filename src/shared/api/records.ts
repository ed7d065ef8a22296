import { z } from 'zod';
import { datasetSpecSchema } from '../data/dataset-spec';
import { backendChoiceSchema } from '../training/backends';
import { trainingConfigSchema } from '../training/config';
import { trainerEventSchema } from '../training/events';
import { liveInsideEventSchema } from '../training/live-inside';

/** What the store keeps, as the renderer sees it. Times are ISO strings. */

export const projectIdSchema = z.string().uuid();
export const runIdSchema = z.string().uuid();

export const projectSummarySchema = z.strictObject({
  id: projectIdSchema,
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastOpenedAt: z.string().nullable(),
  /** Set when the project is in the trash. */
  trashedAt: z.string().nullable(),
  /** A small PNG of the canvas as a data URL, when the editor has sent one. */
  thumbnail: z.string().nullable(),
  revisionCount: z.number().int(),
  runCount: z.number().int(),
  /** Set when the project follows a lab: which one. */
  lab: z.strictObject({ id: z.string(), title: z.string() }).optional(),
});
export type ProjectSummary = z.output<typeof projectSummarySchema>;

export const revisionSummarySchema = z.strictObject({
  id: z.number().int(),
  projectId: projectIdSchema,
  savedAt: z.string(),
  /** Nodes and edges at that revision, to tell revisions apart in the history list. */
  nodeCount: z.number().int(),
  edgeCount: z.number().int(),
  /** What changed from the revision before, in short phrases ("added Dense", "units 8 → 16"). */
  changes: z.array(z.string().max(500)).max(20).default([]),
});
export type RevisionSummary = z.output<typeof revisionSummarySchema>;

export const projectSchema = projectSummarySchema.extend({
  /** The latest revision's graph document. */
  graph: z.unknown(),
  revisionId: z.number().int(),
  /** The training settings the user last chose for this project. */
  settings: z.record(z.string(), z.unknown()),
  /**
   * Set when the project was imported from a trained model: every run starts from its
   * weights (the file they came from, and when).
   */
  startingWeights: z.strictObject({ source: z.string(), importedAt: z.string() }).optional(),
});
export type Project = z.output<typeof projectSchema>;

export const RUN_STATUSES = ['running', 'finished', 'stopped', 'failed'] as const;

export const runSummarySchema = z.strictObject({
  id: runIdSchema,
  projectId: projectIdSchema,
  revisionId: z.number().int(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  backend: z.string().nullable(),
  data: datasetSpecSchema,
  epochsRun: z.number().int(),
  /** The headline numbers of the last epoch or the final evaluation. */
  finalMetrics: z.record(z.string(), z.number()).nullable(),
  message: z.string().nullable(),
  hasWeights: z.boolean(),
});
export type RunSummary = z.output<typeof runSummarySchema>;

export const epochRecordSchema = z.strictObject({
  epoch: z.number().int(),
  fold: z.number().int().nullable(),
  loss: z.number(),
  metrics: z.record(z.string(), z.number()),
  validationLoss: z.number().nullable(),
  validationMetrics: z.record(z.string(), z.number()).nullable(),
  learningRate: z.number(),
  elapsedMs: z.number(),
});
export type EpochRecord = z.output<typeof epochRecordSchema>;

export const runSchema = runSummarySchema.extend({
  config: trainingConfigSchema,
  backendChoice: backendChoiceSchema,
  epochs: z.array(epochRecordSchema),
  /** The final event (finished, stopped or failed) as the trainer sent it. */
  final: trainerEventSchema.nullable(),
  /** The last look inside during training (saliency maps, decision boundary), when it had one. */
  liveInside: liveInsideEventSchema.optional(),
  /**
   * A running run still waiting for a free core: its place in line (1 = next) and how many
   * runs may train at once. Absent once its trainer has started (and for every ended run).
   */
  waiting: z
    .strictObject({ position: z.number().int().min(1), limit: z.number().int().min(1) })
    .optional(),
});
export type Run = z.output<typeof runSchema>;

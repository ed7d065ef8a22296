import { z } from 'zod';
import { labDocumentSchema, LAB_ID_PATTERN, MAX_LAB_BYTES } from './lab-document';
import { goalStatusSchema, labProgressSchema } from './lab-progress';

/** What the API says about labs: which lab, a lab's list entry, a project's status, a grade. */

/** A lab: one that comes with Neurite (by id), or a lab file's text. */
export const labRefSchema = z.union([
  z.strictObject({ builtin: z.string().regex(LAB_ID_PATTERN) }),
  z.strictObject({ fileName: z.string().min(1).max(255), text: z.string().max(MAX_LAB_BYTES) }),
]);
export type LabRef = z.output<typeof labRefSchema>;

export const labSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  /** What the student will learn (Markdown). */
  learn: z.string(),
  steps: z.number().int(),
  goals: z.number().int(),
  /** The built-in data set it trains on, by name. */
  data: z.string(),
});
export type LabSummary = z.output<typeof labSummarySchema>;

export const labStatusSchema = z.strictObject({
  lab: labDocumentSchema,
  progress: labProgressSchema,
  /** Every goal of every step, in the lab's order. */
  goals: z.array(goalStatusSchema),
  /** Goals that cannot be checked yet and why (e.g. no finished run): shown once, not per goal. */
  notes: z.array(z.string()),
});
export type LabStatus = z.output<typeof labStatusSchema>;

/** A run's figures on a part of its data. */
export const runFiguresSchema = z.strictObject({
  examples: z.number().int(),
  loss: z.number(),
  metrics: z.record(z.string(), z.number()),
});
export type RunFigures = z.output<typeof runFiguresSchema>;

/** One submission as the teacher's table shows it. */
export const labGradeRowSchema = z.strictObject({
  /** The submission's file name. */
  file: z.string(),
  /** The name the student typed when handing in. */
  student: z.string().nullable(),
  handedInAt: z.string().nullable(),
  /** Why the file could not be graded (damaged, another lab's, not a submission); else null. */
  problem: z.string().nullable(),
  goals: z.array(goalStatusSchema),
  met: z.number().int(),
  total: z.number().int(),
  hintsShown: z.number().int(),
  runs: z.number().int(),
  /**
   * The submission's best run (by recomputed test figures): what its file says, and what its
   * weights give on the lab's own test data.
   */
  best: z
    .strictObject({
      runId: z.string(),
      epochs: z.number().int(),
      /**
       * The part the figures are on: the run's test part, or where the run kept none, its
       * validation part, else its training part.
       */
      part: z.enum(['train', 'validation', 'test']),
      /** The figures the file claims for that part (its stored final loss and metrics). */
      claimed: z.record(z.string(), z.number()).nullable(),
      recomputed: runFiguresSchema,
    })
    .nullable(),
});
export type LabGradeRow = z.output<typeof labGradeRowSchema>;

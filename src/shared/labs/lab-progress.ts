import { z } from 'zod';

/**
 * What a student's work on a lab adds to the project: the step they are on, the answers they
 * typed and the hints they opened. Whether a goal is met is never stored as the student's
 * word: it is computed from the network, runs and answers each time (see GoalStatus).
 */
export const labProgressSchema = z.strictObject({
  /** The step the lab panel shows (0 for the first). */
  step: z.number().int().min(0).default(0),
  /** Answer goals: the number typed, or the choice picked (counted from 0), by goal id. */
  answers: z.record(z.string(), z.number()).default({}),
  /** How many hints the student opened, by step (a teacher sees it when collecting). */
  hintsShown: z.record(z.string(), z.number().int().min(0)).default({}),
});
export type LabProgress = z.output<typeof labProgressSchema>;

export const EMPTY_PROGRESS: LabProgress = labProgressSchema.parse({});

/** Whether a goal is met now, and the figure that decided it, in words for the student. */
export const goalStatusSchema = z.strictObject({
  id: z.string(),
  met: z.boolean(),
  /**
   * What Neurite saw: "test accuracy 0.93 (run of 10:42)", "3 Dense layers", "not answered
   * yet", or why it cannot tell yet ("train the network first").
   */
  detail: z.string(),
  /** The run that met it, when a run did. */
  runId: z.string().optional(),
});
export type GoalStatus = z.output<typeof goalStatusSchema>;

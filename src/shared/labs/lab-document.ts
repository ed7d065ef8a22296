import { z } from 'zod';
import { builtInDatasetSchema } from '../data/dataset-spec';
import { trainingConfigSchema } from '../training/config';
import { goalSchema } from './goals';

/**
 * A lab, as a teacher writes it: one YAML file (documented in docs/lab-format.md) that says
 * what the student will learn, what they start from, on which data, which settings they may
 * not change, and the steps with their goals.
 *
 * `neuriteLab` is the file's format version. Bump LAB_FORMAT_VERSION when the shape changes;
 * an older Neurite then refuses a newer lab with a message to update instead of misreading it.
 */
export const LAB_FORMAT_VERSION = 1;
/** How a lab file's name ends. */
export const LAB_FILE_SUFFIX = '.neurite-lab.yaml';
/** Largest lab file Neurite reads (a lab with an inline network fits many times over). */
export const MAX_LAB_BYTES = 1024 * 1024;

export const LAB_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The training settings a lab may lock. A locked setting keeps the lab's value: the Training
 * tab shows it greyed with a padlock, and main refuses a run that changes it.
 */
export const LOCKABLE_SETTINGS = [
  'data',
  'epochs',
  'batchSize',
  'optimizer',
  'learningRate',
  'schedule',
  'validation',
  'test',
  'kFold',
  'seed',
  'earlyStopping',
  'shuffle',
] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

const markdown = z.string().min(1).max(50_000);

export const labStepSchema = z.strictObject({
  title: z.string().min(1).max(200),
  /** Markdown; $…$ and $$…$$ are formulas. */
  instructions: markdown,
  /** Shown one at a time, when the student asks. */
  hints: z.array(markdown).max(20).default([]),
  goals: z.array(goalSchema).max(30).default([]),
});
export type LabStep = z.output<typeof labStepSchema>;

export const labStartSchema = z.union([
  /** A built-in template, by its file name without .json (as `neurite train` names it). */
  z.strictObject({ template: z.string().regex(/^[a-z0-9-]+$/) }),
  /** A network document written out in the lab (checked like a network file). */
  z.strictObject({ network: z.record(z.string(), z.unknown()) }),
  /** An empty canvas: the student builds the network. */
  z.strictObject({ empty: z.literal(true) }),
]);
export type LabStart = z.output<typeof labStartSchema>;

export const labDocumentSchema = z
  .strictObject({
    neuriteLab: z.literal(LAB_FORMAT_VERSION),
    id: z
      .string()
      .regex(LAB_ID_PATTERN, 'a lab id is lower-case letters, digits and dashes, like "xor"'),
    title: z.string().min(1).max(200),
    /** What the student will learn: Markdown, shown on the lab's first page. */
    learn: markdown,
    /** Who wrote the lab, its licence or course: shown under the title. */
    author: z.string().max(500).optional(),
    start: labStartSchema,
    /** The built-in data set the lab trains on (and grades on). */
    data: builtInDatasetSchema,
    /** The Training tab's settings when the lab starts (the defaults for the rest). */
    settings: trainingConfigSchema.partial().default({}),
    locked: z.array(z.enum(LOCKABLE_SETTINGS)).default([]),
    steps: z.array(labStepSchema).min(1).max(50),
  })
  .superRefine((lab, context) => {
    const seen = new Set<string>();
    lab.steps.forEach((step, stepIndex) =>
      step.goals.forEach((goal, goalIndex) => {
        if (seen.has(goal.id)) {
          context.addIssue({
            code: 'custom',
            path: ['steps', stepIndex, 'goals', goalIndex, 'id'],
            message: `the goal id "${goal.id}" is used twice; each goal needs its own`,
          });
        }
        seen.add(goal.id);
      }),
    );
  });
export type LabDocument = z.output<typeof labDocumentSchema>;

/** Every goal of a lab, with the step it belongs to. */
export function labGoals(lab: LabDocument) {
  return lab.steps.flatMap((step, stepIndex) => step.goals.map((goal) => ({ goal, stepIndex })));
}

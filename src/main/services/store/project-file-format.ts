import { z } from 'zod';
import { runSchema } from '../../../shared/api/records';
import { MAX_LAB_BYTES } from '../../../shared/labs/lab-document';

/**
 * A project file, in either of two forms:
 *
 * - `<name>.neurite.json`: this object, as pretty-printed JSON, without runs;
 * - `<name>.neurite`: a zip holding it as `project.json`, and for each run
 *   `runs/<runId>/run.json` (the Run record plus the graph it was trained on) and, when the
 *   run saved a model, `runs/<runId>/model.json` + `weights.bin` (+ `metrics.json`); a project
 *   imported from a trained model also keeps the weights its runs start from there, as
 *   `starting/model.json` (their manifest and where they came from) + `starting/weights.bin`.
 *   Such a project is always written in this form, runs or not, and as version 2: a Neurite
 *   that reads only version 1 would skip the weights and train the project from scratch
 *   without a word, so it refuses the file with a message to update instead.
 *
 * A project that follows a lab keeps it in project.json as `lab`: the lab file's text, the
 * student's progress and when they started. Such a file is version 3 (in either form): a
 * Neurite that reads only up to version 2 would drop the lab and the student's answers without
 * a word, so it refuses the file with a message to update instead.
 *
 * Bump PROJECT_FILE_VERSION when the shape changes; older Neurites then refuse newer files
 * with a message to update, instead of misreading them. A file is written with the lowest
 * version that holds it, so projects without a lab or starting weights still open in older
 * Neurites.
 */
export const PROJECT_FILE_FORMAT = 'neurite-project';
export const PROJECT_FILE_VERSION = 3;
/** The version of a project file without starting weights or a lab. */
export const PLAIN_PROJECT_FILE_VERSION = 1;
/** The version of a project file with starting weights but no lab. */
export const STARTING_WEIGHTS_FILE_VERSION = 2;
/** The version of a project file that follows a lab. */
export const LAB_PROJECT_FILE_VERSION = 3;

/** The lowest version that holds a project with (or without) starting weights and a lab. */
export function projectFileVersion(holds: { startingWeights: boolean; lab: boolean }): 1 | 2 | 3 {
  if (holds.lab) return LAB_PROJECT_FILE_VERSION;
  return holds.startingWeights ? STARTING_WEIGHTS_FILE_VERSION : PLAIN_PROJECT_FILE_VERSION;
}

/** The lab a project follows, as its file keeps it. */
export const projectFileLabSchema = z.strictObject({
  /** The lab file's text (YAML) as it was when the student started. */
  source: z.string().max(MAX_LAB_BYTES),
  /** The student's progress; read leniently on import (what no longer reads is dropped). */
  progress: z.unknown().optional(),
  startedAt: z.string().max(100),
});
export type ProjectFileLab = z.output<typeof projectFileLabSchema>;

export const projectFileSchema = z.strictObject({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.union([
    z.literal(PLAIN_PROJECT_FILE_VERSION),
    z.literal(STARTING_WEIGHTS_FILE_VERSION),
    z.literal(LAB_PROJECT_FILE_VERSION),
  ]),
  /** The latest network, a graph document (checked with parseGraphDocument on import). */
  graph: z.unknown(),
  settings: z.record(z.string(), z.unknown()).default({}),
  metadata: z.strictObject({
    name: z.string(),
    description: z.string().default(''),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
    /** The canvas picture, a PNG data URL. */
    thumbnail: z.string().nullable().default(null),
  }),
  /** The lab the project follows (version 3 on). */
  lab: projectFileLabSchema.optional(),
});
export type ProjectFile = z.input<typeof projectFileSchema>;

export const runFileSchema = runSchema.extend({
  /** The network the run was trained on. */
  graph: z.unknown().optional(),
});
export type RunFile = z.input<typeof runFileSchema>;
export type RunFileContent = z.output<typeof runFileSchema>;

export const PROJECT_ENTRY = 'project.json';
export const RUN_ENTRY =
  /^runs\/([A-Za-z0-9_-]{1,100})\/(run\.json|model\.json|weights\.bin|metrics\.json)$/;

/** The two files of a project's starting weights in the archive. */
export const STARTING_ENTRY = /^starting\/(model\.json|weights\.bin)$/;
export const STARTING_FORMAT = 'neurite-starting-weights';

export const JSON_FILE_SUFFIX = '.neurite.json';
export const ARCHIVE_SUFFIX = '.neurite';

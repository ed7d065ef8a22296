import { z } from 'zod';
import { fileStem } from '../services/store/names';
import { ARCHIVE_SUFFIX } from '../services/store/project-file-format';

/**
 * A lab submission is a `.neurite` project archive (project.json with its lab and progress,
 * every run with its weights) plus `submission.json`: who handed it in, for which lab, when and
 * with which Neurite. It opens as a normal project file too; a grader reads both.
 *
 * Bump SUBMISSION_VERSION when submission.json changes shape; an older grader then says to
 * update instead of misreading it.
 */
export const SUBMISSION_ENTRY = 'submission.json';
export const SUBMISSION_FORMAT = 'neurite-lab-submission';
export const SUBMISSION_VERSION = 1;
/** submission.json is a few names and dates: anything larger is not one. */
export const MAX_SUBMISSION_JSON_BYTES = 64 * 1024;

export const submissionInfoSchema = z.strictObject({
  format: z.literal(SUBMISSION_FORMAT),
  version: z.literal(SUBMISSION_VERSION),
  labId: z.string().min(1).max(64),
  /** The name the student typed when handing in. */
  student: z.string().min(1).max(200),
  handedInAt: z.string().max(100),
  neuriteVersion: z.string().max(100),
});
export type SubmissionInfo = z.output<typeof submissionInfoSchema>;

/** `<lab id> - <student name>.neurite`, safe as a file name everywhere. */
export function submissionFileName(labId: string, student: string): string {
  return `${fileStem(`${labId} - ${student}`)}${ARCHIVE_SUFFIX}`;
}

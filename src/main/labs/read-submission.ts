import { unzipSync } from 'fflate';
import { MAX_PROJECT_FILE_BYTES } from '../services/store/limits';
import { PROJECT_ENTRY } from '../services/store/project-file-format';
import type { ImportedProject } from '../services/store/read-project-file';
import { readProjectFile } from '../services/store/read-project-file';
import { StoreError } from '../services/store/store-error';
import type { SubmissionInfo } from './submission-format';
import {
  MAX_SUBMISSION_JSON_BYTES,
  SUBMISSION_ENTRY,
  SUBMISSION_FORMAT,
  SUBMISSION_VERSION,
  submissionInfoSchema,
} from './submission-format';

/** A submission read and checked: who handed it in, and the project with its lab and runs. */
export interface Submission {
  readonly info: SubmissionInfo;
  /** The project as an import reads it (its lab always there). */
  readonly project: ImportedProject & { readonly lab: NonNullable<ImportedProject['lab']> };
}

/** Why a file cannot be graded, as the teacher's table says it; with who it claims to be from. */
export interface SubmissionProblem {
  readonly problem: string;
  readonly info?: SubmissionInfo;
}

const AGAIN = 'ask the student to hand it in again';

/**
 * Reads a submission file defensively: every way it can be wrong (not a zip, not a project,
 * cut short, a zip bomb, another lab's, edited into something Neurite cannot read) becomes a
 * sentence, never a thrown error. The size limits are the project import's.
 */
export function readSubmission(
  fileName: string,
  bytes: Uint8Array,
  labId: string,
): Submission | SubmissionProblem {
  try {
    return readChecked(fileName, bytes, labId);
  } catch (error) {
    return { problem: `damaged: ${(error as Error).message}` };
  }
}

function readChecked(
  fileName: string,
  bytes: Uint8Array,
  labId: string,
): Submission | SubmissionProblem {
  if (bytes.length === 0) return { problem: 'damaged: the file is empty' };
  if (bytes.length > MAX_PROJECT_FILE_BYTES) {
    return {
      problem: `too large: the file is ${Math.ceil(bytes.length / 1024 / 1024)} MB; a submission holds at most ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB`,
    };
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) {
    return {
      problem:
        'not a Neurite submission: it is not a .neurite archive (students make one with "Hand in" in their lab)',
    };
  }
  const names = new Set<string>();
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        names.add(entry.name);
        return entry.name === SUBMISSION_ENTRY && entry.originalSize <= MAX_SUBMISSION_JSON_BYTES;
      },
    });
  } catch (error) {
    return {
      problem: `damaged: the archive cannot be unpacked (${(error as Error).message}); it may be cut short, ${AGAIN}`,
    };
  }
  if (!names.has(PROJECT_ENTRY)) {
    return { problem: `not a Neurite submission: the archive has no ${PROJECT_ENTRY}` };
  }
  if (!names.has(SUBMISSION_ENTRY)) {
    return {
      problem: `not a Neurite submission: it is a project file without ${SUBMISSION_ENTRY} (students make one with "Hand in" in their lab, not with Export)`,
    };
  }
  const infoBytes = entries[SUBMISSION_ENTRY];
  if (infoBytes === undefined) {
    return { problem: `damaged: ${SUBMISSION_ENTRY} is far larger than a submission's` };
  }
  const read = readInfo(infoBytes);
  if ('problem' in read) return read;
  const { info } = read;

  let project: ImportedProject;
  try {
    project = readProjectFile(fileName, bytes);
  } catch (error) {
    return { problem: projectProblem(error), info };
  }
  if (!project.lab) {
    return { problem: 'not a Neurite submission: the project in it follows no lab', info };
  }
  if (project.lab.labId !== info.labId) {
    return {
      problem: `damaged: ${SUBMISSION_ENTRY} says lab "${info.labId}" but the project follows lab "${project.lab.labId}"; ${AGAIN}`,
      info,
    };
  }
  if (project.lab.labId !== labId) {
    return { problem: `handed in for lab "${project.lab.labId}", not "${labId}"`, info };
  }
  return { info, project: { ...project, lab: project.lab } };
}

function readInfo(bytes: Uint8Array): { info: SubmissionInfo } | SubmissionProblem {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    return { problem: `damaged: ${SUBMISSION_ENTRY} is not JSON (${(error as Error).message})` };
  }
  const raw = (value ?? {}) as Record<string, unknown>;
  if (raw['format'] !== SUBMISSION_FORMAT) {
    return { problem: `not a Neurite submission: ${SUBMISSION_ENTRY} is not a lab submission's` };
  }
  if (typeof raw['version'] === 'number' && raw['version'] > SUBMISSION_VERSION) {
    return {
      problem: `handed in with a newer Neurite (submission version ${raw['version']}; this one reads version ${SUBMISSION_VERSION}): update Neurite to grade it`,
    };
  }
  const parsed = submissionInfoSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `damaged: ${SUBMISSION_ENTRY} is not valid (${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'unreadable'}); ${AGAIN}`,
    };
  }
  return { info: parsed.data };
}

/** The project import's refusal, as a row of the table says it. */
function projectProblem(error: unknown): string {
  const message = (error as Error).message.replace(/\s*Export the project again\.?$/, '');
  if (error instanceof StoreError && error.code === 'unsupported') {
    return `made with a newer Neurite: ${message}`;
  }
  if (error instanceof StoreError && error.code === 'too-large') return `too large: ${message}`;
  return `damaged: ${message}`;
}

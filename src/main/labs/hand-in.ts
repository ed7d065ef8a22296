import { strToU8 } from 'fflate';
import type { ProjectStore } from '../services/store/project-store';
import type { SubmissionInfo } from './submission-format';
import {
  SUBMISSION_ENTRY,
  SUBMISSION_FORMAT,
  SUBMISSION_VERSION,
  submissionFileName,
} from './submission-format';

/** Why a project cannot be handed in: 'not-found' (no lab) or 'conflict' (still training). */
export class HandInRefusal extends Error {
  constructor(
    readonly code: 'not-found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'HandInRefusal';
  }
}

/**
 * A student's work on a lab as one file for the teacher: the project exported with its runs
 * and weights (the lab and progress ride in project.json) and submission.json saying who
 * handed it in, for which lab, when. See submission-format.ts.
 */
export function handInProject(
  store: ProjectStore,
  input: {
    readonly projectId: string;
    readonly studentName: string;
    readonly neuriteVersion: string;
    readonly now?: Date;
  },
): { fileName: string; bytes: Uint8Array } {
  const lab = store.projectLab(input.projectId);
  if (!lab) {
    throw new HandInRefusal(
      'not-found',
      'This project does not follow a lab, so there is nothing to hand in. Start the lab from the Labs page, or export the project instead.',
    );
  }
  if (store.listRuns(input.projectId).some((run) => run.status === 'running')) {
    throw new HandInRefusal(
      'conflict',
      'A run of this project is still training. Wait for it to finish, or stop it, then hand the lab in.',
    );
  }
  const student = input.studentName.trim();
  const info: SubmissionInfo = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    labId: lab.labId,
    student,
    handedInAt: (input.now ?? new Date()).toISOString(),
    neuriteVersion: input.neuriteVersion,
  };
  const { bytes } = store.exportProject(input.projectId, true, {
    [SUBMISSION_ENTRY]: strToU8(`${JSON.stringify(info, null, 2)}\n`),
  });
  return { fileName: submissionFileName(lab.labId, student), bytes };
}

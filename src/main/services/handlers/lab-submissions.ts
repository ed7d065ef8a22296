import { gradeSubmission } from '../../labs/grade-submission';
import { handInProject, HandInRefusal } from '../../labs/hand-in';
import { resolveLab } from '../../labs/lab-source';
import type { AskWorker } from '../../labs/worker-questions';
import { ServiceError } from '../service-error';
import type { KeptWorker } from '../workers/kept-worker';
import type { Handlers, ServiceContext } from './context';
import { asServiceError } from './labs';

/**
 * Handing a lab in (the project with its runs, weights, lab and progress as one file) and
 * grading a submission against a lab, through the grading function `neurite grade` uses too.
 */
export function labSubmissionHandlers(
  context: ServiceContext,
  worker: KeptWorker,
): Pick<Handlers, 'labs.handIn' | 'labs.grade'> {
  // Grading asks under one tag, so stopping a student's look inside never stops it.
  const ask: AskWorker = (call, input) => worker.ask(call, input, { tag: 'labs.grade' });
  return {
    'labs.handIn': ({ projectId, studentName }) => {
      try {
        const file = handInProject(context.store, {
          projectId,
          studentName,
          neuriteVersion: context.version,
        });
        return { fileName: file.fileName, base64: Buffer.from(file.bytes).toString('base64') };
      } catch (error) {
        if (error instanceof HandInRefusal) throw new ServiceError(error.code, error.message);
        throw error;
      }
    },
    'labs.grade': async ({ lab: ref, submission }) => {
      let lab;
      try {
        lab = (await resolveLab(context.resourcesDir, ref)).lab;
      } catch (error) {
        throw asServiceError(error);
      }
      const bytes = new Uint8Array(Buffer.from(submission.base64, 'base64'));
      return gradeSubmission(lab, { fileName: submission.fileName, bytes }, ask);
    },
  };
}

import { evaluateLabGoals } from '../../shared/labs/evaluate-goals';
import { builtInDataTitle } from './data-titles';
import type { LabGradeRow } from '../../shared/labs/lab-api';
import type { LabDocument } from '../../shared/labs/lab-document';
import { labGoals } from '../../shared/labs/lab-document';
import type { PredictionAnswer } from '../../shared/labs/prediction-goals';
import { bestRun } from './best-run';
import type { Submission, SubmissionProblem } from './read-submission';
import { readSubmission } from './read-submission';
import { recomputeFigures, recomputedFiguresOf } from './recomputed-figures';
import type { SubmittedRun } from './submitted-runs';
import { withSubmittedRuns } from './submitted-runs';
import type { AskWorker } from './worker-questions';

/** A submission file as the teacher collected it. */
export interface SubmissionFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * Grades one submission against a lab: the one grading function behind `labs.grade` and
 * `neurite grade`. Every goal is evaluated again from the submitted network, runs and answers;
 * figures come from each finished run's submitted weights on the lab's own data, never from
 * what the file says, and predictions from the submitted weights too. It never throws: a file
 * that cannot be graded is a row whose `problem` says why.
 */
export async function gradeSubmission(
  lab: LabDocument,
  file: SubmissionFile,
  ask: AskWorker,
): Promise<LabGradeRow> {
  const read = readSubmission(file.fileName, file.bytes, lab.id);
  if ('problem' in read) return problemRow(lab, file.fileName, read);
  try {
    return await gradeRead(lab, file.fileName, read, ask);
  } catch (error) {
    return problemRow(lab, file.fileName, {
      problem: `could not be graded: ${(error as Error).message}`,
      info: read.info,
    });
  }
}

async function gradeRead(
  lab: LabDocument,
  fileName: string,
  { info, project }: Submission,
  ask: AskWorker,
): Promise<LabGradeRow> {
  const progress = project.lab.progress ?? { step: 0, answers: {}, hintsShown: {} };
  return withSubmittedRuns(lab, project, async (runs) => {
    const figures = await recomputeFigures(runs, ask);
    const goals = await evaluateLabGoals(lab, {
      graph: project.graph.document,
      runs: runs.map((entry) => entry.run),
      progress,
      predict: predictor(runs, ask),
      figuresOf: recomputedFiguresOf(figures),
      dataTitle: builtInDataTitle,
    });
    return {
      file: fileName,
      student: info.student,
      handedInAt: info.handedInAt,
      problem: null,
      goals,
      met: goals.filter((goal) => goal.met).length,
      total: goals.length,
      hintsShown: Object.values(progress.hintsShown).reduce((sum, count) => sum + count, 0),
      runs: runs.length,
      best: bestRun(lab, runs, figures),
    };
  });
}

/**
 * The submitted network's answers: from the latest finished run's submitted weights, on the
 * built-in data set `data` when a goal names one.
 */
function predictor(runs: readonly SubmittedRun[], ask: AskWorker) {
  const answers = new Map<string, PredictionAnswer>();
  return async (input: readonly number[], data?: string): Promise<PredictionAnswer> => {
    const trained = runs.find(
      ({ run, model }) =>
        model !== undefined &&
        (data === undefined || (run.data.source === 'builtin' && run.data.name === data)),
    );
    if (!trained?.model) {
      return {
        none: `No run${data === undefined ? '' : ` on ${builtInDataTitle(data)}`} has finished with a trained network yet: train it first.`,
      };
    }
    const key = `${trained.run.id} ${input.join(',')}`;
    const known = answers.get(key);
    if (known) return known;
    let answer: PredictionAnswer;
    try {
      const prediction = await ask('inside.predict', {
        model: trained.model,
        example: { values: [...input] },
      });
      answer = {
        output: prediction.output,
        predicted: prediction.predicted,
        runId: trained.run.id,
      };
    } catch (error) {
      answer = {
        none: `The submitted network could not answer: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    answers.set(key, answer);
    return answer;
  };
}

/** The row of a file that could not even be read (too large, no permission to read it). */
export function unreadableRow(lab: LabDocument, fileName: string, problem: string): LabGradeRow {
  return problemRow(lab, fileName, { problem });
}

function problemRow(lab: LabDocument, fileName: string, read: SubmissionProblem): LabGradeRow {
  return {
    file: fileName,
    student: read.info?.student ?? null,
    handedInAt: read.info?.handedInAt ?? null,
    problem: read.problem,
    goals: [],
    met: 0,
    total: labGoals(lab).length,
    hintsShown: 0,
    runs: 0,
    best: null,
  };
}

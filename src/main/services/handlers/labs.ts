import { storedProjectSettings } from '../../../shared/api/project-settings';
import type { Run } from '../../../shared/api/records';
import type { LabStatus } from '../../../shared/labs/lab-api';
import type { LabDocument } from '../../../shared/labs/lab-document';
import { labGoals } from '../../../shared/labs/lab-document';
import { evaluateLabGoals } from '../../../shared/labs/evaluate-goals';
import { builtInDataTitle } from '../../labs/data-titles';
import { isAnswerGoal } from '../../../shared/labs/goals';
import type { LabProgress } from '../../../shared/labs/lab-progress';
import type { PredictionAnswer } from '../../../shared/labs/prediction-goals';
import {
  builtinLabs,
  LabFileError,
  LabNotFoundError,
  labFileName,
  labSummary,
  loadLabText,
  resolveLab,
} from '../../labs/lab-source';
import type { LoadedLab } from '../../labs/lab-source';
import { labStartingGraph, labTrainingConfig } from '../../labs/lab-start';
import { ServiceError } from '../service-error';
import type { ProjectLab } from '../store/project-labs';
import type { KeptWorker } from '../workers/kept-worker';
import { readTemplate } from './catalog';
import type { Handlers, ServiceContext } from './context';
import { runModel } from './run-model';

type LabCalls =
  | 'labs.list'
  | 'labs.read'
  | 'labs.start'
  | 'labs.status'
  | 'labs.answer'
  | 'labs.progress'
  | 'labs.handOut';

/**
 * Labs: the built-in ones and lab files, projects that follow one, and the goals checked
 * from the project's network, runs and answers (never from the student's word).
 */
export function labHandlers(context: ServiceContext, worker: KeptWorker): Pick<Handlers, LabCalls> {
  const { store } = context;
  const changed = (projectId: string): void => context.emit('project.changed', { projectId });

  const loaded = async (ref: Parameters<typeof resolveLab>[1]): Promise<LoadedLab> => {
    try {
      return await resolveLab(context.resourcesDir, ref);
    } catch (error) {
      throw asServiceError(error);
    }
  };

  /** The project's lab, read again from the text it keeps. */
  const projectLab = (projectId: string): { stored: ProjectLab; lab: LabDocument } => {
    const stored = store.projectLab(projectId);
    if (!stored) {
      throw new ServiceError('not-found', 'This project does not follow a lab.');
    }
    try {
      return { stored, lab: loadLabText(`${stored.labId}.neurite-lab.yaml`, stored.source).lab };
    } catch (error) {
      throw asServiceError(error);
    }
  };

  // A trained network answers the same input the same way: asked once per run and input.
  const predictions = new Map<string, PredictionAnswer>();
  const predictor = (runs: readonly Run[]) => {
    return async (input: readonly number[], data?: string): Promise<PredictionAnswer> => {
      const trained = runs.find(
        (run) =>
          run.status === 'finished' &&
          run.hasWeights &&
          (data === undefined || (run.data.source === 'builtin' && run.data.name === data)),
      );
      if (!trained) {
        return {
          none: `No run${data === undefined ? '' : ` on ${builtInDataTitle(data)}`} has finished with a trained network yet: train it first.`,
        };
      }
      const key = `${trained.id} ${input.join(',')}`;
      const known = predictions.get(key);
      if (known) return known;
      let answer: PredictionAnswer;
      try {
        const model = runModel(context, trained.id, 'check this goal');
        const prediction = await worker.ask(
          'inside.predict',
          { model, example: { values: [...input] } },
          { tag: trained.id },
        );
        answer = { output: prediction.output, predicted: prediction.predicted, runId: trained.id };
      } catch (error) {
        return {
          none: `The trained network could not answer: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      predictions.set(key, answer);
      return answer;
    };
  };

  const status = async (projectId: string): Promise<LabStatus> => {
    const { stored, lab } = projectLab(projectId);
    const project = store.getProject(projectId);
    // Newest first, as listRuns gives them: the latest run is the one a prediction asks.
    const runs = store.listRuns(projectId).map((summary) => store.getRun(summary.id));
    const goals = await evaluateLabGoals(lab, {
      graph: project.graph,
      runs,
      progress: stored.progress,
      predict: predictor(runs),
      dataTitle: builtInDataTitle,
    });
    return { lab, progress: stored.progress, goals, notes: [] };
  };

  const saveProgress = (projectId: string, progress: LabProgress): void => {
    store.saveLabProgress(projectId, progress);
    changed(projectId);
  };

  return {
    'labs.list': async () => {
      try {
        return (await builtinLabs(context.resourcesDir)).map((entry) => labSummary(entry.lab));
      } catch (error) {
        throw asServiceError(error);
      }
    },
    'labs.read': ({ fileName, text }) => {
      try {
        const { lab } = loadLabText(fileName, text);
        return { lab, summary: labSummary(lab) };
      } catch (error) {
        throw asServiceError(error);
      }
    },
    'labs.start': async ({ lab: ref, name }) => {
      const { lab, source } = await loaded(ref);
      const graph = await labStartingGraph(lab, (id) => readTemplate(context, id));
      const metadata = (graph['metadata'] as Record<string, unknown> | undefined) ?? {};
      const template = 'template' in lab.start ? lab.start.template : undefined;
      const project = store.createProject({
        name,
        graph: { ...graph, metadata: { ...metadata, name } },
        description: lab.title,
        settings: storedProjectSettings({
          template,
          data: lab.data,
          training: labTrainingConfig(lab),
          backend: 'auto',
        }),
        lab: { labId: lab.id, title: lab.title, source },
      });
      changed(project.id);
      return project;
    },
    'labs.status': ({ projectId }) => status(projectId),
    'labs.answer': async ({ projectId, goalId, answer }) => {
      const { stored, lab } = projectLab(projectId);
      const goal = labGoals(lab).find((entry) => entry.goal.id === goalId)?.goal;
      if (!goal) {
        throw new ServiceError('not-found', `This lab has no goal called "${goalId}".`);
      }
      if (!isAnswerGoal(goal)) {
        throw new ServiceError(
          'invalid-input',
          'Neurite checks this goal by itself from the network and its runs; it takes no answer.',
        );
      }
      if (
        goal.kind === 'choice' &&
        !(Number.isInteger(answer) && answer >= 0 && answer < goal.choices.length)
      ) {
        throw new ServiceError(
          'invalid-input',
          `Pick one of the ${goal.choices.length} choices (counted from 0).`,
        );
      }
      if (!Number.isFinite(answer)) {
        throw new ServiceError('invalid-input', 'Type a number, like 2.192.');
      }
      saveProgress(projectId, {
        ...stored.progress,
        answers: { ...stored.progress.answers, [goalId]: answer },
      });
      return status(projectId);
    },
    'labs.progress': async ({ projectId, step, hintShown }) => {
      const { stored, lab } = projectLab(projectId);
      const shownStep = Math.min(step, lab.steps.length - 1);
      const key = String(shownStep);
      const hints = lab.steps[shownStep]?.hints.length ?? 0;
      const opened = stored.progress.hintsShown[key] ?? 0;
      saveProgress(projectId, {
        ...stored.progress,
        step: shownStep,
        hintsShown: {
          ...stored.progress.hintsShown,
          ...(hintShown ? { [key]: Math.min(hints, opened + 1) } : {}),
        },
      });
      return status(projectId);
    },
    'labs.handOut': async ({ lab: ref }) => {
      const { lab, source } = await loaded(ref);
      return { fileName: labFileName(lab), base64: Buffer.from(source, 'utf8').toString('base64') };
    },
  };
}

/** A lab file's problems are the user's to fix ('invalid-input'); a missing lab is 'not-found'. */
export function asServiceError(error: unknown): unknown {
  if (error instanceof LabFileError) {
    return new ServiceError(
      'invalid-input',
      error.message,
      error.problems.map((problem) => ({
        path:
          problem.line === undefined
            ? problem.field
            : `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}`,
        message: problem.message,
      })),
    );
  }
  if (error instanceof LabNotFoundError) return new ServiceError('not-found', error.message);
  return error;
}

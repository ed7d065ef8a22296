import type { Run } from '../api/records';
import type { GraphDocument } from '../graph/document';
import { parseGraphDocument } from '../graph/parse';
import type { Goal } from './goals';
import type { GoalVerdict } from './goal-verdict';
import type { LabDocument } from './lab-document';
import { labGoals } from './lab-document';
import type { GoalStatus, LabProgress } from './lab-progress';
import { choiceAnswerVerdict, numberAnswerVerdict } from './answer-goals';
import {
  activationVerdict,
  layersVerdict,
  parametersVerdict,
  skipConnectionVerdict,
  unitsVerdict,
} from './network-goals';
import type { PredictionAnswer } from './prediction-goals';
import { predictionVerdict } from './prediction-goals';
import type { DataTitle, FiguresOf } from './run-goals';
import { quotedDataName, runGoalVerdict, storedFigures } from './run-goals';

/** What a lab's goals are checked against. */
export interface GoalEvidence {
  /** The project's latest network (unparsed: a damaged one meets no network goal). */
  readonly graph: unknown;
  /** The project's runs, with their epochs and final events. */
  readonly runs: readonly Run[];
  readonly progress: LabProgress;
  /**
   * The trained network's answer for an input: the latest finished run with weights, on the
   * built-in data set `data` when a goal names one.
   */
  readonly predict: (input: readonly number[], data?: string) => Promise<PredictionAnswer>;
  /** A run's figures; the stored ones unless a grader recomputed them. */
  readonly figuresOf?: FiguresOf;
  /**
   * A built-in data set's title for a sentence ("the XOR gate"): main knows the catalog; without
   * it, goals quote the data set's id.
   */
  readonly dataTitle?: DataTitle;
}

/** Every goal of the lab, in order, as Neurite sees it now. */
export async function evaluateLabGoals(
  lab: LabDocument,
  evidence: GoalEvidence,
): Promise<GoalStatus[]> {
  const parsed = parseGraphDocument(evidence.graph);
  const graph = parsed.ok ? parsed.document : undefined;
  const statuses: GoalStatus[] = [];
  for (const { goal } of labGoals(lab)) {
    const verdict = await goalVerdict(goal, graph, evidence);
    statuses.push({
      id: goal.id,
      met: verdict.met,
      detail: verdict.detail,
      ...(verdict.runId ? { runId: verdict.runId } : {}),
    });
  }
  return statuses;
}

async function goalVerdict(
  goal: Goal,
  graph: GraphDocument | undefined,
  evidence: GoalEvidence,
): Promise<GoalVerdict> {
  const answer = evidence.progress.answers[goal.id];
  switch (goal.kind) {
    case 'number':
      return numberAnswerVerdict(goal, answer);
    case 'choice':
      return choiceAnswerVerdict(goal, answer);
    case 'prediction':
      return predictionVerdict(
        goal,
        await evidence.predict(goal.input, goal.data),
        evidence.dataTitle ?? quotedDataName,
      );
    case 'layers':
    case 'units':
    case 'parameters':
    case 'activation':
    case 'skip-connection':
      if (graph === undefined) {
        return {
          met: false,
          detail: 'The network cannot be read; undo the last change or restore a revision.',
        };
      }
      return networkVerdict(goal, graph);
    default:
      return runGoalVerdict(
        evidence.runs,
        goal,
        evidence.figuresOf ?? storedFigures,
        evidence.dataTitle ?? quotedDataName,
      )!;
  }
}

function networkVerdict(goal: Goal, graph: GraphDocument): GoalVerdict {
  switch (goal.kind) {
    case 'layers':
      return layersVerdict(graph, goal);
    case 'units':
      return unitsVerdict(graph, goal);
    case 'parameters':
      return parametersVerdict(graph, goal);
    case 'activation':
      return activationVerdict(graph, goal);
    default:
      return skipConnectionVerdict(graph);
  }
}

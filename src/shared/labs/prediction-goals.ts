import type { GoalOf } from './goals';
import { describeBounds, withinBounds } from './bounds';
import type { GoalVerdict } from './goal-verdict';
import type { DataTitle } from './run-goals';
import { formatFigure, quotedDataName } from './run-goals';

/** The trained network's answer for one input, or the sentence why there is none. */
export type PredictionAnswer =
  | {
      readonly output: readonly number[];
      readonly predicted?: number | undefined;
      readonly runId: string;
    }
  | { readonly none: string };

export function predictionVerdict(
  goal: GoalOf<'prediction'>,
  answer: PredictionAnswer,
  dataTitle: DataTitle = quotedDataName,
): GoalVerdict {
  if ('none' in answer) return { met: false, detail: answer.none };
  const input = `[${goal.input.map(formatFigure).join(', ')}]`;
  // A goal on one data set asks the network trained last on it, and says so.
  const network =
    goal.data === undefined
      ? 'the trained network'
      : `the network trained on ${dataTitle(goal.data)}`;
  if (goal.class !== undefined) {
    const predicted = answer.predicted ?? answer.output.indexOf(Math.max(...answer.output));
    return {
      met: predicted === goal.class,
      detail: `For ${input} ${network} picks class ${predicted} (the goal: class ${goal.class}).`,
      runId: answer.runId,
    };
  }
  const value = answer.output[goal.output];
  if (value === undefined) {
    return {
      met: false,
      detail: `The network has ${answer.output.length} output values; the goal asks for value ${goal.output + 1}.`,
      runId: answer.runId,
    };
  }
  return {
    met: withinBounds(value, goal),
    detail: `For ${input} ${network} answers ${formatFigure(value)} (the goal: ${describeBounds(goal)}).`,
    runId: answer.runId,
  };
}

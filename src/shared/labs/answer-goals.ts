import type { GoalOf } from './goals';
import type { GoalVerdict } from './goal-verdict';
import { formatFigure } from './run-goals';

/** Floating-point slack, so 0.1 + 0.2 typed as 0.3 is not refused at tolerance 0. */
const SLACK = 1e-9;

export function numberAnswerVerdict(
  goal: GoalOf<'number'>,
  answer: number | undefined,
): GoalVerdict {
  if (answer === undefined) return { met: false, detail: 'Not answered yet.' };
  const met =
    Math.abs(answer - goal.value) <= goal.tolerance + SLACK * Math.max(1, Math.abs(goal.value));
  return {
    met,
    detail: met
      ? `${formatFigure(answer)} is right.`
      : `${formatFigure(answer)} is not right yet: try again.`,
  };
}

export function choiceAnswerVerdict(
  goal: GoalOf<'choice'>,
  answer: number | undefined,
): GoalVerdict {
  if (answer === undefined) return { met: false, detail: 'Not answered yet.' };
  const picked = goal.choices[answer];
  if (picked === undefined)
    return { met: false, detail: 'The answer picked is not one of the choices.' };
  const met = answer === goal.answer;
  return { met, detail: met ? `“${picked}” is right.` : `“${picked}” is not right: try again.` };
}

import { isAnswerGoal } from '../../../shared/labs/goals';
import type { GoalView } from './lab-goals';
import { AnswerForm } from './AnswerForm';
import { GoalTick } from './GoalTick';
import { Markdown } from './Markdown';

interface GoalListProps {
  readonly goals: readonly GoalView[];
  readonly answers: Readonly<Record<string, number>>;
  readonly busy: boolean;
  readonly onAnswer: (goalId: string, answer: number) => void;
}

/** A step's goals: Neurite's tick, what the goal asks, and what Neurite saw. */
export function GoalList({ goals, answers, busy, onAnswer }: GoalListProps) {
  if (goals.length === 0) return null;
  return (
    <ul className="lab-goals" aria-label="Goals">
      {goals.map(({ goal, state }) => (
        <li key={goal.id} className="lab-goal" data-goal={goal.id}>
          <GoalTick met={state?.met === true} />
          <div className="lab-goal-body">
            <Markdown className="lab-goal-text" text={goal.text} />
            {state && (
              // What Neurite saw can quote the goal's own Markdown and formulas (a choice).
              <p className="lab-goal-detail">
                <Markdown inline text={state.detail} />
              </p>
            )}
            {isAnswerGoal(goal) && (
              <AnswerForm
                goal={goal}
                saved={answers[goal.id]}
                busy={busy}
                onAnswer={(answer) => onAnswer(goal.id, answer)}
              />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useId, useState } from 'react';
import type { GoalOf } from '../../../shared/labs/goals';
import { Markdown } from './Markdown';

interface AnswerFormProps {
  readonly goal: GoalOf<'number'> | GoalOf<'choice'>;
  /** The answer saved for this goal, if any (a number, or a choice counted from 0). */
  readonly saved: number | undefined;
  readonly busy: boolean;
  readonly onAnswer: (answer: number) => void;
}

/** A number field or the choices of an answer goal, with Check; Neurite decides if it is right. */
export function AnswerForm({ goal, saved, busy, onAnswer }: AnswerFormProps) {
  const id = useId();
  const [text, setText] = useState(saved === undefined ? '' : String(saved));
  const [choice, setChoice] = useState<number | undefined>(saved);
  const [problem, setProblem] = useState<string>();

  const check = () => {
    if (goal.kind === 'choice') {
      if (choice === undefined) return setProblem('Pick one of the answers, then press Check.');
      setProblem(undefined);
      return onAnswer(choice);
    }
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value)) {
      return setProblem('Type a number, like 0.5, then press Check.');
    }
    setProblem(undefined);
    onAnswer(value);
  };

  return (
    <form
      className="goal-answer"
      onSubmit={(event) => {
        event.preventDefault();
        check();
      }}
    >
      {goal.kind === 'choice' ? (
        <fieldset className="goal-choices" aria-label="Your answer">
          {goal.choices.map((words, index) => (
            <label key={words} className="goal-choice">
              <input
                type="radio"
                name={id}
                checked={choice === index}
                onChange={() => setChoice(index)}
              />
              <Markdown text={words} inline />
            </label>
          ))}
        </fieldset>
      ) : (
        <input
          className="goal-number"
          type="text"
          inputMode="decimal"
          aria-label="Your answer"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      )}
      <button type="submit" className="button" disabled={busy}>
        Check
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

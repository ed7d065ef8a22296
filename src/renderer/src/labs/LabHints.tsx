import { Markdown } from './Markdown';

interface LabHintsProps {
  readonly hints: readonly string[];
  /** How many the student has opened on this step (main remembers it). */
  readonly shown: number;
  readonly busy: boolean;
  readonly onShowOne: () => void;
}

/**
 * A step's hints, one at a time when asked: a hint read too early gives the answer away, and
 * the teacher sees how many were opened.
 */
export function LabHints({ hints, shown, busy, onShowOne }: LabHintsProps) {
  if (hints.length === 0) return null;
  const open = hints.slice(0, shown);
  return (
    <section className="lab-hints" aria-label="Hints">
      {open.length > 0 && (
        <ol className="lab-hint-list">
          {open.map((hint, index) => (
            <li key={index} className="lab-hint">
              <Markdown text={hint} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length && (
        <button type="button" className="link-button" disabled={busy} onClick={onShowOne}>
          {shown === 0 ? 'Show a hint' : 'Show another hint'} ({hints.length - shown} left)
        </button>
      )}
    </section>
  );
}

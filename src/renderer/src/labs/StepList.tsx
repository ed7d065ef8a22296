import type { LabStatus } from '../../../shared/labs/lab-api';
import { stepDone } from './lab-goals';

interface StepListProps {
  readonly status: LabStatus;
  readonly current: number;
  readonly busy: boolean;
  readonly onGo: (step: number) => void;
}

/** The lab's steps in order; the student may go to any of them, done or not. */
export function StepList({ status, current, busy, onGo }: StepListProps) {
  return (
    <ol className="lab-steps" aria-label="Steps">
      {status.lab.steps.map((step, index) => {
        const done = stepDone(status, index);
        return (
          <li key={index}>
            <button
              type="button"
              className={`lab-step${index === current ? ' lab-step-current' : ''}`}
              aria-current={index === current ? 'step' : undefined}
              disabled={busy}
              onClick={() => onGo(index)}
            >
              <span className="lab-step-number">{done ? '✓' : index + 1}</span>
              <span className="lab-step-title">{step.title}</span>
              {done && <span className="visually-hidden"> (done)</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

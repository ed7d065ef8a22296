import type { LabStatus } from '../../../shared/labs/lab-api';
import { goalCount, stepDone } from './lab-goals';

/** Once a step's goals are all met, says so and what comes next, so no one waits for more. */
export function StepDoneNote({ status, step }: { status: LabStatus; step: number }) {
  const count = goalCount(status);
  if (count.total > 0 && count.met === count.total) {
    return (
      <p className="lab-done">
        You have met every goal of this lab. Hand it in (below) when your teacher asks.
      </p>
    );
  }
  if (!stepDone(status, step)) return null;
  const next = status.lab.steps[step + 1];
  return (
    <p className="lab-done">
      Every goal of this step is met.
      {next ? ` Next step: ${next.title}.` : ' Some goals of other steps are still open.'}
    </p>
  );
}

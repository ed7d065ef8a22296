import type { LabSummary } from '../../../shared/labs/lab-api';
import { plural } from '../../../shared/text/plural';
import { Markdown } from './Markdown';

interface LabCardProps {
  readonly summary: LabSummary;
  /** Where it came from when it is not built in (the file's name). */
  readonly fileName?: string;
  readonly onStart: () => void;
  readonly onHandOut: () => void;
}

/** One lab on the projects screen: what it teaches, how long it is, Start and Hand out. */
export function LabCard({ summary, fileName, onStart, onHandOut }: LabCardProps) {
  return (
    <li className="lab-card" data-lab={summary.id}>
      <h3>{summary.title}</h3>
      {fileName && <p className="lab-card-counts">From {fileName}</p>}
      <Markdown className="lab-card-learn" text={summary.learn} />
      <p className="lab-card-counts">
        {plural(summary.steps, 'step')}, {plural(summary.goals, 'goal')}
      </p>
      <div className="lab-card-buttons">
        <button type="button" className="button button-primary" onClick={onStart}>
          Start
        </button>
        <button
          type="button"
          className="button"
          title="Save the lab file to give to your students"
          onClick={onHandOut}
        >
          Hand out…
        </button>
      </div>
    </li>
  );
}

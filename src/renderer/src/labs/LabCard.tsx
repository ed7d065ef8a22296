import { useId, useLayoutEffect, useRef, useState } from 'react';
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
  const learnId = useId();
  const learn = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState(false);
  // The card shows the opening of what the lab teaches; More shows the rest in place. A text
  // that fits whole needs neither the fade nor the button.
  const [fits, setFits] = useState(false);
  useLayoutEffect(() => {
    const box = learn.current?.firstElementChild;
    if (!box || expanded) return;
    setFits(box.clientHeight > 0 && box.scrollHeight <= box.clientHeight);
  }, [summary.learn, expanded]);

  return (
    <li className="lab-card" data-lab={summary.id}>
      <h3>{summary.title}</h3>
      {fileName && <p className="lab-card-counts">From {fileName}</p>}
      <div ref={learn} id={learnId}>
        <Markdown
          className={`lab-card-learn${expanded ? ' lab-card-learn-open' : fits ? '' : ' lab-card-learn-cut'}`}
          text={summary.learn}
        />
      </div>
      {!fits && (
        <button
          type="button"
          className="link-button lab-card-more"
          aria-expanded={expanded}
          aria-controls={learnId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Less' : 'More'}
          <span className="visually-hidden"> about what “{summary.title}” teaches</span>
        </button>
      )}
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

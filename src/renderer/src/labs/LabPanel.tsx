import './labs.css';
import { useEffect, useRef, useState } from 'react';
import type { LabStatusState } from './use-lab-status';
import { currentStep, goalCount, stepGoals } from './lab-goals';
import { StepDoneNote } from './StepDoneNote';
import { GoalList } from './GoalList';
import { HandInDialog } from './HandInDialog';
import { LabHints } from './LabHints';
import { Markdown } from './Markdown';
import { StepList } from './StepList';
import { useApi } from '../api';

interface LabPanelProps {
  readonly projectId: string;
  /** The lab's title, known from the project before its status arrives. */
  readonly title: string;
  readonly lab: LabStatusState;
  readonly collapsed: boolean;
  readonly onCollapsedChange: (collapsed: boolean) => void;
  readonly saveNow: () => Promise<void>;
  /** Says a sentence in the workspace's status line (a saved hand-in). */
  readonly onMessage: (message: string) => void;
}

/**
 * Beside the workspace while a project follows a lab: its steps, the current step's
 * instructions, hints and goals, which Neurite ticks as it sees them met.
 */
export function LabPanel(props: LabPanelProps) {
  const { projectId, lab, collapsed } = props;
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [handingIn, setHandingIn] = useState(false);
  const { status } = lab;
  const step = status ? currentStep(status) : 0;
  const panel = useRef<HTMLElement>(null);
  const stepTitle = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);

  // A new step opens at its title: the panel scrolls back up to it when the student had read
  // further down (it leaves the step list in view when that is where the student is).
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    const box = panel.current;
    const title = stepTitle.current;
    if (!box || !title) return;
    // The panel is the title's offset parent (position: relative), so this is where the title
    // sits in the panel's scrolled content.
    const top = Math.max(0, title.offsetTop - 8);
    if (box.scrollTop > top) box.scrollTop = top;
  }, [step]);

  if (collapsed) {
    return (
      <aside className="lab-panel lab-panel-collapsed" aria-label="Lab">
        <button
          type="button"
          className="lab-panel-toggle"
          aria-expanded={false}
          title={`Show the lab “${props.title}”`}
          onClick={() => props.onCollapsedChange(false)}
        >
          Lab ›
        </button>
      </aside>
    );
  }

  const send = async (
    input: { step: number; hintShown?: boolean } | { goalId: string; answer: number },
    failure: string,
  ) => {
    setBusy(true);
    await lab.change(
      () =>
        'goalId' in input
          ? api.call('labs.answer', { projectId, ...input })
          : api.call('labs.progress', { projectId, hintShown: false, ...input }),
      failure,
    );
    setBusy(false);
  };

  const stepDoc = status?.lab.steps[step];
  const count = status ? goalCount(status) : undefined;
  const goTo = (next: number) =>
    void send({ step: next }, 'The lab could not move to that step. Try again.');

  return (
    <aside ref={panel} className="lab-panel" aria-label="Lab">
      <header className="lab-panel-header">
        <div>
          <h2 className="lab-title">{status?.lab.title ?? props.title}</h2>
          {status?.lab.author && <p className="lab-author">{status.lab.author}</p>}
        </div>
        <button
          type="button"
          className="lab-panel-toggle"
          aria-expanded={true}
          title="Hide the lab"
          onClick={() => props.onCollapsedChange(true)}
        >
          ‹
        </button>
      </header>
      {status && (
        <details className="lab-learn">
          <summary>What you will learn</summary>
          <Markdown text={status.lab.learn} />
        </details>
      )}
      {count && (
        <p className="lab-overall" role="status" aria-label="Lab progress">
          {count.met} of {count.total} goals met
        </p>
      )}
      {lab.problem && (
        <p className="banner banner-error" role="alert">
          {lab.problem}
        </p>
      )}
      {!status && !lab.problem && <p className="loading">Reading the lab…</p>}
      {status && stepDoc && (
        <>
          <StepList status={status} current={step} busy={busy} onGo={goTo} />
          <section className="lab-step-body" aria-label={`Step ${step + 1}: ${stepDoc.title}`}>
            <h3 ref={stepTitle}>
              Step {step + 1} of {status.lab.steps.length}: {stepDoc.title}
            </h3>
            <Markdown className="lab-instructions" text={stepDoc.instructions} />
            <LabHints
              hints={stepDoc.hints}
              shown={status.progress.hintsShown[String(step)] ?? 0}
              busy={busy}
              onShowOne={() =>
                void send({ step, hintShown: true }, 'The hint could not be opened. Try again.')
              }
            />
            <GoalList
              goals={stepGoals(status, step)}
              answers={status.progress.answers}
              busy={busy}
              onAnswer={(goalId, answer) =>
                void send({ goalId, answer }, 'Your answer could not be checked. Try again.')
              }
            />
            <StepDoneNote status={status} step={step} />
            {status.notes.length > 0 && (
              <ul className="lab-notes">
                {status.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </section>
          <div className="lab-step-buttons">
            <button
              type="button"
              className="button"
              disabled={busy || step === 0}
              onClick={() => goTo(step - 1)}
            >
              Previous step
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || step >= status.lab.steps.length - 1}
              onClick={() => goTo(step + 1)}
            >
              Next step
            </button>
          </div>
        </>
      )}
      <footer className="lab-panel-footer">
        <button type="button" className="button" onClick={() => setHandingIn(true)}>
          Hand in…
        </button>
      </footer>
      {handingIn && (
        <HandInDialog
          projectId={projectId}
          saveNow={props.saveNow}
          onClose={() => setHandingIn(false)}
          onDone={(said) => {
            setHandingIn(false);
            props.onMessage(said);
          }}
        />
      )}
    </aside>
  );
}

import { useCallback, useState, useSyncExternalStore } from 'react';
import { describeError } from '../api';
import { BackToProjects } from '../components/BackToProjects';
import type { SaveState } from './autosaver';
import type { ProjectSession } from './project-session';

interface WorkspaceHeaderProps {
  readonly session: ProjectSession;
  readonly onShowHistory: () => void;
  /** Opens the export dialog, which says what a project file can hold. */
  readonly onExport: () => void;
}

/** The project's name (click to rename), whether it is saved, its history and export. */
export function WorkspaceHeader({ session, onShowHistory, onExport }: WorkspaceHeaderProps) {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const saveState = useSyncExternalStore(subscribe, () => session.saveState);
  const name = useSyncExternalStore(subscribe, () => session.projectName);

  return (
    <header className="app-header workspace-header">
      <div className="brand">
        <a className="brand-home" href="#/" title="All projects" aria-label="All projects">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Neurite</span>
        </a>
        <BackToProjects />
        {/* Keyed by the name so that a rename from elsewhere resets the field. */}
        <ProjectName key={name} name={name} onRename={(next) => session.rename(next)} />
      </div>
      <div className="header-actions">
        <SaveIndicator state={saveState} onRetry={() => void session.saveNow().catch(() => {})} />
        <button type="button" className="button" onClick={onShowHistory}>
          History
        </button>
        <button
          type="button"
          className="button"
          onClick={onExport}
          title="Save the project as a file: its network and settings, or with its trained runs and weights"
        >
          Export…
        </button>
      </div>
    </header>
  );
}

function ProjectName({
  name,
  onRename,
}: {
  name: string;
  onRename: (name: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState(name);
  const [problem, setProblem] = useState<string>();

  const commit = () => {
    const next = draft.trim();
    if (next === name) return setProblem(undefined);
    if (next === '') {
      setProblem('A project needs a name.');
      return;
    }
    onRename(next).then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(describeError(error, 'The project could not be renamed.')),
    );
  };

  return (
    <span className="project-name-field">
      <input
        className="project-name"
        aria-label="Project name"
        value={draft}
        maxLength={200}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') {
            setDraft(name);
            setProblem(undefined);
          }
        }}
      />
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

const SAVE_TEXT: Readonly<Record<Exclude<SaveState['status'], 'failed'>, string>> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
};

function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  if (state.status === 'failed') {
    return (
      <span className="save-state save-failed" role="alert">
        Not saved: {state.message}{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      </span>
    );
  }
  return (
    <span
      className={`save-state save-${state.status}`}
      role="status"
      data-save-state={state.status}
    >
      {SAVE_TEXT[state.status]}
    </span>
  );
}

import './workspace.css';
import { lazy, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ProjectSettings } from '../../../shared/api/project-settings';
import type { FitEdit } from '../../../shared/data/dataset-preview';
import { describeError, useApi, useLatestRequest } from '../api';
import { useAppCommands, type AppCommand } from '../app-commands';
import { useHistoryDocument } from '../editor/canvas/use-history';
import { navigate, WORKSPACE_TABS, type WorkspaceTab } from '../routes';
import { saveFileForUser } from '../save-file';
import type { LockableSetting } from '../../../shared/labs/lab-document';
import { useLabStatus } from '../labs/use-lab-status';
import { LazyPart } from '../components/LazyPart';
import { labStartSettings } from '../labs/lab-settings';
import { ProjectSession, UnreadableProjectError } from './project-session';
import { RevisionHistory } from './RevisionHistory';
import type { ExportChoice } from './ExportProjectDialog';
import { ExportProjectDialog } from './ExportProjectDialog';
import { WorkspaceHeader } from './WorkspaceHeader';

// Each panel brings its own heavy library (React Flow, plotly); load them when first shown.
const NetworkEditor = lazy(async () => ({
  default: (await import('../editor/NetworkEditor')).NetworkEditor,
}));
const DataPanel = lazy(async () => ({ default: (await import('../data/DataPanel')).DataPanel }));
const TrainingView = lazy(async () => ({
  default: (await import('../training/TrainingView')).TrainingView,
}));

// The lab panel renders Markdown with formulas (markdown-it and Temml): only lab projects load it.
const LabPanel = lazy(async () => ({ default: (await import('../labs/LabPanel')).LabPanel }));

const NOTHING_LOCKED: readonly LockableSetting[] = [];

const TAB_TITLES: Readonly<Record<WorkspaceTab, string>> = {
  network: 'Network',
  data: 'Data',
  training: 'Training',
};

type OpenState =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string; readonly details: readonly string[] }
  | { readonly status: 'ready'; readonly session: ProjectSession };

interface ProjectWorkspaceProps {
  readonly projectId: string;
  readonly tab: WorkspaceTab;
}

/** An open project: its name and save state on top, then the Network, Data and Training tabs. */
export function ProjectWorkspace({ projectId, tab }: ProjectWorkspaceProps) {
  const state = useOpenProject(projectId);
  if (state.status === 'loading') {
    return <p className="loading">Opening the project…</p>;
  }
  if (state.status === 'failed') {
    return (
      <div className="workspace-failed" role="alert">
        <h1>This project cannot be opened</h1>
        <p>{state.message}</p>
        {state.details.length > 0 && (
          <ul>
            {state.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
        <a href="#/">Back to your projects</a>
      </div>
    );
  }
  return <OpenWorkspace session={state.session} tab={tab} />;
}

/** Loads the project once; App keys the workspace by project id, so another id remounts. */
function useOpenProject(projectId: string): OpenState {
  const api = useApi();
  const opening = useLatestRequest();
  const [state, setState] = useState<OpenState>({ status: 'loading' });
  useEffect(() => {
    let session: ProjectSession | undefined;
    const fail = (error: unknown) =>
      setState({
        status: 'failed',
        message: describeError(error, 'The project could not be read.'),
        details: error instanceof UnreadableProjectError ? error.problems : [],
      });
    const cancel = opening.run(
      () => api.call('projects.open', { projectId }),
      (project) => {
        // Only the answer that is still wanted becomes a session (which saves and listens).
        try {
          session = new ProjectSession(api, project);
        } catch (error) {
          return fail(error);
        }
        setState({ status: 'ready', session });
      },
      fail,
    );
    return () => {
      cancel();
      session?.close();
    };
  }, [api, opening, projectId]);
  return state;
}

function useSessionValue<T>(session: ProjectSession, read: (s: ProjectSession) => T): T {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  return useSyncExternalStore(subscribe, () => read(session));
}

function OpenWorkspace({ session, tab }: { session: ProjectSession; tab: WorkspaceTab }) {
  const api = useApi();
  const doc = useHistoryDocument(session.history);
  const settings = useSessionValue(session, (s) => s.projectSettings);
  const [visited, setVisited] = useState<ReadonlySet<WorkspaceTab>>(() => new Set([tab]));
  const [historyOpen, setHistoryOpen] = useState(false);
  // The export dialog, open with this choice selected.
  const [exporting, setExporting] = useState<ExportChoice>();
  const [message, setMessage] = useState<string | undefined>(() =>
    session.settingsNotes.length > 0 ? session.settingsNotes.join(' ') : undefined,
  );

  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  // A lab project: the lab panel beside the tabs, and the settings the lab keeps locked.
  const lab = useLabStatus(session.lab ? session.projectId : undefined);
  const [labCollapsed, setLabCollapsed] = useState(false);
  const locked = lab.status?.lab.locked ?? NOTHING_LOCKED;
  const labDocument = lab.status?.lab;
  const labSettings = useMemo(
    () => (labDocument ? labStartSettings(labDocument) : undefined),
    [labDocument],
  );

  // Leaving the page with edits not yet stored: let the browser ask first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (session.hasUnsavedChanges) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [session]);

  // Ctrl+S out of habit: everything is saved on its own, but saving at once is what the user asks.
  useEffect(() => {
    const saveOnKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 's' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      session.saveNow().catch(() => undefined);
    };
    window.addEventListener('keydown', saveOnKey);
    return () => window.removeEventListener('keydown', saveOnKey);
  }, [session]);

  const exportProject = useCallback(
    async (includeRuns: boolean) => {
      try {
        await session.saveNow();
        const file = await api.call('projectFiles.export', {
          projectId: session.projectId,
          includeRuns,
        });
        const said = await saveFileForUser(api, file);
        if (said) setMessage(said);
      } catch (error) {
        setMessage(describeError(error, 'The project could not be exported.'));
      }
      setExporting(undefined);
    },
    [api, session],
  );

  const onCommand = useCallback(
    (command: AppCommand) => {
      if (command === 'saveAs') setExporting('network');
      if (command === 'exportWithRuns') setExporting('runs');
      if (command === 'undo' || command === 'redo') {
        // In a text field the menu's undo is the field's own; elsewhere it is the network's.
        const target = document.activeElement;
        if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
          document.execCommand(command);
        } else if (command === 'undo') session.history.undo();
        else session.history.redo();
      }
    },
    [session],
  );
  useAppCommands(onCommand);

  const onSettingsChange = useCallback(
    (next: ProjectSettings) => session.updateSettings(next),
    [session],
  );
  const saveNow = useCallback(() => session.saveNow(), [session]);
  // The data panel's fixes are edits like any other: one undo step, autosaved. setParams
  // merges, so each edit's params are only those it changes.
  const applyFixes = useCallback(
    (edits: readonly FitEdit[]) => {
      const result = session.history.apply({
        type: 'batch',
        changes: edits.map((edit) => ({ type: 'setParams', id: edit.nodeId, params: edit.params })),
      });
      return result.ok ? undefined : result.message;
    },
    [session],
  );
  const applyFix = useCallback((edit: FitEdit) => applyFixes([edit]), [applyFixes]);
  const chooseData = useCallback(
    () => navigate({ screen: 'project', projectId: session.projectId, tab: 'data' }),
    [session],
  );

  return (
    <div className="app">
      <WorkspaceHeader
        session={session}
        onShowHistory={() => setHistoryOpen(true)}
        onExport={() => setExporting('network')}
      />
      <nav className="workspace-tabs" role="tablist" aria-label="Project">
        {WORKSPACE_TABS.map((t) => (
          <a
            key={t}
            role="tab"
            aria-selected={t === tab}
            className="workspace-tab"
            href={`#/project/${encodeURIComponent(session.projectId)}/${t}`}
          >
            {TAB_TITLES[t]}
          </a>
        ))}
        {message && (
          <p className="workspace-message" role="status">
            {message}
            <button type="button" className="link-button" onClick={() => setMessage(undefined)}>
              Dismiss
            </button>
          </p>
        )}
      </nav>
      <div className="workspace-body">
        <div className="workspace-main">
          {WORKSPACE_TABS.filter((t) => visited.has(t)).map((t) => (
            // Panels stay mounted once opened, so live training and the canvas's view survive a
            // look at another tab.
            <section
              key={t}
              role="tabpanel"
              aria-label={TAB_TITLES[t]}
              className="workspace-panel"
              hidden={t !== tab}
            >
              <LazyPart fallback={<p className="loading">Loading…</p>}>
                {t === 'network' && <NetworkEditor history={session.history} />}
                {t === 'data' && (
                  <DataPanel
                    graph={doc}
                    value={settings.data}
                    onChange={(data) => onSettingsChange({ ...settings, data })}
                    onApplyFix={applyFix}
                    onApplyFixes={applyFixes}
                    locked={locked.includes('data')}
                  />
                )}
                {t === 'training' && (
                  <TrainingView
                    projectId={session.projectId}
                    graph={doc}
                    settings={settings}
                    onSettingsChange={onSettingsChange}
                    saveNow={saveNow}
                    onChooseData={chooseData}
                    {...(session.startingWeights
                      ? { startingWeights: session.startingWeights.source }
                      : {})}
                    lockedSettings={locked}
                    {...(labSettings ? { labSettings } : {})}
                  />
                )}
              </LazyPart>
            </section>
          ))}
        </div>
        {session.lab && (
          <LazyPart fallback={null}>
            <LabPanel
              projectId={session.projectId}
              title={session.lab.title}
              lab={lab}
              collapsed={labCollapsed}
              onCollapsedChange={setLabCollapsed}
              saveNow={saveNow}
              onMessage={setMessage}
            />
          </LazyPart>
        )}
      </div>
      {exporting && (
        <ExportProjectDialog
          initial={exporting}
          onExport={(choice) => exportProject(choice === 'runs')}
          onClose={() => setExporting(undefined)}
        />
      )}
      {historyOpen && (
        <RevisionHistory
          session={session}
          onClose={() => setHistoryOpen(false)}
          onRestored={(savedAt) => {
            setHistoryOpen(false);
            setMessage(`Restored the network as it was at ${savedAt}.`);
          }}
        />
      )}
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError, useApi, useApiEvent, useApiQuery, useLatestRequest } from '../api';
import type { ProjectSettings } from '../../../shared/api/project-settings';
import { DEFAULT_TRAINING_CONFIG } from '../../../shared/api/project-settings';
import type { GraphDocument } from '../../../shared/graph/document';
import { ruinousWarnings } from '../../../shared/inference/ruinous';
import { analyzeGraph } from '../../../shared/inference/analyze';
import type { BackendChoice } from '../../../shared/training/backends';
import type { TrainingConfig } from '../../../shared/training/config';
import type { RunControl } from '../../../shared/training/commands';
import type { TrainerEvent } from '../../../shared/training/events';
import { plural } from '../../../shared/text/plural';
import { templateDefaults } from '../../../shared/training/template-defaults';
import { LiveCharts } from './charts/LiveCharts';
import { LiveInsideFeed } from './live-inside/LiveInsideView';
import { BackendBadge } from './controls/BackendBadge';
import { ProgressBar } from './controls/ProgressBar';
import { RunControls } from './controls/RunControls';
import { draftFromConfig, type FormDraft } from './model/form-fields';
import { TrainingForm } from './form/TrainingForm';
import { checkForm } from './model/validate-form';
import { LiveRun } from './model/live-run';
import { IDLE, isActive, phaseText, runViewAfter, type RunView } from './model/run-state';
import { FinalResults } from './results/FinalResults';
import { RunDiagnosis, epochsOfSeries } from './results/RunDiagnosis';
import { ExportModelButton } from './results/ExportModelButton';
import { ExportResultsButtons } from './results/ExportResultsButtons';
import { InsidePanel } from '../inside/InsidePanel';
import { RunNotes } from './results/RunNotes';
import { datasetLabel } from './model/run-labels';
import { PastRuns } from './runs/PastRuns';
import { StartingWeights } from './StartingWeights';
import type { LockableSetting } from '../../../shared/labs/lab-document';
import { lockedFieldTest } from '../labs/locked-settings';
import './training.css';

export interface TrainingViewProps {
  readonly projectId: string;
  /** The network as it is now in the editor. */
  readonly graph: GraphDocument;
  /** Data set, training form and backend, as last saved for the project. */
  readonly settings: ProjectSettings;
  /** Called when the user changes the form or backend; the workspace saves it. */
  readonly onSettingsChange: (settings: ProjectSettings) => void;
  /**
   * Saves the network now if it has unsaved edits. `training.start` trains the project's
   * latest saved revision, so call this (and await it) before starting.
   */
  readonly saveNow: () => Promise<void>;
  /** Takes the user to the data panel (when no data set is chosen yet). */
  readonly onChooseData: () => void;
  /** The model a project was imported from, whose weights every run starts from. */
  readonly startingWeights?: string;
  /** The settings the project's lab keeps at its own values (none outside a lab). */
  readonly lockedSettings?: readonly LockableSetting[];
  /**
   * The settings the project's lab started it with (none outside a lab): what Reset goes back
   * to and the defaults the form shows, rather than the template's.
   */
  readonly labSettings?: TrainingConfig;
}

const nextFrame = (callback: () => void) => {
  requestAnimationFrame(() => callback());
};

/** How long the form waits after the last keystroke before its settings are saved. */
const SAVE_DELAY_MS = 400;

const NO_START =
  'Training could not start because Neurite did not answer. Check that it is still running, then try again.';

/**
 * The Training tab: the form for every training option, the controls, live progress and
 * charts of the run in progress, its final results, and the project's past runs.
 */
export function TrainingView(props: TrainingViewProps) {
  // Another project starts from a clean form and no live run.
  return <ProjectTraining key={props.projectId} {...props} />;
}

function ProjectTraining(props: TrainingViewProps) {
  const { projectId, settings, onSettingsChange } = props;
  const api = useApi();

  // The form keeps what the user typed, valid or not; only valid settings are saved.
  const [draft, setDraft] = useState<FormDraft>(() => draftFromConfig(settings.training));
  const check = useMemo(() => checkForm(draft), [draft]);
  const { labSettings } = props;
  const defaults = useMemo(
    () =>
      draftFromConfig(
        labSettings ??
          ((settings.template && templateDefaults(settings.template)?.training) ||
            DEFAULT_TRAINING_CONFIG),
      ),
    [labSettings, settings.template],
  );
  const { lockedSettings } = props;
  const isLocked = useMemo(() => lockedFieldTest(lockedSettings ?? []), [lockedSettings]);
  // Handlers and timers read the newest settings, not the ones of the render that set them.
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const changeField = (key: string, value: string | boolean) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    const { config } = checkForm(next);
    clearTimeout(saveTimer.current);
    if (!config) return;
    saveTimer.current = setTimeout(
      () => onSettingsChange({ ...settingsRef.current, training: config }),
      SAVE_DELAY_MS,
    );
  };
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const changeBackend = (backend: BackendChoice) =>
    onSettingsChange({ ...settingsRef.current, backend });

  const resetToDefaults = () => {
    // What a lab locks keeps the lab's value, even where the lab's file gives none of its own.
    const kept = Object.entries(draft).filter(([key]) => isLocked(key));
    const next: FormDraft = { ...defaults, ...Object.fromEntries(kept) };
    setDraft(next);
    const { config } = checkForm(next);
    if (config) onSettingsChange({ ...settingsRef.current, training: config });
  };

  // Built-in data set titles, for naming the chosen data set and the runs' data sets.
  const builtins = useApiQuery('datasets.builtins', {}).data;
  const datasetTitles = useMemo(
    () => Object.fromEntries((builtins ?? []).map((s) => [s.name, s.title])),
    [builtins],
  );

  // The current run: slow-changing state in React, fast numbers in LiveRun.
  const [view, setView] = useState<RunView>(IDLE);
  const [live, setLive] = useState<LiveRun>();
  const liveRef = useRef<LiveRun | undefined>(undefined);
  /** Events of a run whose id training.start has not returned yet. */
  const early = useRef(new Map<string, TrainerEvent[]>());
  const [runsVersion, setRunsVersion] = useState(0);

  const adopt = useCallback((run: LiveRun) => {
    liveRef.current = run;
    setLive(run);
    for (const event of early.current.get(run.runId) ?? []) {
      run.handle(event);
      setView((current) => runViewAfter(current, event));
    }
    early.current.clear();
  }, []);

  useApiEvent('training.event', ({ runId, projectId: eventProject, event }) => {
    if (eventProject !== projectId) return;
    const run = liveRef.current;
    if (!run || run.runId !== runId) {
      const waiting = early.current.get(runId) ?? [];
      waiting.push(event);
      early.current.set(runId, waiting);
      return;
    }
    run.handle(event);
    if (event.type !== 'batch' && event.type !== 'epoch' && event.type !== 'inside') {
      setView((current) => runViewAfter(current, event));
    }
    if (event.type === 'finished' || event.type === 'stopped' || event.type === 'failed') {
      setRunsVersion((v) => v + 1);
    }
  });

  // A run still training (or waiting for a free core) when the tab opens, e.g. after switching
  // tabs, is followed again.
  const following = useLatestRequest();
  useEffect(
    () =>
      following.run(
        async (signal) => {
          const runs = await api.call('runs.list', { projectId });
          const running = runs.find((run) => run.status === 'running');
          if (!running || signal.aborted || liveRef.current) return undefined;
          return { running, details: await api.call('runs.get', { runId: running.id }) };
        },
        (found) => {
          if (!found || liveRef.current) return;
          const { running, details } = found;
          const run = new LiveRun(running.id, details.config.epochs, nextFrame);
          for (const record of details.epochs) {
            run.series.addEpoch({
              epoch: record.epoch,
              loss: record.loss,
              metrics: record.metrics,
              ...(record.validationLoss === null
                ? {}
                : {
                    validation: {
                      loss: record.validationLoss,
                      metrics: record.validationMetrics ?? {},
                    },
                  }),
              learningRate: record.learningRate,
            });
          }
          if (details.liveInside) run.handle(details.liveInside);
          setView(
            details.waiting
              ? { ...IDLE, phase: 'queued', runId: running.id, queue: details.waiting }
              : { ...IDLE, phase: 'running', runId: running.id },
          );
          adopt(run);
        },
        // The runs list below says when runs cannot be read.
      ),
    [api, following, projectId, adopt],
  );

  const analysis = useMemo(() => analyzeGraph(props.graph), [props.graph]);
  const graphErrors = analysis.issues.filter((issue) => issue.severity === 'error');
  const startWarnings = useMemo(
    () => ({
      networkKey: JSON.stringify(props.graph),
      messages: ruinousWarnings(analysis.issues).map((warning) => warning.message),
    }),
    [analysis, props.graph],
  );
  const fieldErrors = Object.keys(check.errors).length;
  const blockedReason = !settings.data
    ? 'Choose a data set first, in the Data tab.'
    : props.graph.nodes.length === 0
      ? 'The network is empty: add an Input, some layers and an Output on the Network tab.'
      : graphErrors.length > 0
        ? `The network has ${plural(graphErrors.length, 'error')}: ${graphErrors[0]!.message} Fix ${graphErrors.length === 1 ? 'it' : 'them'} on the Network tab.`
        : fieldErrors > 0
          ? `${fieldErrors} setting${fieldErrors === 1 ? ' needs' : 's need'} a fix: see the field${fieldErrors === 1 ? '' : 's'} marked in red.`
          : undefined;

  const start = async () => {
    const config = check.config;
    const data = settings.data;
    if (!config || !data) return;
    clearTimeout(saveTimer.current);
    onSettingsChange({ ...settingsRef.current, training: config });
    setView({ ...IDLE, phase: 'starting' });
    liveRef.current = undefined;
    setLive(undefined);
    try {
      await props.saveNow();
      const { runId } = await api.call('training.start', {
        projectId,
        data,
        config,
        backend: settings.backend,
      });
      setView((current) => ({ ...current, runId }));
      adopt(new LiveRun(runId, config.epochs, nextFrame));
      setRunsVersion((v) => v + 1);
    } catch (error) {
      setView({ ...IDLE, startError: describeError(error, NO_START) });
    }
  };

  const [commandError, setCommandError] = useState<string>();
  const command = (control: RunControl) => {
    const runId = liveRef.current?.runId;
    if (!runId) return;
    setCommandError(undefined);
    if (control.type === 'stop') setView((current) => ({ ...current, phase: 'stopping' }));
    api.call('training.command', { runId, command: control }).catch((error: unknown) => {
      setCommandError(describeError(error, 'The command did not reach the run.'));
    });
  };

  const active = isActive(view.phase);
  const chosenData = settings.data;
  const dataHint = settings.template ? templateDefaults(settings.template)?.dataHint : undefined;

  return (
    <div className="training-view">
      <aside className="training-side">
        <div className="training-data">
          <h2 className="training-subtitle">Data set</h2>
          {chosenData ? (
            <p>
              <strong>{datasetLabel(chosenData, datasetTitles)}</strong>{' '}
              <button type="button" className="link-button" onClick={props.onChooseData}>
                Change
              </button>
            </p>
          ) : (
            <>
              <p className="empty">No data set chosen yet.</p>
              {dataHint && <p className="field-hint">{dataHint}</p>}
              <button type="button" className="button" onClick={props.onChooseData}>
                Choose a data set
              </button>
            </>
          )}
        </div>
        {props.startingWeights && <StartingWeights source={props.startingWeights} />}
        <div className="training-form-head">
          <h2 className="training-subtitle">Settings</h2>
          <button type="button" className="link-button" onClick={resetToDefaults} disabled={active}>
            {labSettings
              ? "Reset to the lab's settings"
              : settings.template
                ? "Reset to the template's defaults"
                : 'Reset to defaults'}
          </button>
        </div>
        <TrainingForm
          draft={draft}
          defaults={defaults}
          errors={check.errors}
          config={check.config}
          onChange={changeField}
          backend={settings.backend}
          onBackendChange={changeBackend}
          disabled={active}
          isLocked={isLocked}
        />
      </aside>

      <section className="training-main" aria-label="Training">
        <div className="training-toolbar">
          <RunControls
            phase={view.phase}
            blockedReason={blockedReason}
            onStart={() => void start()}
            startWarnings={startWarnings}
            onPause={() => command({ type: 'pause' })}
            onResume={() => command({ type: 'resume' })}
            onStep={() => command({ type: 'step' })}
            onStop={() => command({ type: 'stop' })}
            onSetLearningRate={(value) => command({ type: 'setLearningRate', value })}
          />
          <div className="training-status-line">
            <span
              className={`run-status run-status-${view.phase}`}
              role="status"
              aria-label="Run status"
            >
              {phaseText(view)}
            </span>
            {view.started && <BackendBadge report={view.started.backend} />}
          </div>
        </div>

        {view.startError && (
          <div className="training-error" role="alert">
            <strong>Training did not start.</strong> {view.startError}
          </div>
        )}
        {commandError && (
          <p className="training-error" role="alert">
            {commandError}
          </p>
        )}
        {view.final?.type === 'failed' && (
          <div className="training-error" role="alert">
            <strong>Training failed.</strong> {view.final.message}
          </div>
        )}

        {live && (
          <>
            <ProgressBar
              run={live}
              paused={view.phase === 'paused'}
              ended={!active && view.phase !== 'idle'}
              waiting={view.phase === 'queued' ? phaseText(view) : undefined}
            />
            <LiveCharts run={live} />
            <LiveInsideFeed run={live} />
          </>
        )}
        <RunNotes view={view} />
        {live && <RunDiagnosis epochs={epochsOfSeries(live.series)} end={view.final} />}
        {view.final?.type === 'finished' && <FinalResults event={view.final} />}
        {view.final?.type === 'finished' && live && (
          <>
            <ExportModelButton runId={live.runId} />
            <ExportResultsButtons runId={live.runId} />
            <InsidePanel key={`inside-${live.runId}`} runId={live.runId} />
          </>
        )}

        <PastRuns
          projectId={projectId}
          version={runsVersion}
          datasetTitles={datasetTitles}
          liveRunId={live?.runId}
          waitingRunId={view.phase === 'queued' ? view.runId : undefined}
        />
      </section>
    </div>
  );
}

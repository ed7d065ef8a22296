import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { parseLab } from '../../../shared/labs/parse-lab';
import type { TrainingConfig } from '../../../shared/training/config';
import { changedLockedSettings } from '../../labs/locked-settings';
import type { ProjectStore } from '../store/project-store';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { analyzeGraph } from '../../../shared/inference/analyze';
import type { TrainingJob } from '../../../shared/training/commands';
import type { TrainerEvent } from '../../../shared/training/events';
import { writeProblemInWords } from '../../data/write-problem';
import { ServiceError } from '../service-error';
import { StoreError } from '../store/store-error';
import { writeStartingWeights } from '../store/starting-weights-folder';
import type { TrainerHandle } from '../workers/trainer-host';
import { followTrainer } from '../workers/trainer-host';
import type { Handlers, ServiceContext } from './context';

function isFinal(event: TrainerEvent): boolean {
  return event.type === 'finished' || event.type === 'stopped' || event.type === 'failed';
}

/** How long a trainer may take to stop cleanly when the app closes, before it is killed. */
const STOP_GRACE_MS = 5000;

/** How long a trainer may take to exit after its final event before it is ended. */
const EXIT_GRACE_MS = 10_000;

/** A run that was started but whose trainer has not: it waits in line for a free core. */
interface QueuedRun {
  readonly runId: string;
  readonly projectId: string;
  readonly job: TrainingJob;
}

/**
 * Starting runs and steering them. Main analyses the graph again before training (it never
 * trusts the renderer), keeps every event in the store and passes it on to the UI.
 *
 * At most `maxRuns` runs have a trainer process at once (one per core by default): twelve
 * students pressing Train together must not start twelve processes on a four-core classroom
 * computer. A run started beyond that is a 'running' run whose trainer has not started yet: it
 * waits in line, hears its place (a `queued` event, again whenever it moves up), and starts
 * when a run ends. Stopping it takes it out of the line; it ends 'stopped' without a process.
 */
export function trainingHandlers(
  context: ServiceContext,
  maxRuns: number,
): {
  handlers: Pick<Handlers, 'training.start' | 'training.command'>;
  stopAll(): Promise<void>;
  /** Runs training or waiting for a free core. */
  activeCount(): number;
  /** A waiting run's place in line (1 = next) and the limit; undefined for any other run. */
  waitingOf(runId: string): { position: number; limit: number } | undefined;
} {
  /** Runs training now, which commands can reach. */
  const running = new Map<string, TrainerHandle>();
  /**
   * Runs whose trainer process exists, until it has exited: a run's final event arrives a
   * moment before its process ends, and the next run waits for that.
   */
  const processes = new Set<string>();
  /** First in line first. */
  const queue: QueuedRun[] = [];
  /** stopAll was called: nothing starts any more. */
  let closing = false;
  const { store } = context;

  /**
   * An imported project's runs start from the model's weights: written into the run's folder,
   * which keeps them. A run whose weights cannot be written ends there, failed, with why.
   */
  const startingWeightsOf = (
    projectId: string,
    runId: string,
    outDir: string,
  ): string | undefined => {
    const start = store.startingWeights(projectId);
    if (!start) return undefined;
    try {
      return writeStartingWeights(outDir, start);
    } catch (error) {
      const full = ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException).code ?? '');
      const message = `Training did not start: the weights this project was imported with could not be copied for the run (${writeProblemInWords(error)}). ${full ? 'Free some disk space' : 'Check that Neurite may write to its data folder'} and try again.`;
      store.recordEvent(runId, { type: 'failed', code: 'start.unwritable', message });
      throw new ServiceError('storage', message);
    }
  };

  /** Starts the run's trainer now; when it ends, the next run in line starts. */
  const launch = ({ runId, projectId, job }: QueuedRun): void => {
    /** Why the run's progress could not be saved, once it could not: the run is stopped. */
    let unsaved: string | undefined;
    let epochsSaved = 0;
    const handle = followTrainer(context.launchWorker(), job, (received) => {
      let event = received;
      try {
        if (unsaved === undefined) store.recordEvent(runId, event);
        if (event.type === 'epoch') epochsSaved = event.epoch;
      } catch (error) {
        // The disk is full, or another program held the database past its wait: the server
        // stays up, the run stops cleanly and the student is told why.
        unsaved = error instanceof StoreError ? error.message : String(error);
        handle.send({ type: 'stop' });
      }
      if (unsaved !== undefined && isFinal(event)) {
        // The trainer saved what it had learnt when it stopped (in the temporary folder when
        // the run's folder could not take it): say where, so nothing is lost.
        const kept =
          event.type === 'stopped' && event.outDir
            ? ` The weights it had learnt by then are kept in "${event.outDir}".`
            : '';
        event = {
          type: 'failed',
          code: 'storage',
          message: `Neurite could not save this run's progress, so it stopped the run after epoch ${epochsSaved}. ${unsaved}${kept}`,
        };
        try {
          // The run ends as failed in the database too, when it takes the write again.
          store.recordEvent(runId, event);
        } catch {
          // Still unwritable: the run is marked failed when Neurite next starts.
        }
      }
      context.emit('training.event', { runId, projectId, event });
      if (isFinal(event)) {
        running.delete(runId);
        context.emit('project.changed', { projectId });
        // Its core is free once the process has exited; one that lingers is ended.
        exitTimer = setTimeout(() => handle.kill(), EXIT_GRACE_MS);
        exitTimer.unref();
      }
    });
    let exitTimer: ReturnType<typeof setTimeout> | undefined;
    running.set(runId, handle);
    processes.add(runId);
    void handle.done.then(() => {
      clearTimeout(exitTimer);
      processes.delete(runId);
      startWaiting();
    });
  };

  /** The run waits for a free core: it (and the page) hears its place in line. */
  const announce = ({ runId, projectId }: QueuedRun, position: number): void => {
    const event: TrainerEvent = { type: 'queued', position, limit: maxRuns };
    store.recordEvent(runId, event);
    context.emit('training.event', { runId, projectId, event });
  };

  /** Starts waiting runs while cores are free, and tells those still waiting where they are. */
  const startWaiting = (): void => {
    if (closing) return;
    let moved = false;
    while (processes.size < maxRuns && queue.length > 0) {
      launch(queue.shift()!);
      moved = true;
    }
    if (moved) queue.forEach((waiting, index) => announce(waiting, index + 1));
  };

  /** A run that never started ends stopped, without a process; those behind it move up. */
  const cancel = (waiting: QueuedRun): void => {
    queue.splice(queue.indexOf(waiting), 1);
    const event: TrainerEvent = { type: 'stopped', epoch: 0, batch: 0, beforeStart: true };
    try {
      store.recordEvent(waiting.runId, event);
    } catch {
      // The run is marked as interrupted when Neurite next starts.
    }
    context.emit('training.event', { runId: waiting.runId, projectId: waiting.projectId, event });
    context.emit('project.changed', { projectId: waiting.projectId });
  };

  const handlers: Pick<Handlers, 'training.start' | 'training.command'> = {
    'training.start': ({ projectId, data, validationData, testData, config, backend }) => {
      const project = store.getProject(projectId);
      const parsed = parseGraphDocument(project.graph);
      if (!parsed.ok) {
        throw new ServiceError(
          'invalid-input',
          `The network cannot be read: ${parsed.problems.map((p) => p.message).join(' ')}`,
        );
      }
      if (parsed.document.nodes.length === 0) {
        throw new ServiceError(
          'invalid-input',
          'The network is empty, and an empty network has no Input to train: add an Input, some layers and an Output first.',
        );
      }
      if (closing) {
        throw new ServiceError(
          'unavailable',
          'Neurite is closing, so no new run can start. Open it again and train then.',
        );
      }
      refuseLockedChanges(store, projectId, data, config);
      const errors = analyzeGraph(parsed.document).issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        throw new ServiceError(
          'invalid-input',
          `Fix the network before training: ${errors.map((e) => e.message).join(' ')}`,
        );
      }
      const run = store.createRun({
        projectId,
        revisionId: project.revisionId,
        data,
        config,
        backendChoice: backend,
      });
      const outDir = store.runFolder(run.id);
      const startingWeights = startingWeightsOf(projectId, run.id, outDir);
      const job: TrainingJob = {
        graph: parsed.document,
        data,
        ...(validationData ? { validationData } : {}),
        ...(testData ? { testData } : {}),
        config,
        backend,
        outDir,
        ...(startingWeights ? { startingWeights } : {}),
      };
      const waiting: QueuedRun = { runId: run.id, projectId, job };
      if (processes.size >= maxRuns) {
        queue.push(waiting);
        announce(waiting, queue.length);
      } else {
        launch(waiting);
      }
      context.emit('project.changed', { projectId });
      return { runId: run.id };
    },
    'training.command': ({ runId, command }) => {
      const waiting = queue.find((queued) => queued.runId === runId);
      if (waiting) {
        if (command.type !== 'stop') {
          throw new ServiceError(
            'conflict',
            'This run is still waiting for a free core, so it cannot be paused or changed yet. Wait until it starts training, or stop it.',
          );
        }
        cancel(waiting);
        queue.forEach((queued, index) => announce(queued, index + 1));
        return { ok: true as const };
      }
      const handle = running.get(runId);
      if (!handle) throw new ServiceError('not-found', 'That run is not running any more.');
      handle.send(command);
      return { ok: true as const };
    },
  };

  return {
    handlers,
    activeCount: () => running.size + queue.length,
    waitingOf: (runId) => {
      const index = queue.findIndex((queued) => queued.runId === runId);
      return index < 0 ? undefined : { position: index + 1, limit: maxRuns };
    },
    async stopAll() {
      closing = true;
      for (const waiting of [...queue]) cancel(waiting);
      await Promise.all(
        [...running.values()].map(async (handle) => {
          handle.send({ type: 'stop' });
          const timer = setTimeout(() => handle.kill(), STOP_GRACE_MS);
          await handle.done;
          clearTimeout(timer);
        }),
      );
    },
  };
}

/**
 * A lab's locked settings are part of what it asks: a run that changes one is refused before
 * it starts, so every student's figures are made the same way (and graded on the same data).
 */
function refuseLockedChanges(
  store: ProjectStore,
  projectId: string,
  data: DatasetSpec,
  config: TrainingConfig,
): void {
  const stored = store.projectLab(projectId);
  if (!stored) return;
  const parsed = parseLab(stored.source);
  if (!parsed.ok) return;
  const changed = changedLockedSettings(parsed.lab, data, config);
  if (changed.length === 0) return;
  throw new ServiceError(
    'invalid-input',
    `The lab "${parsed.lab.title}" keeps ${joinWords(changed)} as it set ${changed.length === 1 ? 'it' : 'them'}. Put ${changed.length === 1 ? 'it' : 'them'} back (the padlocked settings in the Training tab) and train again.`,
  );
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

import { randomUUID } from 'node:crypto';
import type { Run, RunSummary } from '../../../shared/api/records';
import { datasetSpecSchema } from '../../../shared/data/dataset-spec';
import { backendChoiceSchema } from '../../../shared/training/backends';
import { trainingConfigSchema } from '../../../shared/training/config';
import type { TrainerEvent, TrainerEventOf } from '../../../shared/training/events';
import { trainerEventSchema } from '../../../shared/training/events';
import { checked } from './checked';
import { fromJson } from './json-values';
import type { StoreContext } from './context';
import { requireProject } from './project-rows';
import { ensureRunFolder, removeRunFolders } from './run-folders';
import { epochMetrics, finishedMetrics } from './run-metrics';
import {
  insertEpoch,
  insertRun,
  readRun,
  readRunSummary,
  runNotFound,
  toRunSummary,
} from './run-rows';
import { StoreError } from './store-error';

export interface CreateRunInput {
  readonly projectId: string;
  readonly revisionId: number;
  readonly data: unknown;
  readonly config: unknown;
  readonly backendChoice: unknown;
}

/** A new run, status running, trained on one revision of the project. */
export function createRun(ctx: StoreContext, input: CreateRunInput): RunSummary {
  const data = checked(datasetSpecSchema, input.data, 'data', 'the data set');
  const config = checked(trainingConfigSchema, input.config, 'config', 'the training settings');
  const backendChoice = checked(
    backendChoiceSchema,
    input.backendChoice,
    'backendChoice',
    'the backend choice',
  );
  const id = randomUUID();
  ctx.write(() => {
    requireProject(ctx, input.projectId);
    const revision = ctx
      .sql('SELECT 1 FROM revisions WHERE id = ? AND project_id = ?')
      .get(input.revisionId, input.projectId);
    if (revision === undefined) {
      throw new StoreError(
        'not-found',
        `Version ${input.revisionId} of this network is not in the project's history any more. Save the network and train again.`,
      );
    }
    insertRun(ctx, {
      id,
      projectId: input.projectId,
      revisionId: input.revisionId,
      status: 'running',
      startedAt: ctx.now(),
      endedAt: null,
      backendChoice,
      backend: null,
      data,
      config,
      epochsRun: 0,
      finalMetrics: null,
      message: null,
      final: null,
    });
  });
  return readRunSummary(ctx, id);
}

/**
 * Records what a trainer reported. `started` names the backend, each `epoch` adds a row, an
 * `inside` event replaces the run's last one, and the final event (finished, stopped or
 * failed) ends the run. Events for a run that has already ended are ignored: the first ending
 * wins. Batch, checkpoint, pause, queue and log events are not kept.
 */
export function recordEvent(ctx: StoreContext, runId: string, raw: TrainerEvent): void {
  const event = checked(trainerEventSchema, raw, 'event', 'the training event');
  const row = ctx.sql('SELECT status FROM runs WHERE id = ?').get(runId) as
    { status: string } | undefined;
  if (row === undefined) throw runNotFound(runId);
  if (row.status !== 'running') return;
  switch (event.type) {
    case 'started':
      ctx.sql('UPDATE runs SET backend = ? WHERE id = ?').run(event.backend.active, runId);
      return;
    case 'epoch':
      ctx.write(() => {
        insertEpoch(ctx, runId, {
          epoch: event.epoch,
          fold: event.fold ?? null,
          loss: event.loss,
          metrics: event.metrics,
          validationLoss: event.validation?.loss ?? null,
          validationMetrics: event.validation?.metrics ?? null,
          learningRate: event.learningRate,
          elapsedMs: event.elapsedMs,
        });
        ctx
          .sql('UPDATE runs SET epochs_run = ?, final_metrics = ? WHERE id = ?')
          .run(event.epoch, JSON.stringify(epochMetrics(event)), runId);
      });
      return;
    case 'inside':
      ctx.sql('UPDATE runs SET live_inside = ? WHERE id = ?').run(JSON.stringify(event), runId);
      return;
    case 'finished':
      end(ctx, runId, event, finishedMessage(event), {
        epochsRun: event.epochsRun,
        finalMetrics: finishedMetrics(event),
      });
      return;
    case 'stopped':
      end(
        ctx,
        runId,
        event,
        event.beforeStart
          ? 'Stopped while it waited for a free core, before it started training.'
          : `Stopped during epoch ${event.epoch}.`,
      );
      return;
    case 'failed':
      end(ctx, runId, event, event.message);
      return;
    default:
      return;
  }
}

function finishedMessage(event: TrainerEventOf<'finished'>): string | null {
  if (!event.stoppedEarly) return null;
  return `Early stopping ended the run after epoch ${event.stoppedEarly.epoch}; the best epoch was ${event.stoppedEarly.bestEpoch}.`;
}

/** Ends a run; stopped and failed runs keep the last epoch's numbers as their final ones. */
function end(
  ctx: StoreContext,
  runId: string,
  event: TrainerEvent,
  message: string | null,
  finished?: { epochsRun: number; finalMetrics: Record<string, number> },
): void {
  ctx
    .sql(
      `UPDATE runs SET status = ?, ended_at = ?, message = ?, final_event = ?,
         epochs_run = coalesce(?, epochs_run), final_metrics = coalesce(?, final_metrics)
       WHERE id = ? AND status = 'running'`,
    )
    .run(
      event.type,
      ctx.now(),
      message,
      JSON.stringify(event),
      finished?.epochsRun ?? null,
      finished ? JSON.stringify(finished.finalMetrics) : null,
      runId,
    );
}

/** Where the trainer saves the run's model; created on request. */
export function runFolder(ctx: StoreContext, runId: string): string {
  readRunSummary(ctx, runId);
  return ensureRunFolder(ctx.dataDir, runId);
}

/** Newest first. */
export function listRuns(ctx: StoreContext, projectId: string): RunSummary[] {
  requireProject(ctx, projectId);
  return ctx
    .sql('SELECT * FROM runs WHERE project_id = ? ORDER BY started_at DESC, rowid DESC')
    .all(projectId)
    .map((row) => toRunSummary(ctx, row));
}

export function getRun(ctx: StoreContext, runId: string): Run {
  return readRun(ctx, runId);
}

/** The network a run was trained on: the graph of its revision, as stored. */
export function runGraph(ctx: StoreContext, runId: string): unknown {
  const graph = ctx
    .column('SELECT r.graph FROM revisions r JOIN runs u ON u.revision_id = r.id WHERE u.id = ?')
    .get(runId) as string | undefined;
  if (graph === undefined) throw runNotFound(runId);
  return fromJson<unknown>(graph);
}

/** Deletes a run, its epochs and its folder; a run still training must be stopped first. */
export function deleteRun(ctx: StoreContext, runId: string): void {
  ctx.write(() => {
    const row = ctx.sql('SELECT status FROM runs WHERE id = ?').get(runId) as
      { status: string } | undefined;
    if (row === undefined) throw runNotFound(runId);
    if (row.status === 'running') {
      throw new StoreError(
        'conflict',
        'This run is still training. Stop it first, then delete it.',
      );
    }
    ctx.sql('DELETE FROM runs WHERE id = ?').run(runId);
  });
  removeRunFolders(ctx.dataDir, [runId]);
}

export const INTERRUPTED_MESSAGE =
  'Neurite closed while this run was training, so it did not finish. The epochs recorded until then are kept; train again for a complete run.';

/**
 * Runs still marked running when the store opens were cut off by a crash or a forced quit:
 * they become failed, with a message and a final `failed` event. Returns how many.
 */
export function markInterruptedRuns(ctx: StoreContext): number {
  const final: TrainerEventOf<'failed'> = {
    type: 'failed',
    message: INTERRUPTED_MESSAGE,
    code: 'run.interrupted',
  };
  return ctx
    .sql(
      `UPDATE runs SET status = 'failed', ended_at = ?, message = ?, final_event = ?
       WHERE status = 'running'`,
    )
    .run(ctx.now(), INTERRUPTED_MESSAGE, JSON.stringify(final)).changes;
}

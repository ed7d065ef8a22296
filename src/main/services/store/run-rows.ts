import type { EpochRecord, Run, RunSummary } from '../../../shared/api/records';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { BackendChoice } from '../../../shared/training/backends';
import type { TrainingConfig } from '../../../shared/training/config';
import { trainingConfigSchema } from '../../../shared/training/config';
import type { TrainerEvent } from '../../../shared/training/events';
import type { LiveInsideEvent } from '../../../shared/training/live-inside';
import type { StoreContext } from './context';
import { fromJson, fromNullableJson } from './json-values';
import { hasWeights } from './run-folders';
import { StoreError } from './store-error';

interface RunRow {
  readonly id: string;
  readonly project_id: string;
  readonly revision_id: number;
  readonly status: RunSummary['status'];
  readonly started_at: string;
  readonly ended_at: string | null;
  readonly backend_choice: string;
  readonly backend: string | null;
  readonly data: string;
  readonly config: string;
  readonly epochs_run: number;
  readonly final_metrics: string | null;
  readonly message: string | null;
  readonly final_event: string | null;
  /** Since schema version 2. */
  readonly live_inside: string | null;
}

interface EpochRow {
  readonly epoch: number;
  readonly fold: number | null;
  readonly loss: number;
  readonly metrics: string;
  readonly validation_loss: number | null;
  readonly validation_metrics: string | null;
  readonly learning_rate: number;
  readonly elapsed_ms: number;
}

export function runNotFound(id: string): StoreError {
  return new StoreError(
    'not-found',
    `This training run no longer exists (id ${id}); it may have been deleted.`,
  );
}

export function toRunSummary(ctx: StoreContext, row: unknown): RunSummary {
  const r = row as RunRow;
  return {
    id: r.id,
    projectId: r.project_id,
    revisionId: r.revision_id,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    backend: r.backend,
    data: fromJson<DatasetSpec>(r.data),
    epochsRun: r.epochs_run,
    finalMetrics: fromNullableJson<Record<string, number>>(r.final_metrics),
    message: r.message,
    hasWeights: hasWeights(ctx.dataDir, r.id),
  };
}

function runRow(ctx: StoreContext, id: string): RunRow {
  const row = ctx.sql('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  if (row === undefined) throw runNotFound(id);
  return row;
}

export function readRunSummary(ctx: StoreContext, id: string): RunSummary {
  return toRunSummary(ctx, runRow(ctx, id));
}

export function readRun(ctx: StoreContext, id: string): Run {
  const row = runRow(ctx, id);
  const liveInside = fromNullableJson<LiveInsideEvent>(row.live_inside);
  const epochs = (
    ctx.sql('SELECT * FROM epochs WHERE run_id = ? ORDER BY seq').all(id) as EpochRow[]
  ).map((e): EpochRecord => ({
    epoch: e.epoch,
    fold: e.fold,
    loss: e.loss,
    metrics: fromJson<Record<string, number>>(e.metrics),
    validationLoss: e.validation_loss,
    validationMetrics: fromNullableJson<Record<string, number>>(e.validation_metrics),
    learningRate: e.learning_rate,
    elapsedMs: e.elapsed_ms,
  }));
  return {
    ...toRunSummary(ctx, row),
    config: storedRunConfig(fromJson<unknown>(row.config)),
    backendChoice: row.backend_choice as BackendChoice,
    epochs,
    final: fromNullableJson<TrainerEvent>(row.final_event),
    ...(liveInside ? { liveInside } : {}),
  };
}

/** A run row as inserted; a new run has no end yet, an imported one may. */
export interface NewRun {
  readonly id: string;
  readonly projectId: string;
  readonly revisionId: number;
  readonly status: RunSummary['status'];
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly backendChoice: BackendChoice;
  readonly backend: string | null;
  readonly data: DatasetSpec;
  readonly config: TrainingConfig;
  readonly epochsRun: number;
  readonly finalMetrics: Record<string, number> | null;
  readonly message: string | null;
  readonly final: TrainerEvent | null;
}

export function insertRun(ctx: StoreContext, run: NewRun): void {
  ctx
    .sql(
      `INSERT INTO runs (id, project_id, revision_id, status, started_at, ended_at,
         backend_choice, backend, data, config, epochs_run, final_metrics, message, final_event)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.id,
      run.projectId,
      run.revisionId,
      run.status,
      run.startedAt,
      run.endedAt,
      run.backendChoice,
      run.backend,
      JSON.stringify(run.data),
      JSON.stringify(run.config),
      run.epochsRun,
      run.finalMetrics === null ? null : JSON.stringify(run.finalMetrics),
      run.message,
      run.final === null ? null : JSON.stringify(run.final),
    );
}

export function insertEpoch(ctx: StoreContext, runId: string, epoch: EpochRecord): void {
  ctx
    .sql(
      `INSERT INTO epochs (run_id, seq, epoch, fold, loss, metrics, validation_loss,
         validation_metrics, learning_rate, elapsed_ms)
       VALUES (@runId, (SELECT coalesce(max(seq), 0) + 1 FROM epochs WHERE run_id = @runId),
         @epoch, @fold, @loss, @metrics, @validationLoss, @validationMetrics, @learningRate,
         @elapsedMs)`,
    )
    .run({
      runId,
      epoch: epoch.epoch,
      fold: epoch.fold,
      loss: epoch.loss,
      metrics: JSON.stringify(epoch.metrics),
      validationLoss: epoch.validationLoss,
      validationMetrics:
        epoch.validationMetrics === null ? null : JSON.stringify(epoch.validationMetrics),
      learningRate: epoch.learningRate,
      elapsedMs: epoch.elapsedMs,
    });
}

/**
 * A run's settings as stored, in today's form: fields added since it was stored are filled in
 * with what that run actually did. Runs stored before momentumForm existed used the summing
 * momentum of TF.js, and those stored before liveInside did not look inside while training;
 * the others take today's defaults (stratify: off). Settings that no longer read (a damaged
 * row) are passed on as stored.
 */
export function storedRunConfig(stored: unknown): TrainingConfig {
  const optimizer = (stored as { optimizer?: Record<string, unknown> } | null)?.optimizer;
  const momentumKept =
    optimizer?.['type'] === 'sgd' && optimizer['momentumForm'] === undefined
      ? { ...(stored as object), optimizer: { ...optimizer, momentumForm: 'sum' } }
      : stored;
  const upgraded =
    momentumKept !== null &&
    typeof momentumKept === 'object' &&
    (momentumKept as { liveInside?: unknown }).liveInside === undefined
      ? { ...momentumKept, liveInside: false }
      : momentumKept;
  const parsed = trainingConfigSchema.safeParse(upgraded);
  return parsed.success ? parsed.data : (stored as TrainingConfig);
}

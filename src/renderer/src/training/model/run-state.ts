import type { TrainerEvent, TrainerEventOf } from '../../../../shared/training/events';

/** Where the current run stands, for the controls and the status line. */
export type RunPhase =
  'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'finished' | 'stopped' | 'failed';

export type FinalEvent =
  TrainerEventOf<'finished'> | TrainerEventOf<'stopped'> | TrainerEventOf<'failed'>;

/**
 * What the view shows about the current run besides the fast-changing numbers (those live in
 * LiveRun). Changes a few times per run, so it can be React state.
 */
export interface RunView {
  readonly phase: RunPhase;
  readonly runId: string | undefined;
  readonly started: TrainerEventOf<'started'> | undefined;
  readonly final: FinalEvent | undefined;
  /** Why training.start refused, in the words main used. */
  readonly startError: string | undefined;
  readonly pausedAt: { readonly epoch: number; readonly batch: number } | undefined;
  readonly logs: readonly TrainerEventOf<'log'>[];
}

export const IDLE: RunView = {
  phase: 'idle',
  runId: undefined,
  started: undefined,
  final: undefined,
  startError: undefined,
  pausedAt: undefined,
  logs: [],
};

export function isActive(phase: RunPhase): boolean {
  return phase === 'starting' || phase === 'running' || phase === 'paused' || phase === 'stopping';
}

/** The view after one of the run's events; batch and epoch events change nothing here. */
export function runViewAfter(view: RunView, event: TrainerEvent): RunView {
  switch (event.type) {
    case 'started':
      return {
        ...view,
        phase: view.phase === 'paused' || view.phase === 'stopping' ? view.phase : 'running',
        started: event,
      };
    case 'paused':
      return view.phase === 'stopping'
        ? view
        : { ...view, phase: 'paused', pausedAt: { epoch: event.epoch, batch: event.batch } };
    case 'resumed':
      return view.phase === 'stopping' ? view : { ...view, phase: 'running', pausedAt: undefined };
    case 'finished':
    case 'stopped':
    case 'failed':
      return { ...view, phase: event.type, final: event, pausedAt: undefined };
    case 'log':
      return { ...view, logs: [...view.logs, event] };
    default:
      return view;
  }
}

/** The status line, in words. */
export function phaseText(view: RunView): string {
  switch (view.phase) {
    case 'idle':
      return 'Not started';
    case 'starting':
      return 'Starting…';
    case 'running':
      return view.started?.fold
        ? `Training fold ${view.started.fold.index} of ${view.started.fold.of}`
        : 'Training';
    case 'paused':
      return view.pausedAt
        ? `Paused before epoch ${view.pausedAt.epoch}, batch ${view.pausedAt.batch}`
        : 'Paused';
    case 'stopping':
      return 'Stopping…';
    case 'finished':
      return view.final?.type === 'finished' && view.final.stoppedEarly
        ? `Finished early at epoch ${view.final.stoppedEarly.epoch} (best epoch ${view.final.stoppedEarly.bestEpoch})`
        : 'Finished';
    case 'stopped':
      return view.final?.type === 'stopped'
        ? `Stopped at epoch ${view.final.epoch}, batch ${view.final.batch}`
        : 'Stopped';
    case 'failed':
      return 'Training failed';
  }
}

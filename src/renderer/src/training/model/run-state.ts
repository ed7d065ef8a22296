import type { HeldAt } from '../../../../shared/training/run-position';
import { heldAtText } from '../../../../shared/training/run-position';
import type { TrainerEvent, TrainerEventOf } from '../../../../shared/training/events';

/** Where the current run stands, for the controls and the status line. */
export type RunPhase =
  | 'idle'
  | 'starting'
  /** Started, but waiting for a free core: its trainer has not started yet. */
  | 'queued'
  | 'running'
  | 'paused'
  | 'stopping'
  | 'finished'
  | 'stopped'
  | 'failed';

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
  readonly pausedAt: HeldAt | undefined;
  /** While it waits for a free core: its place in line (1 = next) and how many may train. */
  readonly queue: { readonly position: number; readonly limit: number } | undefined;
  readonly logs: readonly TrainerEventOf<'log'>[];
}

export const IDLE: RunView = {
  phase: 'idle',
  runId: undefined,
  started: undefined,
  final: undefined,
  startError: undefined,
  pausedAt: undefined,
  queue: undefined,
  logs: [],
};

export function isActive(phase: RunPhase): boolean {
  return (
    phase === 'starting' ||
    phase === 'queued' ||
    phase === 'running' ||
    phase === 'paused' ||
    phase === 'stopping'
  );
}

/** The view after one of the run's events; batch and epoch events change nothing here. */
export function runViewAfter(view: RunView, event: TrainerEvent): RunView {
  switch (event.type) {
    case 'queued':
      return {
        ...view,
        phase: view.phase === 'stopping' ? view.phase : 'queued',
        queue: { position: event.position, limit: event.limit },
      };
    case 'started':
      return {
        ...view,
        phase: view.phase === 'paused' || view.phase === 'stopping' ? view.phase : 'running',
        started: event,
        queue: undefined,
      };
    case 'paused':
      return view.phase === 'stopping'
        ? view
        : {
            ...view,
            phase: 'paused',
            pausedAt: {
              epoch: event.epoch,
              batch: event.batch,
              batchesPerEpoch: event.batchesPerEpoch,
            },
          };
    case 'resumed':
      return view.phase === 'stopping' ? view : { ...view, phase: 'running', pausedAt: undefined };
    case 'finished':
    case 'stopped':
    case 'failed':
      return { ...view, phase: event.type, final: event, pausedAt: undefined, queue: undefined };
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
    case 'queued':
      return view.queue ? waitingText(view.queue.position) : 'Waiting for a free core';
    case 'running':
      return view.started?.fold
        ? `Training fold ${view.started.fold.index} of ${view.started.fold.of}`
        : 'Training';
    case 'paused':
      return view.pausedAt ? `Paused ${heldAtText(view.pausedAt)}` : 'Paused';
    case 'stopping':
      return 'Stopping…';
    case 'finished':
      return view.final?.type === 'finished' && view.final.stoppedEarly
        ? `Finished early at epoch ${view.final.stoppedEarly.epoch} (best epoch ${view.final.stoppedEarly.bestEpoch})`
        : 'Finished';
    case 'stopped':
      if (view.final?.type !== 'stopped') return 'Stopped';
      return view.final.beforeStart
        ? 'Stopped before it started: it was still waiting for a free core'
        : `Stopped ${heldAtText(view.final)}`;
    case 'failed':
      return 'Training failed';
  }
}

/**
 * A queued run's place in line, in plain words: every core of this computer is training
 * another run (a classmate's, perhaps), and this one starts when one of them ends.
 */
export function waitingText(position: number): string {
  return position === 1
    ? 'Waiting for a free core (next in line)'
    : `Waiting for a free core (${ordinal(position)} in line)`;
}

/** 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

import type { TrainerEvent } from '../../../../shared/training/events';
import type { LiveInsideEvent } from '../../../../shared/training/live-inside';
import { etaSeconds, fractionDone, type RunPosition } from './eta';
import { RunSeries } from './series';
import type { HeldAt } from '../../../../shared/training/run-position';
import { lastTrainedBatch } from '../../../../shared/training/run-position';

/** The progress bar's numbers, replaced (never mutated) at most once per frame. */
export interface ProgressSnapshot {
  readonly position: RunPosition | undefined;
  readonly fraction: number;
  readonly samplesPerSecond: number | undefined;
  readonly etaSeconds: number | undefined;
  readonly loss: number | undefined;
  readonly learningRate: number | undefined;
  /** Batch events received: the e2e tests watch it stand still while paused. */
  readonly batchEvents: number;
}

/** Subscribers hear at most this often (and only in an animation frame). */
const PUBLISH_INTERVAL_MS = 100;

/** Calls back at the next animation frame (requestAnimationFrame in the page). */
export type FrameScheduler = (callback: () => void) => void;

/**
 * One run's live numbers. Events may arrive hundreds of times a second; they only update
 * plain arrays and counters here, and subscribers (the charts, the progress bar) are told once
 * per animation frame (and at most ten times a second), so React never re-renders per event
 * and Plotly extends its traces with
 * everything that arrived since the last frame in one call.
 */
export class LiveRun {
  readonly series = new RunSeries();
  private snapshot: ProgressSnapshot = {
    position: undefined,
    fraction: 0,
    samplesPerSecond: undefined,
    etaSeconds: undefined,
    loss: undefined,
    learningRate: undefined,
    batchEvents: 0,
  };
  private position: RunPosition | undefined;
  private fold: RunPosition['fold'];
  private samplesPerSecond: number | undefined;
  private loss: number | undefined;
  private learningRate: number | undefined;
  private batchEvents = 0;
  private activeSince: number | undefined;
  private activeMs = 0;
  private frameRequested = false;
  /** The run is over: its last numbers are shown at once, not on the next scheduled frame. */
  ended = false;
  /** The loss the trainer minimises, by its own name ("binary cross-entropy"), once it started. */
  lossName: string | undefined;
  /** The newest look inside (saliency maps, decision boundary), replaced with each one. */
  inside: LiveInsideEvent | undefined;
  private lastPublish = -Infinity;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly runId: string,
    /** Epochs the run was started for (per fold). */
    readonly epochs: number,
    private readonly scheduleFrame: FrameScheduler,
    private readonly now: () => number = () => performance.now(),
  ) {}

  handle(event: TrainerEvent): void {
    switch (event.type) {
      case 'started':
        this.fold = event.fold;
        this.lossName = event.lossName ?? this.lossName;
        if (event.fold) this.series.setFold(event.fold.index, this.epochs);
        this.activeSince ??= this.now();
        break;
      case 'batch':
        this.position = {
          epoch: event.epoch,
          epochs: this.epochs,
          batch: event.batch,
          batchesPerEpoch: event.batchesPerEpoch,
          ...(this.fold ? { fold: this.fold } : {}),
        };
        this.samplesPerSecond = event.samplesPerSecond;
        this.loss = event.loss;
        this.learningRate = event.learningRate;
        this.batchEvents += 1;
        this.series.addBatch(event);
        break;
      case 'epoch':
        this.series.addEpoch(event);
        this.learningRate = event.learningRate;
        break;
      case 'inside':
        this.inside = event;
        break;
      case 'paused':
        this.pauseClock();
        this.position = positionBefore(event, this.position, this.epochs, this.fold);
        // The counters show where it stopped in the same render as "Paused", never after it.
        this.publish();
        return;
      case 'resumed':
        this.activeSince = this.now();
        break;
      case 'stopped':
        if (!event.beforeStart) {
          this.position = positionBefore(
            { ...event, batchesPerEpoch: event.batchesPerEpoch ?? this.position?.batchesPerEpoch },
            this.position,
            this.epochs,
            this.fold,
          );
        }
        this.pauseClock();
        this.ended = true;
        this.publish();
        return;
      case 'finished':
      case 'failed':
        this.pauseClock();
        // The final numbers and the last chart points appear together with "Finished".
        this.ended = true;
        this.publish();
        return;
      default:
        return;
    }
    this.requestFrame();
  }

  /** Milliseconds spent training, pauses excluded. */
  trainingMs(): number {
    return this.activeMs + (this.activeSince === undefined ? 0 : this.now() - this.activeSince);
  }

  getSnapshot = (): ProgressSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private pauseClock(): void {
    if (this.activeSince !== undefined) this.activeMs += this.now() - this.activeSince;
    this.activeSince = undefined;
  }

  private requestFrame(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    const frame = () =>
      this.scheduleFrame(() => {
        this.frameRequested = false;
        this.publish();
      });
    // Numbers that change more than ten times a second cannot be read anyway; fewer renders
    // leave the frames to the charts.
    const wait = this.lastPublish + PUBLISH_INTERVAL_MS - this.now();
    if (wait > 0) setTimeout(frame, wait);
    else frame();
  }

  private publish(): void {
    this.lastPublish = this.now();
    const fraction = this.position ? fractionDone(this.position) : 0;
    this.snapshot = {
      position: this.position,
      fraction,
      samplesPerSecond: this.samplesPerSecond,
      etaSeconds: etaSeconds(fraction, this.trainingMs()),
      loss: this.loss,
      learningRate: this.learningRate,
      batchEvents: this.batchEvents,
    };
    for (const listener of this.listeners) listener();
  }
}

/**
 * The last batch trained when a run paused before (epoch, batch): the batch before it, or the
 * last of the epoch before. Without the batch count (older runs) the shown position stays.
 */
function positionBefore(
  at: HeldAt,
  shown: RunPosition | undefined,
  epochs: number,
  fold: { index: number; of: number } | undefined,
): RunPosition | undefined {
  const trained = lastTrainedBatch(at);
  if (!trained || trained === 'none') return shown;
  return { ...trained, epochs, ...(fold ? { fold } : {}) };
}

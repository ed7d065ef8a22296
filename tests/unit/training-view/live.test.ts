import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../../src/shared/training/events';
import {
  etaSeconds,
  formatDuration,
  fractionDone,
} from '../../../src/renderer/src/training/model/eta';
import { LiveRun } from '../../../src/renderer/src/training/model/live-run';
import { Ema, smoothSeries } from '../../../src/renderer/src/training/model/smoothing';

/** A frame scheduler the test advances by hand. */
function manualFrames() {
  const pending: (() => void)[] = [];
  return {
    schedule: (callback: () => void) => pending.push(callback),
    runFrame: () => pending.splice(0).forEach((callback) => callback()),
    get pending() {
      return pending.length;
    },
  };
}

const batch = (epoch: number, batchIndex: number, loss: number): TrainerEvent => ({
  type: 'batch',
  epoch,
  batch: batchIndex,
  batchesPerEpoch: 10,
  loss,
  samplesPerSecond: 500,
  learningRate: 0.01,
});

describe('smoothing', () => {
  it('starts at the first value and keeps a constant series constant', () => {
    expect(smoothSeries([2, 2, 2, 2])).toEqual([2, 2, 2, 2].map(() => expect.closeTo(2, 10)));
    expect(new Ema(0.9).next(5)).toBeCloseTo(5, 10);
  });

  it('follows a jump gradually, and not at all with weight 0', () => {
    const smoothed = smoothSeries([0, 0, 0, 0, 10, 10]);
    expect(smoothed[4]).toBeGreaterThan(0);
    expect(smoothed[4]).toBeLessThan(10);
    expect(smoothed[5]).toBeGreaterThan(smoothed[4]!);
    expect(smoothSeries([1, 5, 3], 0)).toEqual([1, 5, 3]);
  });
});

describe('progress and time left', () => {
  it('counts batches across epochs and folds', () => {
    expect(fractionDone({ epoch: 1, epochs: 4, batch: 5, batchesPerEpoch: 10 })).toBe(0.125);
    expect(fractionDone({ epoch: 4, epochs: 4, batch: 10, batchesPerEpoch: 10 })).toBe(1);
    expect(
      fractionDone({
        epoch: 1,
        epochs: 2,
        batch: 10,
        batchesPerEpoch: 10,
        fold: { index: 2, of: 2 },
      }),
    ).toBe(0.75);
  });

  it('projects the time so far onto the rest of the run', () => {
    expect(etaSeconds(0.25, 10_000)).toBeCloseTo(30, 10);
    expect(etaSeconds(0, 10_000)).toBeUndefined();
    expect(etaSeconds(0.5, 100)).toBeUndefined();
    expect(etaSeconds(1, 10_000)).toBe(0);
  });

  it('says durations in words a student reads at a glance', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(130)).toBe('2 min 10 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
  });
});

describe('a live run', () => {
  it('takes in any number of events per frame and tells its listeners once per frame', () => {
    const frames = manualFrames();
    const run = new LiveRun('run', 3, frames.schedule, () => 0);
    let notices = 0;
    run.subscribe(() => (notices += 1));
    for (let i = 1; i <= 10; i += 1) run.handle(batch(1, i, 1 / i));
    expect(frames.pending).toBe(1);
    expect(notices).toBe(0);
    // The snapshot only changes at the frame, so React renders at most once per frame.
    expect(run.getSnapshot().batchEvents).toBe(0);
    frames.runFrame();
    expect(notices).toBe(1);
    expect(run.getSnapshot()).toMatchObject({
      batchEvents: 10,
      position: { epoch: 1, epochs: 3, batch: 10, batchesPerEpoch: 10 },
      samplesPerSecond: 500,
      loss: 0.1,
    });
    expect(run.series.batches.x).toHaveLength(10);
    expect(run.series.batches.x[9]).toBe(1);
    expect(run.series.batches.label[0]).toBe('epoch 1, batch 1 of 10');
  });

  it('shows the last numbers at once when the run ends, without waiting for a frame', () => {
    const frames = manualFrames();
    const run = new LiveRun('run', 1, frames.schedule, () => 0);
    let notices = 0;
    run.subscribe(() => (notices += 1));
    for (let i = 1; i <= 10; i += 1) run.handle(batch(1, i, 1 / i));
    expect(notices).toBe(0);
    run.handle({ type: 'stopped', epoch: 1, batch: 10 });
    expect(run.ended).toBe(true);
    expect(notices).toBe(1);
    expect(run.getSnapshot()).toMatchObject({ batchEvents: 10, loss: 0.1 });
  });

  it('keeps per-epoch training and validation numbers and the metric to chart', () => {
    const frames = manualFrames();
    const run = new LiveRun('run', 2, frames.schedule, () => 0);
    run.handle({
      type: 'epoch',
      epoch: 1,
      epochs: 2,
      loss: 0.7,
      metrics: { f1: 0.5, accuracy: 0.6 },
      validation: { loss: 0.8, metrics: { f1: 0.4, accuracy: 0.55 } },
      learningRate: 0.01,
      elapsedMs: 10,
    });
    expect(run.series.metric).toBe('accuracy');
    expect(run.series.hasValidation).toBe(true);
    expect(run.series.epochs).toMatchObject({
      x: [1],
      loss: [0.7],
      validationLoss: [0.8],
      metric: [0.6],
      validationMetric: [0.55],
    });
  });

  it('leaves paused time out of the time left', () => {
    const frames = manualFrames();
    let now = 0;
    const run = new LiveRun('run', 1, frames.schedule, () => now);
    run.handle({
      type: 'started',
      backend: { active: 'cpu', tried: [] },
      parameters: { trainable: 1, nonTrainable: 0 },
      samples: { train: 10, validation: 0, test: 0 },
      dataset: {
        title: 't',
        task: 'regression',
        featureShape: [1],
        featureType: 'float32',
        targetSize: 1,
        count: 10,
        notes: [],
      },
      notes: [],
    });
    now = 1000;
    run.handle(batch(1, 5, 1));
    run.handle({ type: 'paused', epoch: 1, batch: 6 });
    now = 60_000;
    run.handle({ type: 'resumed' });
    frames.runFrame();
    // Half done after one second of training: one more second to go, whatever the pause.
    expect(run.getSnapshot().etaSeconds).toBeCloseTo(1, 5);
  });
});

describe('the loss by its name', () => {
  it('is known once the trainer says which loss it minimises, for the loss chart title', () => {
    const run = new LiveRun('run', 1, manualFrames().schedule, () => 0);
    expect(run.lossName).toBeUndefined();
    run.handle({
      type: 'started',
      backend: { active: 'cpu', tried: [] },
      parameters: { trainable: 3, nonTrainable: 0 },
      samples: { train: 4, validation: 0, test: 0 },
      dataset: {
        title: 'AND gate',
        task: 'classification',
        featureShape: [2],
        featureType: 'float32',
        targetSize: 1,
        count: 4,
        notes: [],
      },
      lossName: 'perceptron rule',
      notes: [],
    });
    expect(run.lossName).toBe('perceptron rule');
  });
});

describe('pausing', () => {
  it('shows exactly where the run stopped, at once, and nothing moves after it', () => {
    const frames = manualFrames();
    const run = new LiveRun('r1', 5, frames.schedule, () => 0);
    run.handle(batch(2, 3, 0.5));
    frames.runFrame();
    // Batches 4 to 6 were trained but not reported (the trainer holds events back); the pause
    // says it stopped before batch 7, so 6 are done.
    run.handle({ type: 'paused', epoch: 2, batch: 7, batchesPerEpoch: 10 });
    expect(run.getSnapshot().position).toMatchObject({ epoch: 2, batch: 6, batchesPerEpoch: 10 });
    expect(frames.pending).toBe(0);
    frames.runFrame();
    expect(run.getSnapshot().position).toMatchObject({ epoch: 2, batch: 6 });
  });

  it('before the first batch of an epoch, the last batch of the epoch before is done', () => {
    const run = new LiveRun('r1', 5, manualFrames().schedule, () => 0);
    run.handle({ type: 'paused', epoch: 3, batch: 1, batchesPerEpoch: 10 });
    expect(run.getSnapshot().position).toMatchObject({ epoch: 2, batch: 10 });
  });
});

import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../../src/renderer/src/training/model/live-run';
import type { RunView } from '../../../src/renderer/src/training/model/run-state';
import { IDLE, phaseText, runViewAfter } from '../../../src/renderer/src/training/model/run-state';
import type { TrainerEvent } from '../../../src/shared/training/events';
import { heldAtText, lastTrainedBatch } from '../../../src/shared/training/run-position';

/** Pause and Stop say exactly where the run is, and the progress panel shows the same place. */

describe('lastTrainedBatch', () => {
  it.each([
    [
      { epoch: 5, batch: 3, batchesPerEpoch: 4 },
      { epoch: 5, batch: 2, batchesPerEpoch: 4 },
    ],
    [
      { epoch: 6, batch: 1, batchesPerEpoch: 4 },
      { epoch: 5, batch: 4, batchesPerEpoch: 4 },
    ],
    [{ epoch: 1, batch: 1, batchesPerEpoch: 4 }, 'none'],
    [{ epoch: 2, batch: 1 }, undefined],
  ])('before %o is %o', (at, trained) => {
    expect(lastTrainedBatch(at)).toEqual(trained);
  });

  it('is worded the same way for the badge', () => {
    expect(heldAtText({ epoch: 6, batch: 1, batchesPerEpoch: 4 })).toBe(
      'after epoch 5, batch 4 of 4',
    );
    expect(heldAtText({ epoch: 1, batch: 1, batchesPerEpoch: 4 })).toBe('before the first batch');
    expect(heldAtText({ epoch: 2, batch: 7 })).toBe('before epoch 2, batch 7');
  });
});

const batch = (epoch: number, n: number): TrainerEvent => ({
  type: 'batch',
  epoch,
  batch: n,
  batchesPerEpoch: 4,
  loss: 0.5,
  samplesPerSecond: 100,
  learningRate: 0.1,
});

/** The badge's words and the progress panel's numbers after the same events. */
function follow(events: readonly TrainerEvent[]) {
  const run = new LiveRun('r1', 300, (callback) => callback());
  let view: RunView = { ...IDLE, phase: 'running', runId: 'r1' };
  for (const event of events) {
    run.handle(event);
    view = runViewAfter(view, event);
  }
  const { position } = run.getSnapshot();
  return { badge: phaseText(view), panel: `epoch ${position?.epoch}, batch ${position?.batch}` };
}

describe('the badge and the progress panel', () => {
  it('agree on a pause', () => {
    const { badge, panel } = follow([
      batch(5, 1),
      { type: 'paused', epoch: 5, batch: 3, batchesPerEpoch: 4 },
    ]);
    expect(badge).toBe('Paused after epoch 5, batch 2 of 4');
    expect(badge).toContain(panel);
  });

  it('agree on a stop, even when the last batch event was held back', () => {
    const { badge, panel } = follow([
      batch(5, 1),
      batch(5, 4),
      { type: 'stopped', epoch: 6, batch: 2, batchesPerEpoch: 4 },
    ]);
    expect(badge).toBe('Stopped after epoch 6, batch 1 of 4');
    expect(badge).toContain(panel);
  });
});

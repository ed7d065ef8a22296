import { describe, expect, it } from 'vitest';
import { TrainerControls } from '../../../src/main/engine/training/controls';

const noop = () => undefined;

describe('trainer controls', () => {
  it('runs freely until paused, waits while paused, and goes on after resume', async () => {
    const controls = new TrainerControls();
    expect(await controls.beforeBatch(noop, noop)).toBe('run');
    controls.handle({ type: 'pause' });
    const events: string[] = [];
    const waiting = controls.beforeBatch(
      () => events.push('paused'),
      () => events.push('resumed'),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['paused']);
    controls.handle({ type: 'resume' });
    expect(await waiting).toBe('run');
    expect(events).toEqual(['paused', 'resumed']);
  });

  it('steps exactly one batch while paused', async () => {
    const controls = new TrainerControls();
    controls.handle({ type: 'pause' });
    controls.handle({ type: 'step' });
    expect(await controls.beforeBatch(noop, noop)).toBe('run');
    let settled = false;
    void controls.beforeBatch(noop, noop).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    controls.handle({ type: 'stop' });
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(true);
  });

  it('stops, even while paused, and hands over a new learning rate once', async () => {
    const controls = new TrainerControls();
    controls.handle({ type: 'setLearningRate', value: 0.05 });
    expect(controls.takeLearningRate()).toBe(0.05);
    expect(controls.takeLearningRate()).toBeUndefined();
    controls.handle({ type: 'pause' });
    const waiting = controls.beforeBatch(noop, noop);
    controls.handle({ type: 'stop' });
    expect(await waiting).toBe('stop');
  });
});

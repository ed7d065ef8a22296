import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Autosaver } from '../../../src/renderer/src/workspace/autosaver';

/** A save function whose calls the test finishes by hand, like a slow disk. */
function controlledSave() {
  const calls: { value: string; resolve: () => void; reject: (error: Error) => void }[] = [];
  const save = (value: string) =>
    new Promise<void>((resolve, reject) => calls.push({ value, resolve, reject }));
  return { calls, save };
}

describe('Autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('saves once, after the user pauses, the newest value only', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver<string>('v0', { save, delayMs: 500 });
    saver.change('v1');
    await vi.advanceTimersByTimeAsync(300);
    saver.change('v2');
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toHaveLength(0);
    expect(saver.state.status).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.value)).toEqual(['v2']);
    expect(saver.state.status).toBe('saving');
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state.status).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  test('going back to the stored value needs no save', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver<string>('v0', { save, delayMs: 500 });
    saver.change('v1');
    saver.change('v0');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(0);
    expect(saver.state.status).toBe('saved');
  });

  test('an edit made while saving is saved after, never an older value last', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver<string>('v0', { save, delayMs: 100 });
    saver.change('v1');
    await vi.advanceTimersByTimeAsync(100);
    saver.change('v2');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.value)).toEqual(['v1']);
    calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.value)).toEqual(['v1', 'v2']);
    expect(saver.state.status).toBe('saving');
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.state.status).toBe('saved');
  });

  test('flush saves at once and rejects with the reason when the save fails', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver<string>('v0', { save, delayMs: 10_000 });
    saver.change('v1');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['v1']);
    calls[0]!.reject(new Error('The disk is full.'));
    await expect(flushed).rejects.toThrow('The disk is full.');
    expect(saver.state).toEqual({ status: 'failed', message: 'The disk is full.' });
    expect(saver.dirty).toBe(true);

    // The value is kept: the next flush tries again and succeeds.
    const retried = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    calls[1]!.resolve();
    await retried;
    expect(calls.map((c) => c.value)).toEqual(['v1', 'v1']);
    expect(saver.state.status).toBe('saved');
  });

  test('reset forgets pending changes after a restore', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver<string>('v0', { save, delayMs: 100 });
    saver.change('v1');
    saver.reset('restored');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(0);
    expect(saver.state.status).toBe('saved');
    saver.change('v2');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.value)).toEqual(['v2']);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { LatestOnly } from '../../../src/renderer/src/api/latest-only';

/** A promise and the functions that settle it, so a test decides the order answers arrive in. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LatestOnly', () => {
  it('keeps the newer answer when the older one arrives last', async () => {
    const latest = new LatestOnly();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const done = vi.fn();
    latest.run(() => slow.promise, done);
    latest.run(() => fast.promise, done);
    fast.resolve('second');
    await settle();
    slow.resolve('first');
    await settle();
    expect(done.mock.calls).toEqual([['second']]);
  });

  it('drops an older failure the same way', async () => {
    const latest = new LatestOnly();
    const slow = deferred<string>();
    const failed = vi.fn();
    latest.run(() => slow.promise, vi.fn(), failed);
    latest.run(() => Promise.resolve('newer'), vi.fn(), failed);
    slow.reject(new Error('late'));
    await settle();
    expect(failed).not.toHaveBeenCalled();
  });

  it('drops everything after cancel, and one request after its own cancel', async () => {
    const latest = new LatestOnly();
    const done = vi.fn();
    latest.run(() => Promise.resolve(1), done);
    latest.cancel();
    const cancelOne = latest.run(() => Promise.resolve(2), done);
    cancelOne();
    await settle();
    expect(done).not.toHaveBeenCalled();
  });

  it('aborts the signal of a superseded request, so work in steps can stop early', () => {
    const latest = new LatestOnly();
    let first: AbortSignal | undefined;
    latest.run((signal) => {
      first = signal;
      return new Promise<never>(() => undefined);
    }, vi.fn());
    expect(first?.aborted).toBe(false);
    latest.run(() => Promise.resolve(0), vi.fn());
    expect(first?.aborted).toBe(true);
  });

  it('reports an error thrown before any promise as a failure', async () => {
    const failed = vi.fn();
    new LatestOnly().run(
      () => {
        throw new Error('no');
      },
      vi.fn(),
      failed,
    );
    await settle();
    expect(failed).toHaveBeenCalledWith(new Error('no'));
  });
});

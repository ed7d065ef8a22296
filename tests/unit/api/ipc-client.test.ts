import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../src/shared/api/client';
import type { IpcBridge } from '../../fixtures/renderer-api';
import { createIpcClient } from '../../fixtures/renderer-api';

function bridge(invoke: IpcBridge['invoke']) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const fake: IpcBridge = {
    invoke,
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  return { fake, emit };
}

describe('the IPC client', () => {
  it('passes the call on and resolves with the output', async () => {
    const calls: unknown[] = [];
    const { fake } = bridge((name, input) => {
      calls.push([name, input]);
      return Promise.resolve({ ok: true, output: { version: '3' } });
    });
    const client = createIpcClient(fake);
    await expect(client.call('app.info', {})).resolves.toEqual({ version: '3' });
    expect(calls).toEqual([['app.info', {}]]);
  });

  it('rejects with ApiCallError, code and all, when main refuses', async () => {
    const error = { code: 'not-found' as const, message: 'There is no project p1.' };
    const client = createIpcClient(bridge(() => Promise.resolve({ ok: false, error })).fake);
    const thrown = await client.call('projects.open', { projectId: 'p1' }).catch((e) => e);
    expect(thrown).toBeInstanceOf(ApiCallError);
    expect(thrown.error).toEqual(error);
  });

  it('reports a failed IPC or an unreadable answer as an internal error', async () => {
    const broken = createIpcClient(bridge(() => Promise.reject(new Error('No handler'))).fake);
    await expect(broken.call('app.info', {})).rejects.toMatchObject({
      error: { code: 'internal', message: expect.stringContaining('No handler') },
    });
    const odd = createIpcClient(bridge(() => Promise.resolve(undefined as never)).fake);
    await expect(odd.call('app.info', {})).rejects.toMatchObject({ error: { code: 'internal' } });
  });

  it('forwards events until the listener stops', () => {
    const { fake, emit } = bridge(() => Promise.reject(new Error('unused')));
    const heard: unknown[] = [];
    const stop = createIpcClient(fake).on('project.changed', (payload) => heard.push(payload));
    emit('project.changed', { projectId: 'a' });
    stop();
    emit('project.changed', { projectId: 'b' });
    expect(heard).toEqual([{ projectId: 'a' }]);
  });
});

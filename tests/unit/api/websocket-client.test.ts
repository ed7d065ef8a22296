import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '../../../src/shared/api/client';
import { MAX_MESSAGE_BYTES } from '../../../src/shared/api/contract';
import type { ConnectSocket, SocketHandlers } from '../../fixtures/renderer-api';
import { apiSocketUrl, createWebSocketClient } from '../../fixtures/renderer-api';

interface Attempt {
  readonly url: string;
  readonly handlers: SocketHandlers;
  readonly sent: Array<{ id: number; call: string; input: unknown }>;
  closedWith?: { code?: number; reason?: string };
}

/** Stands in for the network: records each connection attempt and what was sent on it. */
function fakeNetwork() {
  const attempts: Attempt[] = [];
  const connect: ConnectSocket = (url, handlers) => {
    const attempt: Attempt = { url, handlers, sent: [] };
    attempts.push(attempt);
    return {
      send: (text) => attempt.sent.push(JSON.parse(text)),
      close: (code, reason) => {
        attempt.closedWith = { code, reason };
      },
    };
  };
  return {
    attempts,
    connect,
    get last(): Attempt {
      return attempts.at(-1)!;
    },
    answer(id: number, output: unknown, attempt = attempts.at(-1)!) {
      attempt.handlers.message(JSON.stringify({ id, ok: true, output }));
    },
  };
}

const URL = 'ws://127.0.0.1:1234/api?token=abc';

function setup(options: { random?: () => number } = {}) {
  const network = fakeNetwork();
  const client = createWebSocketClient({
    url: URL,
    connect: network.connect,
    random: options.random ?? (() => 1),
  });
  return { network, client };
}

/** Lets promise callbacks run (rejections are checked after they settle). */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('apiSocketUrl', () => {
  it('points at /api on the same host, with the token from the page address', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:5000', search: '?token=ab12' })).toBe(
      'ws://127.0.0.1:5000/api?token=ab12',
    );
    expect(apiSocketUrl({ protocol: 'https:', host: 'h:1', search: '?x=1&token=a%2Bb' })).toBe(
      'wss://h:1/api?token=a%2Bb',
    );
  });

  it('is undefined when the page address has no token', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: 'h', search: '' })).toBeUndefined();
    expect(apiSocketUrl({ protocol: 'http:', host: 'h', search: '?token=' })).toBeUndefined();
  });
});

describe('calls', () => {
  it('waits for the connection, then sends calls in order with increasing ids', async () => {
    const { network, client } = setup();
    expect(client.state).toBe('connecting');
    expect(network.last.url).toBe(URL);
    const info = client.call('app.info', {});
    const list = client.call('projects.list', { trashed: true });
    expect(network.last.sent).toEqual([]);
    network.last.handlers.open();
    expect(client.state).toBe('open');
    expect(network.last.sent).toEqual([
      { id: 1, call: 'app.info', input: {} },
      { id: 2, call: 'projects.list', input: { trashed: true } },
    ]);
    // Answers come back in any order and are matched by id.
    network.answer(2, []);
    network.answer(1, { version: '1', dataDir: '/d', transport: 'websocket' });
    await expect(list).resolves.toEqual([]);
    await expect(info).resolves.toMatchObject({ version: '1' });
  });

  it('rejects with ApiCallError carrying the error of a refused call', async () => {
    const { network, client } = setup();
    network.last.handlers.open();
    const create = client.call('projects.create', { name: '' });
    const error = {
      code: 'invalid-input',
      message: 'The request "projects.create" is not valid.',
      issues: [{ path: 'name', message: 'Too small' }],
    };
    network.last.handlers.message(JSON.stringify({ id: 1, ok: false, error }));
    const thrown = await create.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiCallError);
    expect((thrown as ApiCallError).error).toEqual(error);
    expect((thrown as ApiCallError).message).toBe(error.message);
  });

  it('turns an unreadable error answer into an internal error, and ignores stray messages', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { network, client } = setup();
    network.last.handlers.open();
    const info = client.call('app.info', {});
    network.last.handlers.message('not json');
    network.last.handlers.message(JSON.stringify({ id: 99, ok: true, output: 1 }));
    network.last.handlers.message(JSON.stringify({ id: -1, ok: false, error: { code: 'x' } }));
    network.last.handlers.message(JSON.stringify({ id: 1, ok: false, error: { code: 'nope' } }));
    await expect(info).rejects.toMatchObject({
      error: { code: 'internal', message: 'Neurite answered "app.info" with an unreadable error.' },
    });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('refuses, without sending, a call larger than the server accepts', async () => {
    const { network, client } = setup();
    network.last.handlers.open();
    const big = client.call('projectFiles.import', {
      fileName: 'big.neurite',
      base64: 'A'.repeat(MAX_MESSAGE_BYTES),
    });
    await expect(big).rejects.toMatchObject({ error: { code: 'too-large' } });
    expect(network.last.sent).toEqual([]);
  });
});

describe('events', () => {
  it('reach the listeners of that event until they stop listening', () => {
    const { network, client } = setup();
    network.last.handlers.open();
    const changed: unknown[] = [];
    const recovered: unknown[] = [];
    const stop = client.on('project.changed', (payload) => changed.push(payload));
    client.on('store.recovered', (payload) => recovered.push(payload));
    network.last.handlers.message(
      JSON.stringify({ event: 'project.changed', payload: { projectId: 'a' } }),
    );
    stop();
    network.last.handlers.message(
      JSON.stringify({ event: 'project.changed', payload: { projectId: 'b' } }),
    );
    expect(changed).toEqual([{ projectId: 'a' }]);
    expect(recovered).toEqual([]);
  });

  it('still reach the other listeners when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { network, client } = setup();
    const heard: unknown[] = [];
    client.on('project.changed', () => {
      throw new Error('listener bug');
    });
    client.on('project.changed', (payload) => heard.push(payload));
    network.last.handlers.message(
      JSON.stringify({ event: 'project.changed', payload: { projectId: 'a' } }),
    );
    expect(heard).toEqual([{ projectId: 'a' }]);
    expect(error).toHaveBeenCalledOnce();
  });
});

describe('when the connection drops', () => {
  it('fails calls in flight with a clear message, then reconnects', async () => {
    const { network, client } = setup();
    network.last.handlers.open();
    const list = client.call('projects.list', {});
    const states: string[] = [];
    client.onStateChange((state) => states.push(state));
    network.last.handlers.close(1006, '');
    await expect(list).rejects.toMatchObject({
      name: 'ApiCallError',
      error: {
        code: 'unavailable',
        message: expect.stringMatching(
          /^The connection to Neurite was lost before "projects.list" was answered, so it may or may not have been done\. Check that "neurite serve" is still running/,
        ),
      },
    });
    expect(client.state).toBe('retrying');
    expect(network.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(250);
    expect(network.attempts).toHaveLength(2);
    network.last.handlers.open();
    const info = client.call('app.info', {});
    expect(network.last.sent).toEqual([{ id: 2, call: 'app.info', input: {} }]);
    network.answer(2, { version: '1' });
    await expect(info).resolves.toEqual({ version: '1' });
    expect(states).toEqual(['retrying', 'connecting', 'open']);
  });

  it('never re-sends a call that was in flight', async () => {
    const { network, client } = setup();
    network.last.handlers.open();
    void client.call('projects.emptyTrash', {}).catch(() => undefined);
    network.last.handlers.close(1006, '');
    await vi.advanceTimersByTimeAsync(250);
    network.last.handlers.open();
    expect(network.last.sent).toEqual([]);
  });

  it('waits twice as long after each failed attempt, up to 10 s, and starts over once connected', async () => {
    const { network, client } = setup();
    network.last.handlers.close(1006, '');
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const before = network.attempts.length;
      let waited = 0;
      while (network.attempts.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      waits.push(waited);
      network.last.handlers.close(1006, '');
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    await vi.advanceTimersByTimeAsync(10_000);
    network.last.handlers.open();
    network.last.handlers.close(1006, '');
    expect(client.state).toBe('retrying');
    await vi.advanceTimersByTimeAsync(249);
    const attempts = network.attempts.length;
    await vi.advanceTimersByTimeAsync(1);
    expect(network.attempts).toHaveLength(attempts + 1);
  });

  it('spreads retries with jitter, between half and all of the wait', async () => {
    const { network } = setup({ random: () => 0 });
    network.last.handlers.close(1006, '');
    await vi.advanceTimersByTimeAsync(124);
    expect(network.attempts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(network.attempts).toHaveLength(2);
  });

  it('fails calls waiting for a connection when the attempt fails', async () => {
    const { network, client } = setup();
    const info = client.call('app.info', {});
    network.last.handlers.close(1006, '');
    await expect(info).rejects.toMatchObject({
      error: {
        message: expect.stringContaining('Neurite cannot be reached, so "app.info" was not sent.'),
      },
    });
  });

  it('tries again at once when a call is made while waiting to retry', async () => {
    const { network, client } = setup();
    network.last.handlers.close(1006, '');
    expect(network.attempts).toHaveLength(1);
    const info = client.call('app.info', {});
    expect(network.attempts).toHaveLength(2);
    expect(client.state).toBe('connecting');
    network.last.handlers.open();
    network.answer(1, { version: '2' });
    await expect(info).resolves.toEqual({ version: '2' });
    // The scheduled retry was cancelled: no third attempt.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(network.attempts).toHaveLength(2);
  });

  it('ignores a superseded connection', async () => {
    const { network, client } = setup();
    const first = network.last;
    first.handlers.close(1006, '');
    void client.call('app.info', {}).catch(() => undefined); // starts attempt 2 at once
    first.handlers.open();
    first.handlers.close(1006, '');
    expect(client.state).toBe('connecting');
    await settle();
  });
});

describe('close()', () => {
  it('fails every waiting call, closes the socket and stops reconnecting', async () => {
    const { network, client } = setup();
    network.last.handlers.open();
    const inFlight = client.call('projects.list', {});
    client.close();
    expect(client.state).toBe('closed');
    expect(network.last.closedWith).toEqual({
      code: 1000,
      reason: 'The page closed its connection.',
    });
    await expect(inFlight).rejects.toMatchObject({
      error: {
        message: 'The connection to Neurite was closed before "projects.list" was answered.',
      },
    });
    network.last.handlers.close(1000, '');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(network.attempts).toHaveLength(1);
    await expect(client.call('app.info', {})).rejects.toMatchObject({
      error: { message: 'This connection to Neurite has been closed.' },
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiCallError } from '../../../src/shared/api/client';
import type { RunningServer } from '../../../src/main/server/start-server';
import { startServer } from '../../../src/main/server/start-server';
import type { ConnectSocket, WebSocketApiClient } from '../../fixtures/renderer-api';
import { apiSocketUrl, createWebSocketClient } from '../../fixtures/renderer-api';
import { fakeService, fakeSite } from './helpers';

/** The renderer's client on the `ws` package instead of the browser's WebSocket. */
function wsPackageSockets() {
  const opened: WebSocket[] = [];
  const connect: ConnectSocket = (url, handlers) => {
    const socket = new WebSocket(url);
    opened.push(socket);
    socket.on('open', () => handlers.open());
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) handlers.message(data.toString('utf8'));
    });
    socket.on('close', (code, reason) => handlers.close(code, reason.toString('utf8')));
    socket.on('error', () => undefined);
    return {
      send: (text) => socket.send(text),
      close: (code, reason) => socket.close(code, reason),
    };
  };
  return { connect, opened };
}

let fake: ReturnType<typeof fakeService>;
let server: RunningServer;
let sockets: ReturnType<typeof wsPackageSockets>;
let client: WebSocketApiClient | undefined;

function clientFor(url: string): WebSocketApiClient {
  const created = createWebSocketClient({
    url,
    connect: sockets.connect,
    firstRetryMs: 20,
    maxRetryMs: 100,
  });
  client = created;
  return created;
}

beforeEach(async () => {
  fake = fakeService();
  server = await startServer({ service: fake.service, rendererDir: fakeSite().dir });
  sockets = wsPackageSockets();
});
afterEach(async () => {
  client?.close();
  client = undefined;
  await server.close();
});

/** The socket URL the page computes from the address the server printed. */
function pageSocketUrl(): string {
  const page = new URL(server.url);
  return apiSocketUrl(page)!;
}

describe('the renderer WebSocket client against the real server', () => {
  it('computes the socket address from the printed page address', () => {
    expect(pageSocketUrl()).toBe(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
  });

  it('calls, and gets typed answers', async () => {
    const api = clientFor(pageSocketUrl());
    const info = await api.call('app.info', {});
    expect(info).toEqual({ version: '9.9.9', dataDir: '/nowhere', transport: 'websocket' });
    expect(api.state).toBe('open');
  });

  it('rejects refused calls with ApiCallError and its issues', async () => {
    const api = clientFor(pageSocketUrl());
    const thrown = await api.call('projects.create', { name: '  ' }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiCallError);
    expect((thrown as ApiCallError).error).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'name' }],
    });
  });

  it('hears broadcast events', async () => {
    const api = clientFor(pageSocketUrl());
    await api.call('app.info', {});
    const heard = new Promise((resolve) => api.on('project.changed', resolve));
    fake.emit('project.changed', { projectId: 'p9' });
    expect(await heard).toEqual({ projectId: 'p9' });
  });

  it('fails a call in flight when the connection drops, reconnects, and works again', async () => {
    const api = clientFor(pageSocketUrl());
    await api.call('app.info', {});
    const held = api.call('projects.list', {});
    await expect.poll(() => fake.heldCalls).toBe(1);
    sockets.opened[0]!.terminate();
    await expect(held).rejects.toThrow(/lost before "projects.list" was answered/);
    await expect.poll(() => api.state).toBe('open');
    expect(sockets.opened).toHaveLength(2);
    expect(await api.call('app.info', {})).toMatchObject({ version: '9.9.9' });
    // Events reach the page over the new connection too.
    const heard = new Promise((resolve) => api.on('project.changed', resolve));
    fake.emit('project.changed', { projectId: 'after' });
    expect(await heard).toEqual({ projectId: 'after' });
    fake.release();
  });

  it('fails calls with a clear message when the token is wrong, and keeps retrying', async () => {
    const api = clientFor(`ws://127.0.0.1:${server.port}/api?token=${'0'.repeat(64)}`);
    await expect(api.call('app.info', {})).rejects.toThrow(
      'Neurite cannot be reached, so "app.info" was not sent.',
    );
    await expect.poll(() => sockets.opened.length).toBeGreaterThan(2);
  });

  it('fails calls in flight when the server shuts down', async () => {
    const api = clientFor(pageSocketUrl());
    await api.call('app.info', {});
    const held = api.call('projects.list', {});
    await expect.poll(() => fake.heldCalls).toBe(1);
    const closing = server.close();
    await expect(held).rejects.toThrow(/lost before "projects.list" was answered/);
    await closing;
    fake.release();
    server = await startServer({ service: fake.service, rendererDir: fakeSite().dir });
  });
});

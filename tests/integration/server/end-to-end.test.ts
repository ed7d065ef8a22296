import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiEventPayload } from '../../../src/shared/api/contract';
import type { ApiService } from '../../../src/main/services/api-service';
import { createApiService } from '../../../src/main/services/api-service';
import type { RunningServer } from '../../../src/main/server/start-server';
import { startServer } from '../../../src/main/server/start-server';
import type { ConnectSocket } from '../../fixtures/renderer-api';
import { apiSocketUrl, createWebSocketClient } from '../../fixtures/renderer-api';
import { apiUrl, connect, fakeSite } from './helpers';
import { xorTrainingStart } from '../../fixtures/training';

/** The real service with its own data folder, behind the real server. */
let dataDir: string;
let service: ApiService;
let server: RunningServer;
const cleanups: Array<() => void> = [];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'neurite-serve-'));
  service = createApiService({ dataDir, transport: 'websocket' });
  server = await startServer({ service, rendererDir: fakeSite().dir });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await server.close();
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const connectWs: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.on('open', () => handlers.open());
  socket.on('message', (data: Buffer) => handlers.message(data.toString('utf8')));
  socket.on('close', (code, reason) => handlers.close(code, reason.toString('utf8')));
  socket.on('error', () => undefined);
  return { send: (text) => socket.send(text), close: (code, reason) => socket.close(code, reason) };
};

describe('browser mode end to end, with the real API service', () => {
  it("reports the websocket transport and the service's data folder", async () => {
    const { socket, inbox } = await connect(apiUrl(server));
    cleanups.push(() => socket.terminate());
    expect(await inbox.request(1, 'app.info')).toMatchObject({
      id: 1,
      ok: true,
      output: { transport: 'websocket', dataDir },
    });
  });

  it('creates a project, lists it, and tells every client it changed', async () => {
    const creator = await connect(apiUrl(server));
    const watcher = await connect(apiUrl(server), { origin: `http://127.0.0.1:${server.port}` });
    cleanups.push(
      () => creator.socket.terminate(),
      () => watcher.socket.terminate(),
    );

    const created = await creator.inbox.request(1, 'projects.create', {
      name: 'My XOR',
      template: 'xor-mlp',
    });
    expect(created).toMatchObject({ id: 1, ok: true, output: { name: 'My XOR' } });
    const projectId = (created as { output: { id: string } }).output.id;

    const listed = await creator.inbox.request(2, 'projects.list', {});
    expect(listed).toMatchObject({ id: 2, ok: true, output: [{ id: projectId, name: 'My XOR' }] });

    const changed = await watcher.inbox.nextMatching(
      (m): m is { event: string; payload: unknown } =>
        (m as { event?: string }).event === 'project.changed',
    );
    expect(changed.payload).toEqual({ projectId });

    // Errors of the real service keep their codes over the wire.
    expect(
      await creator.inbox.request(3, 'projects.open', {
        projectId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toMatchObject({ id: 3, ok: false, error: { code: 'not-found' } });
    expect(await creator.inbox.request(4, 'no.such.call', {})).toMatchObject({
      id: 4,
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('streams a training run of the XOR template to the page until it finishes', async () => {
    const api = createWebSocketClient({
      url: apiSocketUrl(new URL(server.url))!,
      connect: connectWs,
    });
    cleanups.push(() => api.close());
    const project = await api.call('projects.create', { name: 'XOR', template: 'xor-mlp' });

    const events: ApiEventPayload<'training.event'>[] = [];
    const finished = new Promise<void>((resolve) => {
      api.on('training.event', (payload) => {
        events.push(payload);
        const type = payload.event.type;
        if (type === 'finished' || type === 'failed' || type === 'stopped') resolve();
      });
    });
    const { runId } = await api.call('training.start', xorTrainingStart(project.id, 30));
    await finished;

    expect(events.every((e) => e.runId === runId && e.projectId === project.id)).toBe(true);
    const types = events.map((e) => e.event.type);
    expect(types.at(-1), JSON.stringify(events.at(-1))).toBe('finished');
    expect(types[0]).toBe('started');
    expect(types.filter((t) => t === 'epoch')).toHaveLength(30);
    // The live saliency maps and decision boundary come through too; the last one is kept.
    expect(types).toContain('inside');
    const run = await api.call('runs.get', { runId });
    expect(run.status).toBe('finished');
    expect(run.liveInside).toMatchObject({ type: 'inside', epoch: 30 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../src/shared/api/contract';
import type { RunningServer } from '../../../src/main/server/start-server';
import { startServer } from '../../../src/main/server/start-server';
import { UNREADABLE_ID } from '../../../src/main/server/wire';
import { apiUrl, closed, connect, fakeService, fakeSite, refusedHandshake } from './helpers';

let fake: ReturnType<typeof fakeService>;
let server: RunningServer;
const sockets: WebSocket[] = [];

async function open(options: { origin?: string } = {}) {
  const connection = await connect(apiUrl(server), options);
  sockets.push(connection.socket);
  return connection;
}

beforeEach(async () => {
  fake = fakeService();
  server = await startServer({ service: fake.service, rendererDir: fakeSite().dir });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server.close();
});

describe('who may connect to /api', () => {
  it('prints an address with a 64-hex-digit token on 127.0.0.1 and a real port', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('gives each server its own token', async () => {
    const other = await startServer({ service: fake.service, rendererDir: fakeSite().dir });
    expect(other.token).not.toBe(server.token);
    await other.close();
  });

  it('refuses a connection without a token, or with a wrong one, with 401', async () => {
    const base = `ws://127.0.0.1:${server.port}/api`;
    const none = await refusedHandshake(base);
    expect(none.status).toBe(401);
    expect(none.body).toContain('session token');
    expect((await refusedHandshake(`${base}?token=`)).status).toBe(401);
    expect((await refusedHandshake(apiUrl(server, 'f'.repeat(64)))).status).toBe(401);
    // A prefix or the token with something after it is as wrong as any other.
    expect((await refusedHandshake(apiUrl(server, server.token.slice(0, 63)))).status).toBe(401);
    expect((await refusedHandshake(apiUrl(server, `${server.token}0`))).status).toBe(401);
  });

  it('refuses, with 403, a browser page from any other origin, even with the token', async () => {
    for (const origin of [
      'http://evil.example',
      `http://localhost:${server.port}`,
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
      'null',
    ]) {
      const refused = await refusedHandshake(apiUrl(server), { Origin: origin });
      expect(refused.status, origin).toBe(403);
      expect(refused.body).toContain(`Connections from ${origin} are refused`);
    }
  });

  it("lets in the server's own page, and a client that sends no Origin (not a browser)", async () => {
    const page = await open({ origin: `http://127.0.0.1:${server.port}` });
    expect((await page.inbox.request(1, 'app.info')).ok).toBe(true);
    const program = await open();
    expect((await program.inbox.request(1, 'app.info')).ok).toBe(true);
  });

  it('refuses a Host other than 127.0.0.1:port (DNS rebinding) with 421', async () => {
    const refused = await refusedHandshake(apiUrl(server), { Host: `evil.example:${server.port}` });
    expect(refused.status).toBe(421);
  });

  it('has no WebSocket endpoint but /api', async () => {
    const refused = await refusedHandshake(
      `ws://127.0.0.1:${server.port}/socket?token=${server.token}`,
    );
    expect(refused.status).toBe(404);
  });
});

describe('calls over the socket', () => {
  it("answers 'app.info' with the same id", async () => {
    const { inbox } = await open();
    expect(await inbox.request(41, 'app.info')).toEqual({
      id: 41,
      ok: true,
      output: { version: '9.9.9', dataDir: '/nowhere', transport: 'websocket' },
    });
  });

  it('answers calls out of order, each by its own id', async () => {
    const { socket, inbox } = await open();
    socket.send(JSON.stringify({ id: 1, call: 'projects.list', input: {} }));
    socket.send(JSON.stringify({ id: 2, call: 'templates.list', input: {} }));
    expect(await inbox.next()).toMatchObject({ id: 2, ok: true });
    await expect.poll(() => fake.heldCalls).toBe(1);
    fake.release();
    expect(await inbox.next()).toEqual({ id: 1, ok: true, output: [] });
  });

  it('answers every kind of bad message with invalid-input and stays usable', async () => {
    const { socket, inbox } = await open();
    const send = async (text: string) => {
      socket.send(text);
      return inbox.next<{ id: number; ok: boolean; error: { code: string; message: string } }>();
    };

    const notJson = await send('{"id": 1, "call": ');
    expect(notJson).toMatchObject({
      id: UNREADABLE_ID,
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(notJson.error.message).toContain('not JSON');

    for (const text of ['[]', 'null', '42', '"app.info"', '{"call": "app.info", "input": {}}']) {
      const answer = await send(text);
      expect(answer, text).toMatchObject({
        id: UNREADABLE_ID,
        ok: false,
        error: { code: 'invalid-input' },
      });
      expect(answer.error.message).toContain('not a Neurite request');
    }
    // Ids must be whole numbers from 0 up, so that -1 can never be mistaken for a real call.
    for (const id of [-1, 1.5, '7', null]) {
      const answer = await send(JSON.stringify({ id, call: 'app.info', input: {} }));
      expect(answer, String(id)).toMatchObject({
        id: UNREADABLE_ID,
        error: { code: 'invalid-input' },
      });
    }

    // With a readable id, the refusal carries it.
    expect(await send(JSON.stringify({ id: 5, input: {} }))).toMatchObject({
      id: 5,
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'call' }] },
    });
    expect(
      await send(JSON.stringify({ id: 6, call: 'app.info', input: {}, extra: 1 })),
    ).toMatchObject({
      id: 6,
      error: { code: 'invalid-input' },
    });
    expect(await send(JSON.stringify({ id: 7, call: 'no.such.call', input: {} }))).toMatchObject({
      id: 7,
      ok: false,
      error: { code: 'invalid-input', message: 'There is no call named "no.such.call".' },
    });
    expect(
      await send(JSON.stringify({ id: 8, call: 'projects.create', input: { name: '' } })),
    ).toMatchObject({
      id: 8,
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'name' }] },
    });
    expect(
      await send(JSON.stringify({ id: 9, call: 'app.info', input: { unexpected: true } })),
    ).toMatchObject({ id: 9, ok: false, error: { code: 'invalid-input' } });

    // Still the same, working connection.
    expect(await inbox.request(10, 'app.info')).toMatchObject({ id: 10, ok: true });
  });

  it('closes a connection that sends a message over MAX_MESSAGE_BYTES with 1009', async () => {
    const { socket } = await open();
    const closing = closed(socket);
    const input = { name: 'x'.repeat(MAX_MESSAGE_BYTES) };
    socket.send(JSON.stringify({ id: 1, call: 'projects.create', input }));
    expect((await closing).code).toBe(1009);
    // The server is fine: a new connection works.
    const again = await open();
    expect((await again.inbox.request(1, 'app.info')).ok).toBe(true);
  });

  it('accepts a message just under the limit', async () => {
    const { inbox } = await open();
    const padding = 'x'.repeat(MAX_MESSAGE_BYTES - 200);
    const answer = await inbox.request(1, 'projects.create', { name: 'big', template: padding });
    // Read, validated and passed on (the fake service creates no projects).
    expect(answer).toMatchObject({ id: 1, ok: false, error: { code: 'unsupported' } });
  });

  it('closes a connection that sends binary frames with 1008', async () => {
    const { socket } = await open();
    const closing = closed(socket);
    socket.send(Buffer.from(JSON.stringify({ id: 1, call: 'app.info', input: {} })));
    expect(await closing).toEqual({
      code: 1008,
      reason: 'Neurite accepts JSON text messages only.',
    });
  });
});

describe('events', () => {
  it('go to every connected client', async () => {
    const first = await open();
    const second = await open({ origin: `http://127.0.0.1:${server.port}` });
    const payload = { projectId: 'p1' };
    fake.emit('project.changed', payload);
    const expected = { event: 'project.changed', payload };
    expect(await first.inbox.next()).toEqual(expected);
    expect(await second.inbox.next()).toEqual(expected);
  });

  it('skip clients that have gone, and stop when the server closes', async () => {
    const leaving = await open();
    const staying = await open();
    const gone = closed(leaving.socket);
    leaving.socket.close();
    await gone;
    fake.emit('project.changed', { projectId: 'p2' });
    expect(await staying.inbox.next()).toMatchObject({ payload: { projectId: 'p2' } });
    expect(fake.listenerCount).toBe(1);
    const closing = closed(staying.socket);
    await server.close();
    expect(await closing).toEqual({ code: 1001, reason: 'Neurite is shutting down.' });
    expect(fake.listenerCount).toBe(0);
    await server.close(); // a second close is harmless
    server = await startServer({ service: fake.service, rendererDir: fakeSite().dir });
  });
});

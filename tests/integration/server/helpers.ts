import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { WireResponse } from '../../../src/shared/api/client';
import type { ApiEventName } from '../../../src/shared/api/contract';
import { API_CALLS } from '../../../src/shared/api/contract';
import type { ServedApi } from '../../../src/main/server/start-server';
import { RENDERER_CSP } from '../../../src/main/server/csp';

/**
 * A small but real ApiService: it validates input with the contract's schemas, answers
 * 'app.info' and 'templates.list', holds 'projects.list' until released, and emits events
 * on demand. It has no close(): the server never closes the service it was given.
 */
export function fakeService() {
  const listeners = new Set<(name: ApiEventName, payload: unknown) => void>();
  const held: Array<() => void> = [];
  const service: ServedApi = {
    async handle(name, rawInput) {
      if (!Object.hasOwn(API_CALLS, name)) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: `There is no call named "${name}".` },
        };
      }
      const parsed = API_CALLS[name as keyof typeof API_CALLS].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-input',
            message: `The request "${name}" is not valid.`,
            issues: parsed.error.issues.map((i) => ({
              path: i.path.join('.'),
              message: i.message,
            })),
          },
        };
      }
      switch (name) {
        case 'app.info':
          return {
            ok: true,
            output: { version: '9.9.9', dataDir: '/nowhere', transport: 'websocket' },
          };
        case 'templates.list':
          return { ok: true, output: [{ id: 'xor-mlp', name: 'XOR', description: 'An MLP.' }] };
        case 'projects.list':
          await new Promise<void>((resolve) => held.push(resolve));
          return { ok: true, output: [] };
        default:
          return {
            ok: false,
            error: { code: 'unsupported', message: `Not in the fake: ${name}.` },
          };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    service,
    emit: (name: ApiEventName, payload: unknown) => {
      for (const listener of listeners) listener(name, payload);
    },
    /** Answers every 'projects.list' call waiting so far. */
    release: () => held.splice(0).forEach((resolve) => resolve()),
    get heldCalls() {
      return held.length;
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}

/**
 * A built-renderer look-alike in a fresh folder, with things beside and inside it that must
 * never be served: a secret next to it, a hidden file, a link pointing out, a sub-folder.
 */
export function fakeSite(): { dir: string; parent: string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'neurite-site-'));
  const dir = path.join(parent, 'renderer');
  mkdirSync(path.join(dir, 'assets', 'deeper'), { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" /></head><body>Neurite</body></html>`,
  );
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("hi");');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
  writeFileSync(path.join(dir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dir, 'assets', 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(dir, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(path.join(dir, 'assets', 'kernels.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
  writeFileSync(path.join(dir, 'assets', 'blob.bin'), Buffer.from([1, 2, 3]));
  writeFileSync(path.join(dir, 'assets', 'deeper', 'file.txt'), 'deep');
  writeFileSync(path.join(dir, '.env'), 'SECRET=1');
  writeFileSync(path.join(parent, 'secret.txt'), 'do not serve me');
  symlinkSync(path.join(parent, 'secret.txt'), path.join(dir, 'link-out.txt'));
  return { dir, parent };
}

/** The socket's messages, parsed, waiting to be taken in arrival order or by a match. */
export class Inbox {
  private readonly messages: unknown[] = [];
  private readonly wakers = new Set<() => void>();

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      this.messages.push(JSON.parse(data.toString('utf8')));
      for (const wake of this.wakers) wake();
      this.wakers.clear();
    });
  }

  next<T = unknown>(): Promise<T> {
    return this.nextMatching((_message): _message is T => true);
  }

  /** Sends a request and waits for the answer with its id (other messages stay queued). */
  request(id: number, call: string, input: unknown = {}): Promise<WireResponse> {
    this.socket.send(JSON.stringify({ id, call, input }));
    return this.nextMatching((m): m is WireResponse => (m as { id?: unknown }).id === id);
  }

  /** Takes the first message, received or still to come, that `match` accepts. */
  async nextMatching<T>(match: (message: unknown) => message is T): Promise<T> {
    for (;;) {
      const index = this.messages.findIndex(match);
      if (index >= 0) return this.messages.splice(index, 1)[0] as T;
      await new Promise<void>((resolve) => this.wakers.add(resolve));
    }
  }
}

export function apiUrl(server: { port: number; token: string }, token = server.token): string {
  return `ws://127.0.0.1:${server.port}/api?token=${token}`;
}

/** Opens a socket the way a non-browser client would (no Origin unless given). */
export async function connect(
  url: string,
  options: { origin?: string } = {},
): Promise<{ socket: WebSocket; inbox: Inbox }> {
  const socket = new WebSocket(url, options.origin ? { origin: options.origin } : {});
  const inbox = new Inbox(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, inbox };
}

/** The HTTP status a refused handshake got, and its body. */
export function refusedHandshake(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      reject(new Error('The handshake was accepted.'));
    });
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
  });
}

export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    socket.once('close', (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString('utf8') }),
    );
  });
}

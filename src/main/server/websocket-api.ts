import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { WireEvent, WireRequest, WireResponse } from '../../shared/api/client';
import { MAX_MESSAGE_BYTES } from '../../shared/api/contract';
import type { ApiService } from '../services/api-service';
import { encodeResponse, parseWireRequest } from './wire';

/** Close codes (RFC 6455). 1009 (too big) is sent by `ws` itself when maxPayload is passed. */
const POLICY_VIOLATION = 1008;
const GOING_AWAY = 1001;
/** How long closing sockets get to say goodbye before they are cut. */
const CLOSE_GRACE_MS = 1000;

/** What the transport needs of the service; whoever starts the server owns and closes it. */
export type ServedApi = Pick<ApiService, 'handle' | 'onEvent'>;

export interface WebSocketApi {
  /** Completes the handshake of a connection the caller has already let in. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Stops broadcasting and closes every connection. */
  close(): Promise<void>;
}

/**
 * The API over WebSocket: each text message is one WireRequest answered by one WireResponse
 * with the same id (answers may come back in any order); every service event goes to every
 * connection as a WireEvent.
 */
export function createWebSocketApi(service: ServedApi): WebSocketApi {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const stopEvents = service.onEvent((name, payload) => {
    let text: string;
    try {
      text = JSON.stringify({ event: name, payload } satisfies WireEvent);
    } catch {
      return; // The service validated the payload; a value JSON cannot hold is its bug, not the page's.
    }
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(text);
    }
  });

  wss.on('connection', (socket) => {
    // Without a listener an 'error' (e.g. an oversized message) would crash the process;
    // `ws` closes the socket itself with the matching code.
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        socket.close(POLICY_VIOLATION, 'Neurite accepts JSON text messages only.');
        return;
      }
      void answer(socket, toText(data));
    });
  });

  async function answer(socket: WebSocket, text: string): Promise<void> {
    const parsed = parseWireRequest(text);
    const response = parsed.ok ? await run(parsed.request) : parsed.answer;
    if (socket.readyState === WebSocket.OPEN) socket.send(encodeResponse(response));
  }

  async function run(request: WireRequest): Promise<WireResponse> {
    try {
      const result = await service.handle(request.call, request.input);
      return result.ok
        ? { id: request.id, ok: true, output: result.output }
        : { id: request.id, ok: false, error: result.error };
    } catch (error) {
      // handle() promises never to throw; should it, the caller still gets an answer.
      return {
        id: request.id,
        ok: false,
        error: {
          code: 'internal',
          message: `Something went wrong inside Neurite: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  }

  return {
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
    },
    async close() {
      stopEvents();
      const closed = [...wss.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            if (client.readyState === WebSocket.CLOSED) return resolve();
            const timer = setTimeout(() => client.terminate(), CLOSE_GRACE_MS);
            client.once('close', () => {
              clearTimeout(timer);
              resolve();
            });
            client.close(GOING_AWAY, 'Neurite is shutting down.');
          }),
      );
      await Promise.all(closed);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

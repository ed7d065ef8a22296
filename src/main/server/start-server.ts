import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import type { Refusal, ServerIdentity } from './request-checks';
import { API_PATH, refuseApiUpgrade, refuseForeignHost, requestTarget } from './request-checks';
import { createStaticFiles, sendText } from './static-files';
import { createToken } from './token';
import type { ServedApi } from './websocket-api';
import { createWebSocketApi } from './websocket-api';

export type { ServedApi };

/** Browser mode is for this computer only. */
const HOST = '127.0.0.1';

export interface ServerOptions {
  readonly service: ServedApi;
  /** The built renderer (out/renderer), with index.html at its top. */
  readonly rendererDir: string;
  /** 0 or undefined: any free port. */
  readonly port?: number;
}

export interface RunningServer {
  /** The address to open, session token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Closes every connection and the server; the service stays open (its owner closes it). */
  close(): Promise<void>;
}

/**
 * Browser mode: serves the renderer over HTTP and the API over a WebSocket at /api, on
 * 127.0.0.1 only, to connections that bring the session token from the printed address.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(
      `There is no built Neurite page in ${options.rendererDir}. Run "npm run build" first.`,
    );
  }
  const serveStatic = createStaticFiles(options.rendererDir);
  const api = createWebSocketApi(options.service);
  // Known once the port is: until then no request can arrive.
  let self: ServerIdentity = { host: '', origin: '', token: createToken() };

  const server = createServer((request, response) => {
    const target = requestTarget(request, self);
    if (!target) return sendText(response, 400, 'The request target is not a path.');
    const foreignHost = refuseForeignHost(request, self);
    if (foreignHost) return sendText(response, foreignHost.status, foreignHost.message);
    if (target.pathname === API_PATH) {
      return sendText(response, 426, 'The API speaks WebSocket only.');
    }
    serveStatic(request, response, target.pathname).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'The file could not be read.');
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket: Duplex, head: Buffer) => {
    // A client that hangs up mid-handshake must not take the server down.
    socket.on('error', () => socket.destroy());
    const refusal = refuseApiUpgrade(request, self);
    if (refusal) refuseHandshake(socket, refusal);
    else api.handleUpgrade(request, socket, head);
  });

  const port = await listen(server, options.port ?? 0);
  const origin = new URL(`http://${HOST}:${port}`).origin;
  self = { ...self, origin, host: new URL(origin).host };

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await api.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  return {
    url: `${origin}/?token=${self.token}`,
    port,
    token: self.token,
    close: () => (closing ??= close()),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException): void => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use. Choose another with --port, or --port 0 for any free one.`
            : `Could not listen on ${HOST}:${port}: ${error.message}`,
        ),
      );
    };
    server.once('error', fail);
    server.listen(port, HOST, () => {
      server.off('error', fail);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Answers a refused handshake with a plain HTTP error, never upgrading the connection. */
function refuseHandshake(socket: Duplex, refusal: Refusal): void {
  const body = `${refusal.message}\n`;
  const reason = STATUS_TEXT[refusal.status];
  socket.end(
    `HTTP/1.1 ${refusal.status} ${reason}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const STATUS_TEXT: Readonly<Record<Refusal['status'], string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
};

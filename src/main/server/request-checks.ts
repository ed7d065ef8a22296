import type { IncomingMessage } from 'node:http';
import { tokenMatches } from './token';

/** Where the API's WebSocket endpoint lives. */
export const API_PATH = '/api';

/** Who this server is: what a request must name to be answered. */
export interface ServerIdentity {
  /** The Host header browsers send for this server, e.g. 127.0.0.1:5173. */
  readonly host: string;
  /** The page's own origin, e.g. http://127.0.0.1:5173: the only browser origin let in. */
  readonly origin: string;
  readonly token: string;
}

export interface Refusal {
  readonly status: 400 | 401 | 403 | 404 | 421;
  readonly message: string;
}

/**
 * The request's path and query. Only origin-form targets ("/path?query") are accepted, so an
 * absolute or protocol-relative target ("//elsewhere/x") can never change what is read.
 */
export function requestTarget(request: IncomingMessage, self: ServerIdentity): URL | undefined {
  const target = request.url ?? '';
  if (!target.startsWith('/')) return undefined;
  try {
    return new URL(`${self.origin}${target}`);
  } catch {
    return undefined;
  }
}

/**
 * Refuses requests addressed to another host name. A web page that re-points its own domain at
 * 127.0.0.1 (DNS rebinding) then reaches this port, but its requests still say its own name.
 */
export function refuseForeignHost(
  request: IncomingMessage,
  self: ServerIdentity,
): Refusal | undefined {
  if (request.headers.host === self.host) return undefined;
  return {
    status: 421,
    message: `This Neurite server answers only at ${self.origin}. Open the address "neurite serve" printed.`,
  };
}

/**
 * Decides, before the WebSocket handshake completes, whether a connection may use the API:
 * the session token must match, and a browser must be showing this server's own page.
 *
 * A connection with no Origin header is let in: browsers always send one on a WebSocket
 * handshake, so its absence means a program on this computer (a test, a script), which could
 * read the data folder directly anyway; it still needs the token. An Origin of "null"
 * (sandboxed frames, file:// pages) is refused like any other foreign origin.
 */
export function refuseApiUpgrade(
  request: IncomingMessage,
  self: ServerIdentity,
): Refusal | undefined {
  const target = requestTarget(request, self);
  if (!target) return { status: 400, message: 'The request target is not a path.' };
  if (target.pathname !== API_PATH) {
    return { status: 404, message: `There is no WebSocket endpoint at ${target.pathname}.` };
  }
  const foreignHost = refuseForeignHost(request, self);
  if (foreignHost) return foreignHost;
  if (!tokenMatches(self.token, target.searchParams.get('token'))) {
    return {
      status: 401,
      message:
        'This connection has no valid session token. Open the full address "neurite serve" printed (it ends in ?token=…).',
    };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== self.origin) {
    return {
      status: 403,
      message: `Connections from ${origin} are refused: only the Neurite page at ${self.origin} may use this API.`,
    };
  }
  return undefined;
}

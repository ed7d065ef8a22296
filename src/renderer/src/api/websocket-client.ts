import type { ApiClient, WireRequest } from '../../../shared/api/client';
import { ApiCallError } from '../../../shared/api/client';
import type { ApiError } from '../../../shared/api/contract';
import { apiErrorSchema, MAX_MESSAGE_BYTES } from '../../../shared/api/contract';

/**
 * What the client needs from a WebSocket, so the same logic runs on the browser's WebSocket
 * (browser-socket.ts) and, in tests, on the `ws` package or a fake. `close` follows a failed
 * connection attempt as well as a dropped connection, as in browsers.
 */
export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  close(code: number, reason: string): void;
}
export interface SocketConnection {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}
export type ConnectSocket = (url: string, handlers: SocketHandlers) => SocketConnection;

export type ConnectionState = 'connecting' | 'open' | 'retrying' | 'closed';

export interface WebSocketClientOptions {
  /** ws://host/api?token=… (see apiSocketUrl). */
  readonly url: string;
  readonly connect: ConnectSocket;
  /** The first wait before reconnecting; it doubles on each failure up to maxRetryMs. */
  readonly firstRetryMs?: number;
  readonly maxRetryMs?: number;
  /** For tests: a source of numbers in [0, 1) for the jitter. */
  readonly random?: () => number;
}

export interface WebSocketApiClient extends ApiClient {
  readonly state: ConnectionState;
  /** For a "reconnecting…" notice. Returns a function that stops listening. */
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Closes the connection for good; calls still waiting fail. */
  close(): void;
}

/** The API endpoint for the page at `page`, with the token from the page's own address. */
export function apiSocketUrl(page: {
  readonly protocol: string;
  readonly host: string;
  readonly search: string;
}): string | undefined {
  const token = new URLSearchParams(page.search).get('token');
  if (!token) return undefined;
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${page.host}/api?token=${encodeURIComponent(token)}`;
}

interface Call {
  readonly id: number;
  readonly name: string;
  readonly text: string;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: ApiCallError) => void;
}

const RESTART_HINT = 'Check that "neurite serve" is still running; Neurite reconnects by itself.';

function failure(code: ApiError['code'], message: string): ApiCallError {
  return new ApiCallError({ code, message });
}

/**
 * ApiClient over one WebSocket. Requests carry increasing ids and answers are matched by id.
 * When the connection drops, calls sent but not answered fail at once (they may or may not have
 * taken effect, so they are never silently re-sent), and the client reconnects with exponential
 * backoff and jitter. Calls made while it is not connected wait for the next attempt and fail
 * if that attempt fails; a call made while waiting to retry starts that attempt at once.
 */
export function createWebSocketClient(options: WebSocketClientOptions): WebSocketApiClient {
  const firstRetryMs = options.firstRetryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const random = options.random ?? Math.random;

  const sent = new Map<number, Call>();
  let unsent: Call[] = [];
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let nextId = 1;
  let state: ConnectionState = 'connecting';
  let socket: SocketConnection | undefined;
  /** Which connection attempt is current; handlers of older ones are ignored. */
  let generation = 0;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  }

  function connect(): void {
    const mine = ++generation;
    let opened = false;
    setState('connecting');
    socket = options.connect(options.url, {
      open() {
        if (mine !== generation) return;
        opened = true;
        failures = 0;
        setState('open');
        const waiting = unsent;
        unsent = [];
        for (const call of waiting) send(call);
      },
      message(text) {
        if (mine === generation) receive(text);
      },
      close() {
        if (mine !== generation) return;
        socket = undefined;
        lost(opened);
      },
    });
  }

  function lost(wasOpen: boolean): void {
    for (const call of sent.values()) {
      call.reject(
        failure(
          'unavailable',
          `The connection to Neurite was lost before "${call.name}" was answered, so it may or may not have been done. ${RESTART_HINT}`,
        ),
      );
    }
    sent.clear();
    if (!wasOpen) {
      const waiting = unsent;
      unsent = [];
      for (const call of waiting) {
        call.reject(
          failure(
            'unavailable',
            `Neurite cannot be reached, so "${call.name}" was not sent. ${RESTART_HINT}`,
          ),
        );
      }
    }
    if (state === 'closed') return;
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** failures) * (0.5 + random() / 2);
    failures += 1;
    setState('retrying');
    retryTimer = setTimeout(retry, delay);
  }

  function retry(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    connect();
  }

  function send(call: Call): void {
    sent.set(call.id, call);
    try {
      socket?.send(call.text);
    } catch (error) {
      sent.delete(call.id);
      call.reject(failure('internal', `"${call.name}" could not be sent: ${String(error)}`));
    }
  }

  function receive(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      console.warn('Neurite sent a message that is not JSON; it was ignored.');
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { event, payload, id, ok, output, error } = message as Record<string, unknown>;
    if (typeof event === 'string') {
      for (const listener of [...(eventListeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (listenerError) {
          console.error(`A listener for "${event}" failed:`, listenerError);
        }
      }
      return;
    }
    const call = typeof id === 'number' ? sent.get(id) : undefined;
    if (!call) {
      if (ok === false) console.warn('Neurite refused a message:', error);
      return;
    }
    sent.delete(call.id);
    if (ok === true) {
      call.resolve(output);
      return;
    }
    const parsed = apiErrorSchema.safeParse(error);
    call.reject(
      parsed.success
        ? new ApiCallError(parsed.data)
        : failure('internal', `Neurite answered "${call.name}" with an unreadable error.`),
    );
  }

  connect();

  return {
    get state() {
      return state;
    },

    call(name, input) {
      if (state === 'closed') {
        return Promise.reject(
          failure('unavailable', 'This connection to Neurite has been closed.'),
        );
      }
      const id = nextId++;
      let text: string;
      try {
        text = JSON.stringify({ id, call: name, input } satisfies WireRequest);
      } catch (error) {
        return Promise.reject(
          failure('invalid-input', `"${name}" could not be sent: ${String(error)}`),
        );
      }
      // Over the limit, the server would close the connection and fail every other call too.
      if (text.length * 3 > MAX_MESSAGE_BYTES) {
        const bytes = new TextEncoder().encode(text).length;
        if (bytes > MAX_MESSAGE_BYTES) {
          const mb = (n: number): string => `${Math.ceil(n / 1024 / 1024)} MB`;
          return Promise.reject(
            failure(
              'too-large',
              `"${name}" is ${mb(bytes)}, over the ${mb(MAX_MESSAGE_BYTES)} limit.`,
            ),
          );
        }
      }
      return new Promise((resolve, reject) => {
        const call: Call = {
          id,
          name,
          text,
          resolve: resolve as (output: unknown) => void,
          reject,
        };
        if (state === 'open') {
          send(call);
          return;
        }
        unsent.push(call);
        if (state === 'retrying') retry();
      });
    },

    on(name, listener) {
      const listeners = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, listeners);
      const untyped = listener as (payload: unknown) => void;
      listeners.add(untyped);
      return () => {
        listeners.delete(untyped);
      };
    },

    onStateChange(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },

    close() {
      if (state === 'closed') return;
      setState('closed');
      clearTimeout(retryTimer);
      generation += 1;
      socket?.close(1000, 'The page closed its connection.');
      socket = undefined;
      const waiting = [...sent.values(), ...unsent];
      sent.clear();
      unsent = [];
      for (const call of waiting) {
        call.reject(
          failure(
            'internal',
            `The connection to Neurite was closed before "${call.name}" was answered.`,
          ),
        );
      }
    },
  };
}

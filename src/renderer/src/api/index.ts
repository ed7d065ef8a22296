import type { ApiClient } from '../../../shared/api/client';
import { connectBrowserSocket } from './browser-socket';
import { createIpcClient } from './ipc-client';
import { createUnavailableClient } from './unavailable-client';
import { apiSocketUrl, createWebSocketClient } from './websocket-client';

export type { ApiClient };
export { ApiCallError } from '../../../shared/api/client';

/**
 * The page's API client: Electron IPC inside the desktop app (the preload provides
 * window.neurite.invoke), else the WebSocket of `neurite serve`, whose address and token come
 * from the page's own address.
 */
export function createApiClient(): ApiClient {
  const bridge = window.neurite;
  if (typeof bridge?.invoke === 'function') return createIpcClient(bridge);
  const url = apiSocketUrl(window.location);
  if (!url) {
    return createUnavailableClient(
      'This page was opened without its session token. Open the full address "neurite serve" printed (it ends in ?token=…).',
    );
  }
  return createWebSocketClient({ url, connect: connectBrowserSocket });
}

let client: ApiClient | undefined;

/** The one client the whole page shares, created on first use. */
export function getApiClient(): ApiClient {
  client ??= createApiClient();
  return client;
}

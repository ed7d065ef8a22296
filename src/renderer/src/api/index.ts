import type { ApiClient } from '../../../shared/api/client';
import { connectBrowserSocket } from './browser-socket';
import { createIpcClient } from './ipc-client';
import { createUnavailableClient } from './unavailable-client';
import { apiSocketUrl, createWebSocketClient } from './websocket-client';

export type { ApiClient };
export { ApiCallError } from '../../../shared/api/client';
export { ApiProvider, useApi } from './api-context';
export { describeError, SOMETHING_WENT_WRONG } from './describe-error';
export { useApiEvent, useApiQuery } from './use-api';
export { useLatestRequest, useRequest, type RequestState } from './use-request';

/**
 * The page's API client: Electron IPC inside the desktop app (the preload provides
 * window.neurite.invoke), else the WebSocket of `neurite serve`, whose address and token come
 * from the page's own address. Create it once; ApiProvider hands it to the components.
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

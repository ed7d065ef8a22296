import type { ApiClient } from '../../../shared/api/client';
import { useApi, useRequest } from '../api';

export type Transport = 'electron' | 'websocket';

// The transport does not change while the page is open: ask each client once.
const asked = new WeakMap<ApiClient, Promise<Transport>>();

function transportOf(client: ApiClient): Promise<Transport> {
  let answer = asked.get(client);
  if (!answer) {
    answer = client
      .call('app.info', {})
      .then((info) => info.transport)
      // Without an answer, uploading is the way that works everywhere.
      .catch(() => 'websocket' as const);
    asked.set(client, answer);
  }
  return answer;
}

/**
 * How this page reaches Neurite: 'electron' in the desktop app (files are chosen with the
 * system's dialogs), 'websocket' in a browser (files are uploaded). Undefined until known.
 */
export function useAppTransport(): Transport | undefined {
  const client = useApi();
  return useRequest(() => transportOf(client), [client]).data;
}

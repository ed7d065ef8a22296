import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../../../shared/api/client';

const ApiContext = createContext<ApiClient | undefined>(undefined);

/**
 * Gives every component below it the client it calls Neurite through. The page provides the
 * real one (IPC or WebSocket, see createApiClient); component tests provide a fake host, so
 * the same components run without Electron or a server.
 */
export function ApiProvider({
  client,
  children,
}: {
  readonly client: ApiClient;
  readonly children: ReactNode;
}) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The client of the nearest ApiProvider. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) {
    throw new Error('useApi() was called outside <ApiProvider>: wrap the page in one.');
  }
  return client;
}

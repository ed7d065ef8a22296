import { useEffect, useState } from 'react';
import { getApiClient } from '../api';

let transport: Promise<'electron' | 'websocket'> | undefined;

/**
 * How this page reaches Neurite: 'electron' in the desktop app (files are chosen with the
 * system's dialogs), 'websocket' in a browser (files are uploaded). Undefined until known.
 */
export function useAppTransport(): 'electron' | 'websocket' | undefined {
  const [value, setValue] = useState<'electron' | 'websocket' | undefined>();
  useEffect(() => {
    let live = true;
    transport ??= getApiClient()
      .call('app.info', {})
      .then((info) => info.transport)
      // Without an answer, uploading is the way that works everywhere.
      .catch(() => 'websocket' as const);
    void transport.then((t) => {
      if (live) setValue(t);
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}

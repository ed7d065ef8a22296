/**
 * The only bridge between the sandboxed page and main. It exposes two functions that carry
 * the API contract (src/shared/api/contract.ts), never `ipcRenderer` itself, so the page can
 * make exactly the contract's calls and hear its events. Main validates every call.
 * The renderer declares the same shape in src/renderer/src/env.d.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api/ipc-channels';

type Outcome = { ok: true; output: unknown } | { ok: false; error: unknown };

const neurite = {
  /** Resolves with the call's outcome; a refused call is `{ ok: false, error }`, not a throw. */
  invoke: (name: string, input: unknown): Promise<Outcome> =>
    ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input) as Promise<Outcome>,
  /** Listens to one API event; returns a function that stops listening. */
  on: (name: string, listener: (payload: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, forward);
  },
  /** The app's version, for the title bar (also available as the 'app.info' call). */
  appInfo: async (): Promise<{ version: string }> => {
    const outcome = (await ipcRenderer.invoke(IPC_CALL_CHANNEL, 'app.info', {})) as Outcome;
    return outcome.ok ? (outcome.output as { version: string }) : { version: 'unknown' };
  },
};

contextBridge.exposeInMainWorld('neurite', neurite);

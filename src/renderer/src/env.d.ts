/// <reference types="vite/client" />
import type { IpcBridge } from './api/ipc-client';

declare global {
  /**
   * What the preload (src/preload/index.ts) exposes as `window.neurite`. Declared here rather
   * than imported, because the renderer may not import from the preload. Absent when the page
   * runs in a plain browser (browser mode, tests, screenshots). The API's part (invoke, on) is
   * declared beside its client, in api/ipc-client.ts.
   */
  type NeuriteBridge = IpcBridge & {
    appInfo(): Promise<{ readonly version: string }>;
  };

  interface Window {
    readonly neurite?: NeuriteBridge;
  }
}

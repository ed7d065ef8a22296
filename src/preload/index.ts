/**
 * The only bridge between the sandboxed page and main. It exposes named functions, never
 * `ipcRenderer` itself, so the page can ask for exactly these things and nothing else.
 * The renderer declares the same shape in src/renderer/src/env.d.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';

/** Kept in step with APP_INFO_CHANNEL in src/main/app/app-info.ts until the API contract. */
const APP_INFO_CHANNEL = 'neurite:app-info';

interface AppInfo {
  readonly version: string;
}

const neurite = {
  appInfo: (): Promise<AppInfo> => ipcRenderer.invoke(APP_INFO_CHANNEL) as Promise<AppInfo>,
};

contextBridge.exposeInMainWorld('neurite', neurite);

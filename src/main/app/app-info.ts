import { app, ipcMain } from 'electron';
import { isTrustedSender } from './trusted-sender';

/**
 * The one IPC call the preload needs until the API contract arrives. The channel name is
 * repeated in src/preload/index.ts; both move into src/shared with that contract.
 */
export const APP_INFO_CHANNEL = 'neurite:app-info';

export interface AppInfo {
  readonly version: string;
}

export function registerAppInfoHandler(): void {
  ipcMain.handle(APP_INFO_CHANNEL, (event): AppInfo => {
    if (!isTrustedSender(event.senderFrame)) {
      throw new Error('Refused: this request did not come from the Neurite window.');
    }
    return { version: app.getVersion() };
  });
}

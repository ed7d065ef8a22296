import { BrowserWindow, ipcMain } from 'electron';
import { MAX_MESSAGE_BYTES } from '../../shared/api/contract';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/ipc-channels';
import type { ApiService } from '../services/api-service';
import { isTrustedSender } from './trusted-sender';

/**
 * Carries the API contract over Electron IPC: calls from our own page go to the service (which
 * validates them), and the service's events go to every window.
 */
export function registerIpcTransport(service: ApiService): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return {
        ok: false,
        error: {
          code: 'invalid-input',
          message: 'Refused: this request did not come from the Neurite window.',
        },
      };
    }
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'invalid-input', message: 'A call needs a name.' } };
    }
    if (approximateSize(input) > MAX_MESSAGE_BYTES) {
      return {
        ok: false,
        error: { code: 'too-large', message: 'This request is too large to send.' },
      };
    }
    return service.handle(name, input);
  });
  const stopEvents = service.onEvent((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      window.webContents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    stopEvents();
  };
}

/** Size of the structured-clone payload, estimated through JSON (strings dominate). */
function approximateSize(value: unknown): number {
  try {
    return JSON.stringify(value ?? null).length;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

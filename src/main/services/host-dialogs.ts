import type { ApiOutput, ApiParsedInput } from '../../shared/api/contract';

/**
 * The system dialogs of the desktop app, passed to the API service by the app (as the worker
 * launcher is), so the service answers every call itself and needs no Electron. Browser mode
 * has none: there the page uploads and downloads instead.
 */
export interface HostDialogs {
  /** The Save dialog, then the file; `saved: false` when cancelled. */
  saveFile(input: ApiParsedInput<'host.saveFile'>): Promise<ApiOutput<'host.saveFile'>>;
  /** The Open dialog for a data file; `path: null` when cancelled. */
  openFile(input: ApiParsedInput<'host.openFile'>): Promise<ApiOutput<'host.openFile'>>;
  /** The dialog for an image folder; `path: null` when cancelled. */
  openFolder(): Promise<ApiOutput<'host.openFolder'>>;
}

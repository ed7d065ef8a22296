import { BrowserWindow, dialog } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { API_CALLS } from '../../shared/api/contract';
import type { ApiResult } from '../services/api-service';

const FILTERS: Record<'csv' | 'idx', OpenDialogOptions['filters']> = {
  csv: [
    { name: 'Tables (CSV, TSV)', extensions: ['csv', 'tsv', 'txt'] },
    { name: 'All files', extensions: ['*'] },
  ],
  // IDX files usually have no extension (train-images-idx3-ubyte) or end in .gz.
  idx: [{ name: 'All files', extensions: ['*'] }],
};

const TITLES: Record<'csv' | 'idx', string> = {
  csv: 'Choose a CSV file',
  idx: 'Choose an IDX file',
};

async function showOpenDialog(options: OpenDialogOptions): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const choice = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return choice.canceled ? null : (choice.filePaths[0] ?? null);
}

/**
 * 'host.openFile' in the desktop app: the system's Open dialog for a data file. Browser mode
 * has no such host; there the service answers 'unsupported' and the page uploads instead.
 */
export async function openFileWithDialog(input: unknown): Promise<ApiResult> {
  const parsed = API_CALLS['host.openFile'].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: 'Say which kind of file to open.' },
    };
  }
  const { kind } = parsed.data;
  const path = await showOpenDialog({
    title: TITLES[kind],
    properties: ['openFile'],
    filters: FILTERS[kind],
  });
  return { ok: true, output: { path } };
}

/** 'host.openFolder' in the desktop app: the system's dialog for an image folder. */
export async function openFolderWithDialog(): Promise<ApiResult> {
  const path = await showOpenDialog({
    title: 'Choose an image folder (one subfolder per class)',
    properties: ['openDirectory'],
  });
  return { ok: true, output: { path } };
}

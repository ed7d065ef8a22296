import { BrowserWindow, dialog } from 'electron';
import type { OpenDialogOptions } from 'electron';
import type { HostDialogs } from '../services/host-dialogs';

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

/** The system's Open dialog for a data file. */
export const openFileWithDialog: HostDialogs['openFile'] = async ({ kind }) => ({
  path: await showOpenDialog({
    title: TITLES[kind],
    properties: ['openFile'],
    filters: FILTERS[kind],
  }),
});

/** The system's dialog for an image folder. */
export const openFolderWithDialog: HostDialogs['openFolder'] = async () => ({
  path: await showOpenDialog({
    title: 'Choose an image folder (one subfolder per class)',
    properties: ['openDirectory'],
  }),
});

import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import type { HostDialogs } from '../services/host-dialogs';
import { ServiceError } from '../services/service-error';

/** The system's Save dialog, then the file (the service has checked the input). */
export const saveFileWithDialog: HostDialogs['saveFile'] = async ({ fileName, base64 }) => {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options = {
    title: 'Save',
    defaultPath: fileName,
    filters: [
      {
        name: 'Neurite projects',
        extensions: [fileName.endsWith('.neurite') ? 'neurite' : 'json'],
      },
    ],
  };
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  try {
    await writeFile(choice.filePath, Buffer.from(base64, 'base64'));
    return { saved: true, path: choice.filePath };
  } catch (error) {
    throw new ServiceError(
      'storage',
      `The file could not be saved to ${choice.filePath}: ${(error as Error).message}`,
    );
  }
};

import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import { API_CALLS } from '../../shared/api/contract';
import type { ApiResult } from '../services/api-service';

/**
 * 'host.saveFile' in the desktop app: the system's Save dialog, then the file. Browser mode
 * has no such host; there the service answers 'unsupported' and the page downloads instead.
 */
export async function saveFileWithDialog(input: unknown): Promise<ApiResult> {
  const parsed = API_CALLS['host.saveFile'].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: 'The file to save is not valid.' },
    };
  }
  const { fileName, base64 } = parsed.data;
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
  if (choice.canceled || !choice.filePath)
    return { ok: true, output: { saved: false, path: null } };
  try {
    await writeFile(choice.filePath, Buffer.from(base64, 'base64'));
    return { ok: true, output: { saved: true, path: choice.filePath } };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'storage',
        message: `The file could not be saved to ${choice.filePath}: ${(error as Error).message}`,
      },
    };
  }
}

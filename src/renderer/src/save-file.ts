import type { ApiClient } from '../../shared/api/client';
import { ApiCallError } from '../../shared/api/client';

export interface FileToSave {
  readonly fileName: string;
  readonly base64: string;
}

/**
 * Saves a file the way the host does it: the desktop app asks where with its Save dialog; a
 * browser downloads it. Resolves to a sentence for the status line, or undefined when the user
 * cancelled the dialog.
 */
export async function saveFileForUser(
  client: ApiClient,
  file: FileToSave,
): Promise<string | undefined> {
  try {
    const result = await client.call('host.saveFile', file);
    return result.saved ? `Saved ${result.path ?? file.fileName}.` : undefined;
  } catch (error) {
    if (!(error instanceof ApiCallError) || error.error.code !== 'unsupported') throw error;
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The download has started once click() returns; the URL is no longer needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${file.fileName}.`;
}

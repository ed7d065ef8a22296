import type { ApiClient } from '../../../../shared/api/client';
import { baseName, type ChosenFile } from '../model/import-forms';

/** Desktop: the system's Open dialog for a file of `kind` or a folder; null when cancelled. */
export async function chooseOnDesktop(
  client: ApiClient,
  kind: 'csv' | 'idx' | 'folder',
): Promise<ChosenFile | null> {
  const { path } =
    kind === 'folder'
      ? await client.call('host.openFolder', {})
      : await client.call('host.openFile', { kind });
  return path === null ? null : { path, name: baseName(path) };
}

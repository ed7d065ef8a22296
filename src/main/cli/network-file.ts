import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectSettings } from '../../shared/api/project-settings';
import { readProjectSettings } from '../../shared/api/project-settings';
import { PROJECT_FILE_FORMAT } from '../services/store/project-file-format';
import { readProjectFile } from '../services/store/read-project-file';
import { StoreError } from '../services/store/store-error';

/** The project a network came from, when the file is one the app exported. */
export interface ProjectOfFile {
  readonly name: string;
  /** Its data set, training form and backend, read leniently as the app reads them. */
  readonly settings: ProjectSettings;
  /** Saved settings that no longer read, as sentences. */
  readonly dropped: readonly string[];
}

/** What a command that takes `<network>` reads: a network file, or a project file's network. */
export interface NetworkFile {
  /** The network as JSON text (a project's is already checked and migrated). */
  readonly text: string;
  readonly project?: ProjectOfFile;
}

/**
 * A file that could not be read as a network or a project. `issues` say where a project
 * file's content is wrong (its network, say), for a command to list them.
 */
export class NetworkFileError extends Error {
  override readonly name = 'NetworkFileError';
  constructor(
    message: string,
    readonly issues: readonly { readonly path: string; readonly message: string }[] = [],
    readonly unreadable = false,
  ) {
    super(message);
  }
}

/**
 * Reads `<network>` for inspect and train: a network file (.json), or a project file the app
 * exports, in either form (.neurite.json, or the .neurite zip with runs), whose latest network
 * and settings are used. A teacher can so check a class's exported projects in bulk.
 */
export async function readNetworkFile(file: string): Promise<NetworkFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new NetworkFileError(`Cannot read "${file}": ${reason}.`, [], true);
  }
  if (!isProjectFile(bytes)) return { text: bytes.toString('utf8') };
  try {
    const project = readProjectFile(path.basename(file), bytes);
    const { settings, dropped } = readProjectSettings(
      JSON.parse(project.settingsJson) as Record<string, unknown>,
    );
    return { text: project.graph.json, project: { name: project.name, settings, dropped } };
  } catch (error) {
    if (error instanceof StoreError) {
      throw new NetworkFileError(error.message, error.issues ?? [], error.code !== 'invalid-input');
    }
    throw error;
  }
}

/** A zip (the .neurite form) or JSON whose "format" says it is a project file. */
function isProjectFile(bytes: Uint8Array): boolean {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return true;
  // A plain network never holds the project marker, so it is not parsed twice.
  const text = Buffer.from(bytes).toString('utf8');
  if (!text.includes(`"${PROJECT_FILE_FORMAT}"`)) return false;
  try {
    const value = JSON.parse(text) as unknown;
    return (
      value !== null &&
      typeof value === 'object' &&
      (value as Record<string, unknown>)['format'] === PROJECT_FILE_FORMAT
    );
  } catch {
    return false;
  }
}

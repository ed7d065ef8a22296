import { readFile, stat } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { datasetError } from '../errors';

const gunzipAsync = promisify(gunzip);

/** Gzip streams start with these two bytes, whatever the file is called. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

/**
 * Reads a data file the user named, unpacking it when it is gzipped, and turns file-system
 * failures into messages that say which path and what to do.
 */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileProblem(path, error);
  }
  if (!isGzip(bytes)) return bytes;
  try {
    return await gunzipAsync(bytes);
  } catch (error) {
    throw datasetError(
      'unreadable-file',
      `${path} looks like a gzip file but could not be unpacked (${(error as Error).message}). The download may be incomplete: get the file again.`,
    );
  }
}

/** Reads a text file (UTF-8, a byte-order mark removed). */
export async function readSourceText(path: string): Promise<string> {
  const text = Buffer.from(await readSourceFile(path)).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Checks that a folder exists before it is listed. */
export async function requireFolder(path: string): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    throw fileProblem(path, error, 'folder');
  }
  if (!isFolder) {
    throw datasetError(
      'not-a-folder',
      `${path} is a file, not a folder. Pick the folder that holds one subfolder per class.`,
    );
  }
}

function fileProblem(path: string, error: unknown, kind: 'file' | 'folder' = 'file') {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return datasetError(
        'file-not-found',
        `There is no ${kind} at ${path}. Check the path, or pick the ${kind} again.`,
      );
    case 'EISDIR':
      return datasetError('not-a-file', `${path} is a folder, not a file. Pick a file inside it.`);
    case 'EACCES':
    case 'EPERM':
      return datasetError(
        'unreadable-file',
        `Neurite is not allowed to read ${path}. Change the ${kind}'s permissions, or copy it somewhere you own.`,
      );
    default:
      return datasetError(
        'unreadable-file',
        `${path} could not be read (${(error as Error).message}).`,
      );
  }
}

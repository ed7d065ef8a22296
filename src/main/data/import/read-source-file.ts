import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { datasetError } from '../errors';
import { DatasetError } from '../types';

const gunzipAsync = promisify(gunzip);

/**
 * The largest data file Neurite reads, and the most a gzipped one may unpack to: twice MNIST's
 * 60,000 training images, more than a laptop trains on in a lesson. Reading is bounded so that
 * a device that never ends (/dev/zero) or a small gzip that unpacks to gigabytes cannot fill
 * the memory of the process that reads it (read as numbers, a file takes about four times its
 * size).
 */
export const MAX_DATA_FILE_BYTES = 96 * 1024 * 1024;
const MB = 1024 * 1024;

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
 * failures into messages that say which path and what to do. Only a regular file is read (a
 * pipe would block the reading thread until something writes to it; a device may never end),
 * and at most MAX_DATA_FILE_BYTES of it, packed or unpacked.
 */
export async function readSourceFile(path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path);
  } catch (error) {
    throw isDatasetError(error) ? error : fileProblem(path, error);
  }
  if (!isGzip(bytes)) return bytes;
  try {
    return await gunzipAsync(bytes, { maxOutputLength: MAX_DATA_FILE_BYTES });
  } catch (error) {
    if (errorCode(error) === 'ERR_BUFFER_TOO_LARGE') {
      throw datasetError(
        'too-large',
        `${path} unpacks to more than ${MAX_DATA_FILE_BYTES / MB} MB, more than Neurite reads. Use a part of the data set (fewer examples).`,
      );
    }
    throw datasetError(
      'unreadable-file',
      `${path} looks like a gzip file but could not be unpacked (${(error as Error).message}). The download may be incomplete: get the file again.`,
    );
  }
}

/** The file's bytes: checked to be a regular file of a readable size before they are read. */
async function readRegularFile(path: string): Promise<Uint8Array> {
  refuseUnusual(path, await stat(path));
  // O_NONBLOCK: should the path become a pipe after the check, opening it still returns at once.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    refuseUnusual(path, info);
    // One byte more than the size: a file that grows while it is read is caught, not followed.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_DATA_FILE_BYTES) throw tooLarge(path);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function refuseUnusual(path: string, info: Awaited<ReturnType<typeof stat>>): void {
  if (info.isDirectory()) {
    throw datasetError('not-a-file', `${path} is a folder, not a file. Pick a file inside it.`);
  }
  if (!info.isFile()) {
    throw datasetError(
      'not-a-file',
      `${path} is not a file but a device or a pipe of the system, which Neurite does not read. Pick a data file (CSV or IDX).`,
    );
  }
  if (info.size > MAX_DATA_FILE_BYTES) throw tooLarge(path);
}

function tooLarge(path: string) {
  return datasetError(
    'too-large',
    `${path} is larger than ${MAX_DATA_FILE_BYTES / MB} MB, more than Neurite reads. Use a part of the data set (fewer rows or examples).`,
  );
}

function isDatasetError(error: unknown): boolean {
  return error instanceof DatasetError;
}

/** Reads a text file (UTF-8, a byte-order mark removed). */
export async function readSourceText(path: string): Promise<string> {
  const bytes = await readSourceFile(path);
  const encoding = textEncodingOf(bytes);
  if (encoding === undefined) {
    throw datasetError(
      'unreadable-file',
      `${path} does not hold text. Save it as CSV (comma-separated values) from your spreadsheet and use that.`,
    );
  }
  // Spreadsheets on Windows save "Unicode text" as UTF-16: read as such, not as UTF-8, which
  // would see a NUL between every two letters.
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text encoding of a file's bytes: UTF-16 by its byte-order mark or by the NUL bytes that
 * every other byte of English UTF-16 text is; undefined for binary data; else UTF-8.
 */
export function textEncodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 4096);
  let evenNuls = 0;
  let oddNuls = 0;
  head.forEach((byte, index) => {
    if (byte !== 0) return;
    if (index % 2 === 0) evenNuls += 1;
    else oddNuls += 1;
  });
  const half = head.length / 2;
  if (oddNuls > half * 0.6 && evenNuls === 0) return 'utf-16le';
  if (evenNuls > half * 0.6 && oddNuls === 0) return 'utf-16be';
  return evenNuls + oddNuls > 0 ? undefined : 'utf-8';
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

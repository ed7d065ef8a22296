import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { ImportKind } from '../../../shared/data/dataset-preview';
import { MAX_UPLOAD_BYTES } from '../../../shared/data/dataset-preview';
import { writeProblemInWords } from '../../data/write-problem';
import { ServiceError } from '../service-error';

/** An image folder unpacked from a zip may hold this much, and this many files, at most. */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 50_000;

const ACCEPTED =
  'Neurite imports a CSV table (.csv, .tsv or .txt), MNIST-style IDX files (such as train-images-idx3-ubyte, gzipped or not) and a .zip of an image folder with one subfolder per class.';

const IMAGE_FILE = /\.(png|jpe?g)$/i;

const MB = 1024 * 1024;

/**
 * Stores a file uploaded from a browser in `<dataDir>/uploads/<uuid>/` and says what kind of
 * data set it is. Only the kinds the import reads are kept; anything else is refused, with
 * the file's name and what Neurite accepts, before anything is written.
 */
export async function storeUpload(
  dataDir: string,
  fileName: string,
  base64: string,
): Promise<{ path: string; kind: ImportKind }> {
  const name = safeFileName(fileName);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid(`"${name}" is empty. ${ACCEPTED}`);
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new ServiceError(
      'too-large',
      `"${name}" is ${Math.ceil(bytes.length / MB)} MB; a data set uploaded in the browser may be at most ${MAX_UPLOAD_BYTES / MB} MB. Use a smaller file, or the desktop app, which reads files where they are.`,
    );
  }
  const kind = await kindOf(name, bytes);
  const folder = path.join(dataDir, 'uploads', randomUUID());
  try {
    // The last level on its own: a recursive mkdir reports a read-only disk as ENOENT.
    await mkdir(path.dirname(folder), { recursive: true });
    await mkdir(folder);
    if (kind === 'images') {
      const root = path.join(folder, name.replace(/\.zip$/i, '') || 'images');
      return { path: await unpackImageFolder(name, bytes, root), kind };
    }
    const target = path.join(folder, name);
    await writeFile(target, bytes);
    return { path: target, kind };
  } catch (error) {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof ServiceError ? error : writeFailure(name, error);
  }
}

/**
 * A file-system failure while keeping an upload, as a sentence: the disk (full, read-only, not
 * allowed) is a 'storage' problem like any other call's; a name or an archive the disk cannot
 * hold is the file's.
 */
function writeFailure(name: string, error: unknown): ServiceError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = writeProblemInWords(error);
  if (['ENAMETOOLONG', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(code)) {
    return invalid(
      `"${name}" could not be unpacked: ${reason}. Rename the files in it with shorter, distinct names and upload it again.`,
    );
  }
  const what =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some disk space and upload it again.'
      : 'Check that Neurite may write to its data folder, then upload it again.';
  return new ServiceError(
    'storage',
    `"${name}" could not be kept in Neurite's data folder: ${reason}. ${what}`,
  );
}

function invalid(message: string): ServiceError {
  return new ServiceError('invalid-input', message);
}

/**
 * The name without any folder part, without characters file systems refuse, and short enough
 * for every disk (255 bytes: 90 Japanese characters already pass it). A longer name keeps its
 * beginning and its extension, so the student still recognises it.
 */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') {
    throw invalid(`"${fileName}" is not a usable file name. Rename the file and upload it again.`);
  }
  return shortenedName(cleaned);
}

/** Most bytes of a stored file name: under the 255 of common file systems, with room to spare. */
const MAX_NAME_BYTES = 200;

function shortenedName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const extension = /(\.[A-Za-z0-9-]{1,12}){1,2}$/.exec(name)?.[0] ?? '';
  const room = MAX_NAME_BYTES - Buffer.byteLength(extension) - Buffer.byteLength('…');
  let start = '';
  for (const character of name.slice(0, name.length - extension.length)) {
    if (Buffer.byteLength(start + character) > room) break;
    start += character;
  }
  return `${start}…${extension}`;
}

/** What an uploaded file is, by its name and checked against its first bytes. */
export async function kindOf(name: string, bytes: Uint8Array): Promise<ImportKind> {
  const lower = name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) {
    if (!looksLikeText(bytes)) {
      throw invalid(
        `"${name}" is named like a table but does not hold text. Save it as CSV (comma-separated values) from your spreadsheet and upload that.`,
      );
    }
    return 'csv';
  }
  if (lower.endsWith('.zip')) {
    if (!isZip(bytes)) throw invalid(`"${name}" is named .zip but is not a zip archive.`);
    return 'images';
  }
  if (lower.endsWith('.gz') || lower.endsWith('.idx') || /ubyte$/.test(lower)) {
    if (!(await isIdx(bytes, name))) {
      throw invalid(
        `"${name}" is not an IDX file: it does not start the way MNIST-style files do. ${ACCEPTED}`,
      );
    }
    return 'idx';
  }
  throw invalid(`"${name}" is not a kind of file Neurite can import. ${ACCEPTED}`);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastWholeCharacter(head)));
    return true;
  } catch {
    return false;
  }
}

/** Where the last UTF-8 character that ends inside `head` ends, so a cut one is not an error. */
function lastWholeCharacter(head: Uint8Array): number {
  const end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = head[end - back] as number;
    if ((byte & 0xc0) === 0xc0) return end - back;
    if ((byte & 0x80) === 0) break;
  }
  return end;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** IDX starts with two zero bytes, the type 0x08 (unsigned bytes) and 1–4 dimensions. */
async function isIdx(bytes: Uint8Array, name: string): Promise<boolean> {
  let head = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      head = await gunzipHead(bytes);
    } catch {
      throw invalid(`"${name}" is a gzip file that cannot be unpacked; it may be cut short.`);
    }
  }
  const dims = head[3] ?? 0;
  return head[0] === 0 && head[1] === 0 && head[2] === 0x08 && dims >= 1 && dims <= 4;
}

/** The first unpacked bytes of a gzip stream, without unpacking all of it. */
function gunzipHead(bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    gunzip.once('data', (chunk: Buffer) => {
      resolve(chunk);
      gunzip.destroy();
    });
    gunzip.once('error', reject);
    gunzip.once('end', () => resolve(new Uint8Array(0)));
    gunzip.end(bytes);
  });
}

/**
 * Unpacks a zipped image folder under `root`, refusing paths that climb out of it, archives
 * that would unpack to more than MAX_UNZIPPED_BYTES (declared sizes bound what is inflated)
 * and archives without images. Returns the folder holding the class folders: the archive's
 * own top folder when everything sits inside one.
 */
async function unpackImageFolder(name: string, bytes: Uint8Array, root: string): Promise<string> {
  let declared = 0;
  let count = 0;
  const tooLarge = () =>
    new ServiceError(
      'too-large',
      `"${name}" unpacks to more than ${MAX_UNZIPPED_BYTES / MB} MB or ${MAX_ZIP_ENTRIES} files; Neurite does not import image folders that large. Use fewer or smaller images.`,
    );
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (entry) => {
        if (entry.name.endsWith('/') || isSystemEntry(entry.name)) return false;
        count += 1;
        declared += entry.originalSize;
        if (declared > MAX_UNZIPPED_BYTES || count > MAX_ZIP_ENTRIES) throw tooLarge();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw invalid(
      `"${name}" looks like a zip archive but cannot be unpacked (${(error as Error).message}); it may be damaged or cut short.`,
    );
  }
  const files = Object.entries(entries);
  const images = files.filter(([entry]) => IMAGE_FILE.test(entry));
  if (images.length === 0) {
    throw invalid(
      `"${name}" holds no PNG or JPEG images. Zip a folder with one subfolder per class (for example cats/ and dogs/), each holding that class's images.`,
    );
  }
  refuseFileAndFolderOfOneName(
    name,
    files.map(([entry]) => entry),
  );
  const rootPath = path.resolve(root);
  const targets = files.map(([entry, content]) => {
    const target = path.resolve(rootPath, entry);
    if (path.isAbsolute(entry) || !target.startsWith(rootPath + path.sep)) {
      throw invalid(
        `"${name}" contains "${entry}", a path outside the folder it unpacks to; Neurite does not unpack such archives.`,
      );
    }
    return { target, content };
  });
  // Every path is checked before the first file is written.
  for (const { target, content } of targets) {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const tops = new Set(images.map(([entry]) => entry.split('/')[0]));
  const single = [...tops][0];
  // class/img.png at the top: the archive is the image folder itself; top/class/img.png: it
  // holds the image folder.
  const nested = tops.size === 1 && images.every(([entry]) => entry.split('/').length >= 3);
  return nested && single ? path.join(rootPath, single) : rootPath;
}

/** Folders and files that zip tools add by themselves (macOS resource forks, Explorer). */
function isSystemEntry(entry: string): boolean {
  return (
    entry.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(entry)
  );
}

/** An archive holding both "a/x.png" and "a/x.png/y.png" cannot be unpacked on any disk. */
function refuseFileAndFolderOfOneName(name: string, entries: readonly string[]): void {
  const files = new Set(entries);
  for (const entry of entries) {
    const parts = entry.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) {
      const folder = parts.slice(0, depth).join('/');
      if (files.has(folder)) {
        throw invalid(
          `"${name}" holds both a file "${folder}" and a folder of that name (with "${entry}" in it), which no disk can hold. Rename one of them and zip the folder again.`,
        );
      }
    }
  }
}

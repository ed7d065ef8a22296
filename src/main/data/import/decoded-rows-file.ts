import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import {
  closeSync,
  openSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { formatBytes } from '../../../shared/inference/memory';
import { datasetError } from '../errors';
import type { FeatureRows } from '../types';

/** Bumped whenever the layout of a decoded copy changes, so older copies are decoded anew. */
const FORMAT_VERSION = 1;
/** Images decoded before their rows are written out together: bounds the memory of decoding. */
const ROWS_PER_WRITE = 256;
/** Free disk space left over after a decoded copy is written, so the computer can go on. */
const DISK_MARGIN_BYTES = 256 * 1024 ** 2;

export interface ImageFile {
  readonly path: string;
  readonly label: number;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/** Decodes one image into `out` from value `offset` on; returns why it was skipped, if it was. */
export type DecodeInto = (
  path: string,
  out: Float32Array,
  offset: number,
) => Promise<string | undefined>;

export interface DecodedRows {
  readonly rows: FeatureRows;
  /** The label of each image that was decoded, in row order. */
  readonly labels: Int32Array;
  readonly skipped: readonly SkippedFile[];
  /** True when an earlier copy was still up to date and nothing was decoded. */
  readonly reused: boolean;
}

interface CopyDescription {
  readonly version: number;
  readonly rowSize: number;
  readonly labels: number[];
  readonly skipped: SkippedFile[];
}

/** Where decoded copies are kept: the computer's temporary folder, which it may clear. */
export function decodedCopiesFolder(): string {
  return join(tmpdir(), 'neurite-decoded-images');
}

/**
 * The images of a folder decoded once into a file of float32 rows (one fixed-size row per
 * image, exactly the values the in-memory form holds), so a folder too large for memory is
 * read from disk one batch at a time. The copy is reused while every file keeps its name, size
 * and modification time and the settings (`settings`: size and colour) stay the same.
 */
export async function decodedRowsFile(input: {
  readonly root: string;
  readonly settings: string;
  readonly files: readonly ImageFile[];
  readonly rowSize: number;
  readonly decodeInto: DecodeInto;
}): Promise<DecodedRows> {
  const { root, settings, files, rowSize } = input;
  const folder = decodedCopiesFolder();
  mkdirSync(folder, { recursive: true });
  const fingerprint = createHash('sha256');
  fingerprint.update(`${FORMAT_VERSION}\n${root}\n${settings}\n${rowSize}\n`);
  for (const file of files) {
    let info: Stats | undefined;
    try {
      info = await stat(file.path);
    } catch {
      info = undefined;
    }
    fingerprint.update(
      `${relative(root, file.path)}\t${file.label}\t${info?.size ?? -1}\t${info?.mtimeMs ?? -1}\n`,
    );
  }
  const family = createHash('sha256').update(`${root}\n${settings}`).digest('hex').slice(0, 16);
  const name = `${family}-${fingerprint.digest('hex').slice(0, 16)}`;
  const rowsPath = join(folder, `${name}.rows`);
  const descriptionPath = join(folder, `${name}.json`);

  const earlier = readDescription(descriptionPath, rowsPath, rowSize);
  if (earlier) {
    return {
      rows: new RowsFile(rowsPath, rowSize, earlier.labels.length, root),
      labels: Int32Array.from(earlier.labels),
      skipped: earlier.skipped,
      reused: true,
    };
  }

  requireDiskSpace(folder, root, files.length * rowSize * 4);
  const written = await writeRows(rowsPath, files, rowSize, input.decodeInto, root);
  const description: CopyDescription = {
    version: FORMAT_VERSION,
    rowSize,
    labels: written.labels,
    skipped: written.skipped,
  };
  // The description is written last: a copy without one was cut short and is never read.
  const partial = `${descriptionPath}.${process.pid}.part`;
  writeFileSync(partial, JSON.stringify(description));
  renameSync(partial, descriptionPath);
  removeOlderCopies(folder, family, name);
  return {
    rows: new RowsFile(rowsPath, rowSize, written.labels.length, root),
    labels: Int32Array.from(written.labels),
    skipped: written.skipped,
    reused: false,
  };
}

function readDescription(
  descriptionPath: string,
  rowsPath: string,
  rowSize: number,
): CopyDescription | undefined {
  try {
    const description = JSON.parse(readFileSync(descriptionPath, 'utf8')) as CopyDescription;
    const complete =
      description.version === FORMAT_VERSION &&
      description.rowSize === rowSize &&
      statSync(rowsPath).size === description.labels.length * rowSize * 4;
    return complete ? description : undefined;
  } catch {
    return undefined;
  }
}

function requireDiskSpace(folder: string, root: string, bytes: number): void {
  const disk = statfsSync(folder);
  const free = disk.bavail * disk.bsize;
  if (bytes + DISK_MARGIN_BYTES > free) {
    throw datasetError(
      'too-large',
      `The images of ${root} are too many to hold in memory, so Neurite decodes them once to disk, into ${folder}; that needs ${formatBytes(bytes)} of free disk space, and only ${formatBytes(free)} is free. Free some disk space, or choose a smaller image size or grayscale.`,
    );
  }
}

async function writeRows(
  rowsPath: string,
  files: readonly ImageFile[],
  rowSize: number,
  decodeInto: DecodeInto,
  root: string,
): Promise<{ labels: number[]; skipped: SkippedFile[] }> {
  const partial = `${rowsPath}.${process.pid}.part`;
  const chunk = new Float32Array(ROWS_PER_WRITE * rowSize);
  const chunkBytes = new Uint8Array(chunk.buffer);
  const labels: number[] = [];
  const skipped: SkippedFile[] = [];
  const fd = openSync(partial, 'w');
  try {
    let inChunk = 0;
    const flush = () => {
      const length = inChunk * rowSize * 4;
      let done = 0;
      while (done < length) done += writeSync(fd, chunkBytes, done, length - done);
      inChunk = 0;
    };
    for (const file of files) {
      const problem = await decodeInto(file.path, chunk, inChunk * rowSize);
      if (problem) {
        skipped.push({ path: relative(root, file.path), reason: problem });
        continue;
      }
      labels.push(file.label);
      inChunk += 1;
      if (inChunk === ROWS_PER_WRITE) flush();
    }
    flush();
  } catch (error) {
    closeSync(fd);
    unlinkSync(partial);
    throw error;
  }
  closeSync(fd);
  renameSync(partial, rowsPath);
  return { labels, skipped };
}

/** Copies of the same folder with the same settings whose files have changed since. */
function removeOlderCopies(folder: string, family: string, current: string): void {
  for (const entry of readdirSync(folder)) {
    if (!entry.startsWith(`${family}-`) || entry.startsWith(current)) continue;
    try {
      unlinkSync(join(folder, entry));
    } catch {
      // Another Neurite may be reading or replacing it; it is removed next time.
    }
  }
}

/**
 * Rows read with one positioned read each, straight into the batch: memory holds the batch,
 * never the file. The file is opened for each batch, so one that is removed or cut short
 * while training is named in a clear message rather than read as zeros.
 */
class RowsFile implements FeatureRows {
  constructor(
    readonly file: string,
    readonly rowSize: number,
    private readonly count: number,
    private readonly root: string,
  ) {}

  read(rows: ArrayLike<number>, out: Float32Array, outOffset = 0): void {
    const rowBytes = this.rowSize * 4;
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw this.unreadable(
        code === 'ENOENT' ? 'that file is no longer there' : `that file cannot be opened (${code})`,
      );
    }
    try {
      for (let i = 0; i < rows.length; i += 1) {
        const row = rows[i]!;
        if (row < 0 || row >= this.count) {
          throw new RangeError(`Row ${row} is outside the ${this.count} decoded images.`);
        }
        const at = (outOffset + i * this.rowSize) * 4;
        let done = 0;
        while (done < rowBytes) {
          const read = readSync(fd, bytes, at + done, rowBytes - done, row * rowBytes + done);
          if (read === 0) {
            throw this.unreadable(`it ends before image ${row + 1} of ${this.count}`);
          }
          done += read;
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  private unreadable(why: string): Error {
    return datasetError(
      'decoded-copy-unreadable',
      `The images of ${this.root} are read from the copy Neurite decoded to disk, ${this.file}, but ${why}. Train again: Neurite then decodes the images anew.`,
    );
  }
}

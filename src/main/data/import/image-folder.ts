import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { MAX_IMAGE_FILE_BYTES } from '../../../shared/inside/inside-schemas';
import { basename, join, relative } from 'node:path';
import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { datasetError } from '../errors';
import { formatBytes } from '../../../shared/inference/memory';
import type { ExampleTable, FeatureRows, LoadedDataset } from '../types';
import { decodedRowsFile } from './decoded-rows-file';
import { nounFor } from '../wording';
import { decodeImage, ImageTooLargeError, imageFormat, toChannels } from './decode-image';
import { requireFolder } from './read-source-file';
import { resizeBilinear } from './resize-image';

export type ImageFolderDatasetSpec = Extract<DatasetSpec, { source: 'images' }>;

/** Beyond this many values (1 GiB of float32) an image set is too big to hold in memory. */
const MAX_VALUES = 2 ** 28;
/**
 * Decoded images up to this size are held in memory; a folder whose images take more is
 * decoded once to disk and read from there one batch at a time, so training a folder of any
 * size needs about the memory of a batch. 256 MB keeps a student's laptop responsive while
 * folders of up to about 85,000 28 × 28 grayscale images (21,000 in 32 × 32 colour) stay in
 * memory, where they are read fastest.
 */
const DEFAULT_IN_MEMORY_BYTES = 256 * 1024 ** 2;
/** Beyond this many values (64 GiB of float32), even a copy on disk is not worth making. */
const MAX_VALUES_ON_DISK = 2 ** 34;
/** Files a computer puts in folders by itself: not worth a note. */
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

interface Skipped {
  readonly path: string;
  readonly reason: string;
}

/**
 * A folder with one subfolder per class (cats/, dogs/, …) of PNG and JPEG files. Every image
 * is resized to `size` ([height, width]) and made grayscale or RGB in [0, 1]; files that are
 * not images or cannot be read are skipped and listed in the notes.
 */
export async function loadImageFolder(spec: ImageFolderDatasetSpec): Promise<LoadedDataset> {
  const root = spec.path;
  await requireFolder(root);
  const entries = visible(await readdir(root, { withFileTypes: true }));
  const classFolders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const skipped: Skipped[] = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => ({ path: entry.name, reason: 'not inside a class folder' }));
  if (classFolders.length < 2) {
    throw datasetError(
      'too-few-classes',
      `${root} needs one subfolder per class, with that class's images inside (for example cats/ and dogs/), and at least 2 of them; it has ${classFolders.length === 0 ? 'none' : `only "${classFolders[0] ?? ''}"`}.`,
    );
  }

  const files: { path: string; label: number }[] = [];
  for (const [label, folder] of classFolders.entries()) {
    for (const path of await filesUnder(join(root, folder))) files.push({ path, label });
  }
  const [height, width] = spec.size;
  const channels = spec.color === 'rgb' ? 3 : 1;
  const size = height * width * channels;
  const decodedBytes = files.length * size * 4;
  const budget = inMemoryBudgetBytes();
  if (decodedBytes > budget && files.length * size <= MAX_VALUES_ON_DISK) {
    return loadOnDisk(spec, classFolders, files, skipped, { decodedBytes, budget });
  }
  if (files.length * size > MAX_VALUES) {
    throw datasetError(
      'too-large',
      `${root} holds ${files.length} files: at ${width} × ${height} ${spec.color === 'rgb' ? 'RGB' : 'grayscale'} that is more than Neurite can hold in memory. Choose a smaller image size or grayscale, or use fewer images.`,
    );
  }

  const x = new Float32Array(files.length * size);
  const labels: number[] = [];
  const perClass = new Array<number>(classFolders.length).fill(0);
  for (const file of files) {
    const shown = relative(root, file.path);
    const problem = await readImageInto(
      file.path,
      channels,
      height,
      width,
      x,
      labels.length * size,
    );
    if (problem) {
      skipped.push({ path: shown, reason: problem });
      continue;
    }
    labels.push(file.label);
    perClass[file.label] = (perClass[file.label] ?? 0) + 1;
  }

  const count = labels.length;
  return {
    info: folderInfo(spec, classFolders, perClass, count, skipped, []),
    examples: {
      count,
      x: count === files.length ? x : x.slice(0, count * size),
      y: Int32Array.from(labels),
    },
  };
}

/**
 * A folder whose decoded images are more than memory should hold: decoded once into a file
 * and read from there when a batch is gathered. Same rows, labels, notes and skipped files as
 * in memory, so training gives the same numbers.
 */
async function loadOnDisk(
  spec: ImageFolderDatasetSpec,
  classFolders: readonly string[],
  files: readonly { path: string; label: number }[],
  notInClass: readonly Skipped[],
  sizes: { readonly decodedBytes: number; readonly budget: number },
): Promise<LoadedDataset> {
  const [height, width] = spec.size;
  const channels = spec.color === 'rgb' ? 3 : 1;
  const decoded = await decodedRowsFile({
    root: spec.path,
    settings: `${height}x${width} ${spec.color}`,
    files,
    rowSize: height * width * channels,
    decodeInto: (path, out, offset) => readImageInto(path, channels, height, width, out, offset),
  });
  const perClass = new Array<number>(classFolders.length).fill(0);
  for (const label of decoded.labels) perClass[label] = (perClass[label] ?? 0) + 1;
  const count = decoded.labels.length;
  const note = `Decoded, these images take ${formatBytes(sizes.decodedBytes)}, more than Neurite holds in memory (${formatBytes(sizes.budget)}): they were decoded once into ${decoded.rows.file} and are read from there one batch at a time.`;
  const info = folderInfo(
    spec,
    classFolders,
    perClass,
    count,
    [...notInClass, ...decoded.skipped],
    [note],
  );
  return {
    info,
    examples: onDiskTable(count, decoded.labels, decoded.rows, spec.path),
  };
}

/** A table whose features stay in their file: `x` says so rather than reading as nothing. */
function onDiskTable(count: number, y: Int32Array, rows: FeatureRows, root: string): ExampleTable {
  return {
    count,
    y,
    onDisk: rows,
    get x(): Float32Array {
      throw datasetError(
        'too-large',
        `The images of ${root} are too many to hold in memory and are read from disk one batch at a time; this step needs them all in memory, which Neurite does not do for so large a folder.`,
      );
    },
  };
}

/** The description and notes of a loaded folder; refuses one with an empty class. */
function folderInfo(
  spec: ImageFolderDatasetSpec,
  classFolders: readonly string[],
  perClass: readonly number[],
  count: number,
  skipped: readonly Skipped[],
  extraNotes: readonly string[],
): DatasetInfo {
  const root = spec.path;
  const [height, width] = spec.size;
  const channels = spec.color === 'rgb' ? 3 : 1;
  const empty = classFolders.filter((_, label) => perClass[label] === 0);
  if (empty.length > 0) {
    throw datasetError(
      'too-few-images',
      `The class ${nounFor(empty.length, 'folder')} ${empty.map((name) => `"${name}"`).join(', ')} in ${root} ${empty.length === 1 ? 'has' : 'have'} no PNG or JPEG image Neurite could read. Every class needs at least one image${skipped.length > 0 ? ` (skipped: ${listSkipped(skipped)})` : ''}.`,
    );
  }

  const notes = [
    `${count} ${nounFor(count, 'image')} in ${classFolders.length} classes (${classFolders
      .map((name, label) => `${name}: ${perClass[label] ?? 0}`)
      .join(
        ', ',
      )}), resized to ${width} × ${height}${spec.color === 'rgb' ? ' in colour' : ' in grayscale'}, values 0…1.`,
  ];
  if (skipped.length > 0) {
    notes.push(
      `${skipped.length} ${nounFor(skipped.length, 'file was', 'files were')} skipped: ${listSkipped(skipped)}.`,
    );
  }
  notes.push(...extraNotes);
  return {
    title: basename(root),
    task: 'classification',
    featureShape: [height, width, channels],
    featureType: 'float32',
    classNames: [...classFolders],
    targetSize: 1,
    count,
    notes,
  };
}

/**
 * How many bytes of decoded images are held in memory before a folder is read from disk
 * instead. NEURITE_IMAGES_IN_MEMORY_MB changes it (0: always from disk), for a computer with
 * little memory, and for tests and benchmarks of the on-disk form.
 */
function inMemoryBudgetBytes(): number {
  const setting = process.env['NEURITE_IMAGES_IN_MEMORY_MB'];
  const megabytes = setting === undefined || setting.trim() === '' ? Number.NaN : Number(setting);
  return Number.isFinite(megabytes) && megabytes >= 0
    ? megabytes * 1024 ** 2
    : DEFAULT_IN_MEMORY_BYTES;
}

function visible(entries: Dirent[]): Dirent[] {
  return entries.filter(
    (entry) => !entry.name.startsWith('.') && !SYSTEM_FILES.has(entry.name.toLowerCase()),
  );
}

/** The files of a class folder and its subfolders, in name order. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = visible(await readdir(folder, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else files.push(path);
  }
  return files;
}

/** Decodes, converts and resizes one file into `x`; returns why it was skipped, if it was. */
async function readImageInto(
  path: string,
  channels: 1 | 3,
  height: number,
  width: number,
  x: Float32Array,
  offset: number,
): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    // Only a regular file of a picture's size is read: a link to a device or a pipe is not.
    const info = await stat(path);
    if (!info.isFile()) return 'not a file';
    if (info.size > MAX_IMAGE_FILE_BYTES) {
      return `larger than ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB, more than a picture needs`;
    }
    bytes = await readFile(path);
  } catch (error) {
    return `could not be opened (${(error as Error).message})`;
  }
  const format = imageFormat(bytes);
  if (!format) return 'not a PNG or JPEG image';
  try {
    const image = decodeImage(bytes, format);
    if (image.width < 1 || image.height < 1) return 'an empty image';
    resizeBilinear(
      toChannels(image, channels),
      image.height,
      image.width,
      channels,
      height,
      width,
      x,
      offset,
    );
    return undefined;
  } catch (error) {
    if (error instanceof ImageTooLargeError) return error.message;
    return `a damaged ${format === 'png' ? 'PNG' : 'JPEG'} file (${(error as Error).message})`;
  }
}

function listSkipped(skipped: readonly Skipped[]): string {
  const shown = skipped.slice(0, 20).map((file) => `${file.path} (${file.reason})`);
  if (skipped.length > 20) shown.push(`and ${skipped.length - 20} more`);
  return shown.join('; ');
}

import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { MAX_IMAGE_FILE_BYTES } from '../../../shared/inside/inside-schemas';
import { basename, join, relative } from 'node:path';
import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { datasetError } from '../errors';
import type { LoadedDataset } from '../types';
import { nounFor } from '../wording';
import { decodeImage, ImageTooLargeError, imageFormat, toChannels } from './decode-image';
import { requireFolder } from './read-source-file';
import { resizeBilinear } from './resize-image';

export type ImageFolderDatasetSpec = Extract<DatasetSpec, { source: 'images' }>;

/** Beyond this many values (1 GiB of float32) an image set is too big to hold in memory. */
const MAX_VALUES = 2 ** 28;
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

  const empty = classFolders.filter((_, label) => perClass[label] === 0);
  if (empty.length > 0) {
    throw datasetError(
      'too-few-images',
      `The class ${nounFor(empty.length, 'folder')} ${empty.map((name) => `"${name}"`).join(', ')} in ${root} ${empty.length === 1 ? 'has' : 'have'} no PNG or JPEG image Neurite could read. Every class needs at least one image${skipped.length > 0 ? ` (skipped: ${listSkipped(skipped)})` : ''}.`,
    );
  }

  const count = labels.length;
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
  const info: DatasetInfo = {
    title: basename(root),
    task: 'classification',
    featureShape: [height, width, channels],
    featureType: 'float32',
    classNames: classFolders,
    targetSize: 1,
    count,
    notes,
  };
  return {
    info,
    examples: {
      count,
      x: count === files.length ? x : x.slice(0, count * size),
      y: Int32Array.from(labels),
    },
  };
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

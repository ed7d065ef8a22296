import { basename } from 'node:path';
import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { datasetError } from '../errors';
import type { ExampleTable, LoadedDataset } from '../types';
import { nounFor } from '../wording';
import { readSourceFile } from './read-source-file';

export type IdxDatasetSpec = Extract<DatasetSpec, { source: 'idx' }>;

/** An IDX file's contents: its dimensions and its unsigned bytes. */
export interface IdxArray {
  readonly dimensions: readonly number[];
  readonly data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;
const TYPE_NAMES: Record<number, string> = {
  0x09: 'signed bytes',
  0x0b: 'short integers',
  0x0c: 'integers',
  0x0d: 'floats',
  0x0e: 'doubles',
};

/**
 * Parses IDX (the MNIST file format): two zero bytes, a type byte, the number of dimensions,
 * each dimension as a big-endian 32-bit integer, then the values. Only unsigned bytes (type
 * 0x08), which is what image and label files use.
 */
export function parseIdx(bytes: Uint8Array, path: string): IdxArray {
  const name = basename(path);
  const notIdx = (why: string) =>
    datasetError(
      'bad-idx-file',
      `${name} is not an IDX file Neurite can read: ${why}. Pick files such as train-images-idx3-ubyte and train-labels-idx1-ubyte (gzipped or not).`,
    );
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw notIdx('it does not start with the IDX magic number');
  }
  const type = bytes[2] as number;
  if (type !== UNSIGNED_BYTE) {
    throw notIdx(
      `it holds ${TYPE_NAMES[type] ?? `values of unknown type 0x${type.toString(16)}`}, and only files of unsigned bytes (type 0x08) are supported`,
    );
  }
  const dimensionCount = bytes[3] as number;
  const headerLength = 4 + 4 * dimensionCount;
  if (dimensionCount === 0 || bytes.length < headerLength) throw notIdx('its header is cut short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = Array.from({ length: dimensionCount }, (_, i) =>
    view.getUint32(4 + 4 * i, false),
  );
  const expected = dimensions.reduce((product, size) => product * size, 1);
  const actual = bytes.length - headerLength;
  if (actual !== expected) {
    throw datasetError(
      'bad-idx-file',
      `${name} should hold ${expected} values (${dimensions.join(' × ')}) after its header but holds ${actual}. The file is ${actual < expected ? 'cut short' : 'longer than its header says'}: download it again.`,
    );
  }
  return { dimensions, data: bytes.subarray(headerLength) };
}

async function readIdx(path: string): Promise<IdxArray> {
  return parseIdx(await readSourceFile(path), path);
}

/** Images (count × rows × cols [× channels]) scaled to [0, 1], with their labels. */
function pairImagesWithLabels(
  images: IdxArray,
  labels: IdxArray,
  imagesPath: string,
  labelsPath: string,
): { shape: number[]; table: ExampleTable } {
  const [count = 0, ...shape] = images.dimensions;
  if (shape.length < 2 || shape.length > 3) {
    throw datasetError(
      'bad-idx-file',
      `${basename(imagesPath)} holds ${images.dimensions.length}-dimensional data (${images.dimensions.join(' × ')}), not images (count × rows × columns). Is it a labels file? Give the images file as images.`,
    );
  }
  if (labels.dimensions.length !== 1) {
    throw datasetError(
      'bad-idx-file',
      `${basename(labelsPath)} holds ${labels.dimensions.join(' × ')} values, but a labels file holds one number per image. Is it an images file? Give the labels file as labels.`,
    );
  }
  if (labels.dimensions[0] !== count) {
    throw datasetError(
      'count-mismatch',
      `${basename(imagesPath)} holds ${count} images but ${basename(labelsPath)} holds ${labels.dimensions[0] ?? 0} labels. Use the labels file that belongs to these images.`,
    );
  }
  const scale = new Float32Array(256);
  for (let value = 0; value < 256; value += 1) scale[value] = value / 255;
  const x = new Float32Array(images.data.length);
  for (let i = 0; i < x.length; i += 1) x[i] = scale[images.data[i] as number] as number;
  return {
    shape: shape.length === 2 ? [...shape, 1] : shape,
    table: { count, x, y: Int32Array.from(labels.data) },
  };
}

/** MNIST-style IDX files: training images and labels, optionally a separate test pair. */
export async function loadIdx(spec: IdxDatasetSpec): Promise<LoadedDataset> {
  if ((spec.testImages === undefined) !== (spec.testLabels === undefined)) {
    throw datasetError(
      'bad-idx-file',
      `A test ${spec.testImages ? 'images' : 'labels'} file was given without its ${spec.testImages ? 'labels' : 'images'} file. Give both test files, or neither.`,
    );
  }
  const [images, labels, testImages, testLabels] = await Promise.all([
    readIdx(spec.images),
    readIdx(spec.labels),
    spec.testImages ? readIdx(spec.testImages) : undefined,
    spec.testLabels ? readIdx(spec.testLabels) : undefined,
  ]);
  const train = pairImagesWithLabels(images, labels, spec.images, spec.labels);
  const test =
    testImages && testLabels && spec.testImages && spec.testLabels
      ? pairImagesWithLabels(testImages, testLabels, spec.testImages, spec.testLabels)
      : undefined;
  if (test && test.shape.join('×') !== train.shape.join('×')) {
    throw datasetError(
      'shape-mismatch',
      `The test images (${basename(spec.testImages ?? '')}) are ${test.shape.join(' × ')} but the training images (${basename(spec.images)}) are ${train.shape.join(' × ')}. Use test files from the same data set.`,
    );
  }

  const classNames = spec.classNames ?? defaultClassNames([train.table.y, test?.table.y]);
  checkLabels(train.table.y, classNames, spec.labels, spec.classNames !== undefined);
  if (test)
    checkLabels(test.table.y, classNames, spec.testLabels ?? '', spec.classNames !== undefined);
  if (classNames.length < 2) {
    throw datasetError(
      'too-few-classes',
      `Every label in ${basename(spec.labels)} is ${classNames[0] ?? 0}, so there is nothing to tell apart. A classification needs at least 2 classes.`,
    );
  }

  const examples =
    spec.limit !== undefined ? firstRows(train.table, spec.limit, train.shape) : train.table;
  const notes = [
    `${examples.count} training images${test ? ` and ${test.table.count} test images` : ''} of ${train.shape.slice(0, 2).join(' × ')}${(train.shape[2] ?? 1) > 1 ? ` × ${train.shape[2] ?? 1}` : ''}, values 0…1, ${classNames.length} classes.`,
  ];
  if (examples.count < train.table.count) {
    notes.push(
      `Only the first ${examples.count} of the ${train.table.count} training images are used (limit).`,
    );
  }
  const info: DatasetInfo = {
    title: basename(spec.images),
    task: 'classification',
    featureShape: train.shape,
    featureType: 'float32',
    classNames,
    targetSize: 1,
    count: examples.count,
    ...(test ? { testCount: test.table.count } : {}),
    notes,
  };
  return { info, examples, ...(test ? { test: test.table } : {}) };
}

function defaultClassNames(
  labelSets: readonly (Int32Array | Float32Array | undefined)[],
): string[] {
  let highest = 0;
  for (const labels of labelSets)
    for (const label of labels ?? []) highest = Math.max(highest, label);
  return Array.from({ length: highest + 1 }, (_, label) => String(label));
}

function checkLabels(
  labels: Int32Array | Float32Array,
  classNames: readonly string[],
  path: string,
  named: boolean,
): void {
  const at = labels.findIndex((label) => label >= classNames.length);
  if (at < 0) return;
  const outside = labels.filter((label) => label >= classNames.length).length;
  throw datasetError(
    'label-out-of-range',
    `${basename(path)}: image ${at + 1} has label ${labels[at] ?? 0}, but ${named ? `only ${classNames.length} class names were given` : `there are ${classNames.length} classes`} (labels 0 to ${classNames.length - 1}). ${outside > 1 ? `${outside} ${nounFor(outside, 'label')} are outside that range. ` : ''}Give one class name per label value, or check that this is the right labels file.`,
  );
}

function firstRows(table: ExampleTable, limit: number, shape: readonly number[]): ExampleTable {
  if (limit >= table.count) return table;
  const size = shape.reduce((product, value) => product * value, 1);
  return { count: limit, x: table.x.slice(0, limit * size), y: table.y.slice(0, limit) };
}

import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { DatasetError } from '../../../src/main/data/types';
import { tempFolder } from './temp-folder';

/** IDX files (the MNIST format): made here byte by byte, and Fashion-MNIST when installed. */

const temp = tempFolder('idx');
afterAll(() => temp.remove());

/** An IDX file of unsigned bytes: 0, 0, 0x08, rank, the dimensions (big-endian), the values. */
function idx(dimensions: number[], values: ArrayLike<number>, type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * dimensions.length);
  const view = new DataView(header.buffer);
  header.set([0, 0, type, dimensions.length]);
  dimensions.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  const bytes = new Uint8Array(header.length + values.length);
  bytes.set(header);
  bytes.set(Uint8Array.from(values), header.length);
  return bytes;
}

/** count images of 2 × 3 whose pixels are (image index · 10 + pixel), labels i mod 3. */
function writePair(prefix: string, count: number, gzip = false) {
  const pixels = Array.from({ length: count * 6 }, (_, p) => Math.floor(p / 6) * 10 + (p % 6));
  const labels = Array.from({ length: count }, (_, i) => i % 3);
  const pack = (bytes: Uint8Array) => (gzip ? gzipSync(bytes) : bytes);
  const suffix = gzip ? '.gz' : '';
  return {
    images: temp.write(`${prefix}-images-idx3-ubyte${suffix}`, pack(idx([count, 2, 3], pixels))),
    labels: temp.write(`${prefix}-labels-idx1-ubyte${suffix}`, pack(idx([count], labels))),
  };
}

type IdxSpec = Omit<Extract<DatasetSpecInput, { source: 'idx' }>, 'source'>;
const load = (spec: IdxSpec) => loadDataset(datasetSpecSchema.parse({ source: 'idx', ...spec }));

async function loadError(spec: IdxSpec): Promise<DatasetError> {
  const error = await load(spec).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe('IDX files', () => {
  it('reads images as (rows, cols, 1) in 0…1 with their labels', async () => {
    const data = await load(writePair('train', 12));
    expect(data.info.featureShape).toEqual([2, 3, 1]);
    expect(data.info.count).toBe(12);
    expect(data.info.classNames).toEqual(['0', '1', '2']);
    expect(Array.from(data.examples.x.subarray(6, 12), (v) => Math.round(v * 255))).toEqual([
      10, 11, 12, 13, 14, 15,
    ]);
    expect(Array.from(data.examples.y)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(data.test).toBeUndefined();
  });

  it('unpacks gzipped files, and puts the test files in `test`', async () => {
    const train = writePair('gz-train', 12, true);
    const test = writePair('gz-test', 4, true);
    const data = await load({ ...train, testImages: test.images, testLabels: test.labels });
    expect(data.info.count).toBe(12);
    expect(data.info.testCount).toBe(4);
    expect(data.test?.count).toBe(4);
    expect(data.test?.x.length).toBe(4 * 6);
    expect(Array.from(data.test?.y ?? [])).toEqual([0, 1, 2, 0]);
  });

  it('uses the given class names, and limit keeps the first N training images', async () => {
    const data = await load({
      ...writePair('named', 20),
      classNames: ['cat', 'dog', 'bird'],
      limit: 10,
    });
    expect(data.info.classNames).toEqual(['cat', 'dog', 'bird']);
    expect(data.info.count).toBe(10);
    expect(data.examples.x.length).toBe(60);
    expect(data.info.notes.join(' ')).toContain('first 10 of the 20');
  });

  it('refuses labels outside the declared classes', async () => {
    const error = await loadError({ ...writePair('range', 12), classNames: ['cat', 'dog'] });
    expect(error.code).toBe('label-out-of-range');
    expect(error.message).toContain('image 3 has label 2, but only 2 class names were given');
  });

  it('refuses image and label files of different counts', async () => {
    const a = writePair('count-a', 12);
    const b = writePair('count-b', 11);
    const error = await loadError({ images: a.images, labels: b.labels });
    expect(error.code).toBe('count-mismatch');
    expect(error.message).toContain(
      'holds 12 images but count-b-labels-idx1-ubyte holds 11 labels',
    );
  });

  it('refuses a file that is not IDX', async () => {
    const { labels } = writePair('magic', 12);
    const images = temp.write('picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
    const error = await loadError({ images, labels });
    expect(error.code).toBe('bad-idx-file');
    expect(error.message).toContain('picture.png is not an IDX file');
  });

  it('refuses an IDX file of another value type', async () => {
    const { labels } = writePair('type', 2);
    const images = temp.write('floats-idx3', idx([2, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0], 0x0d));
    const error = await loadError({ images, labels });
    expect(error.message).toContain('floats');
  });

  it('refuses a file cut short', async () => {
    const { images, labels } = writePair('short', 12);
    const cut = temp.write('cut-images', idx([12, 2, 3], new Array<number>(50).fill(0)));
    const error = await loadError({ images: cut, labels });
    expect(error.message).toContain(
      'should hold 72 values (12 × 2 × 3) after its header but holds 50',
    );
    expect(images).toBeDefined();
  });

  it('refuses labels given as images', async () => {
    const { labels } = writePair('swap', 12);
    const error = await loadError({ images: labels, labels });
    expect(error.message).toContain('not images');
  });

  it('refuses a test images file without its labels', async () => {
    const train = writePair('half', 12);
    const error = await loadError({ ...train, testImages: train.images });
    expect(error.message).toContain('Give both test files, or neither');
  });

  it('refuses test images of another size', async () => {
    const train = writePair('size-train', 3);
    const testImages = temp.write(
      'size-test-images',
      idx([3, 3, 3], new Array<number>(27).fill(0)),
    );
    const testLabels = temp.write('size-test-labels', idx([3], [0, 1, 2]));
    const error = await loadError({ ...train, testImages, testLabels });
    expect(error.code).toBe('shape-mismatch');
  });

  it('says there is no file at a wrong path', async () => {
    const train = writePair('missing', 3);
    const error = await loadError({ ...train, labels: temp.path('nope') });
    expect(error.message).toBe(
      `There is no file at ${temp.path('nope')}. Check the path, or pick the file again.`,
    );
  });
});

const FASHION = '/usr/share/datasets/fashion-mnist';
const FASHION_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const fashionInstalled = existsSync(`${FASHION}/train-images-idx3-ubyte.gz`);

describe('Fashion-MNIST from the Debian package dataset-fashion-mnist', () => {
  const title = '60,000 training and 10,000 test images of 28 × 28';
  const skipped = ` (SKIPPED: ${FASHION} is missing; run apt-get install dataset-fashion-mnist)`;
  it.skipIf(!fashionInstalled)(fashionInstalled ? title : title + skipped, async () => {
    const started = performance.now();
    const data = await load({
      images: `${FASHION}/train-images-idx3-ubyte.gz`,
      labels: `${FASHION}/train-labels-idx1-ubyte.gz`,
      testImages: `${FASHION}/t10k-images-idx3-ubyte.gz`,
      testLabels: `${FASHION}/t10k-labels-idx1-ubyte.gz`,
      classNames: FASHION_NAMES,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`Fashion-MNIST loaded in ${seconds.toFixed(2)} s`);
    expect(data.info.featureShape).toEqual([28, 28, 1]);
    expect(data.info.count).toBe(60_000);
    expect(data.info.testCount).toBe(10_000);
    expect(data.examples.x.length).toBe(60_000 * 784);
    expect(data.test?.x.length).toBe(10_000 * 784);
    // The published first labels: ankle boot, T-shirt, T-shirt, dress, T-shirt, pullover, …
    expect(Array.from(data.examples.y.subarray(0, 10))).toEqual([9, 0, 0, 3, 0, 2, 7, 2, 5, 5]);
    expect(Array.from(data.test?.y.subarray(0, 10) ?? [])).toEqual([9, 2, 1, 1, 6, 1, 4, 6, 5, 7]);
    const counts = new Array<number>(10).fill(0);
    for (const label of data.examples.y) counts[label]! += 1;
    expect(counts).toEqual(new Array<number>(10).fill(6000));
  });
});

import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { resizeBilinear } from '../../../src/main/data/import/resize-image';
import { DatasetError } from '../../../src/main/data/types';
import { tf } from '../../../src/main/engine/tf';
import { tempFolder } from './temp-folder';

/** Image folders: real PNG and JPEG files written with pngjs and jpeg-js. */

const temp = tempFolder('images');
afterAll(() => temp.remove());

type Rgba = [number, number, number, number];

function png(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) image.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image);
}

function jpg(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let p = 0; p < width * height; p += 1) data.set([...rgb, 255], p * 4);
  return jpeg.encode({ data, width, height }, 95).data;
}

const WHITE: Rgba = [255, 255, 255, 255];
const BLACK: Rgba = [0, 0, 0, 255];

/** cats/: light images (2 PNG, 1 JPEG); dogs/: dark ones (1 PNG, 1 JPEG), plus junk. */
function writeAnimals(root: string) {
  temp.write(
    `${root}/cats/a.png`,
    png(40, 40, () => WHITE),
  );
  temp.write(
    `${root}/cats/b.png`,
    png(10, 20, () => [255, 0, 0, 255]),
  );
  temp.write(`${root}/cats/c.jpg`, jpg(16, 16, [250, 250, 250]));
  temp.write(
    `${root}/dogs/d.png`,
    png(28, 28, () => BLACK),
  );
  temp.write(`${root}/dogs/e.jpeg`, jpg(50, 30, [0, 0, 0]));
  // Junk: a damaged PNG (right signature, nothing after), random bytes as .jpg, a text file.
  temp.write(
    `${root}/dogs/broken.png`,
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  );
  temp.write(
    `${root}/dogs/noise.jpg`,
    Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256),
  );
  temp.write(`${root}/cats/readme.txt`, 'not an image');
  temp.write(`${root}/cats/.DS_Store`, 'finder data');
}

type ImagesSpec = Omit<Extract<DatasetSpecInput, { source: 'images' }>, 'source'>;
const load = (spec: ImagesSpec) =>
  loadDataset(datasetSpecSchema.parse({ source: 'images', ...spec }));

async function loadError(spec: ImagesSpec): Promise<DatasetError> {
  const error = await load(spec).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe('image folders', () => {
  writeAnimals('animals');

  it('one class per subfolder, grayscale 28 × 28 by default, values 0…1', async () => {
    const data = await load({ path: temp.path('animals') });
    expect(data.info.classNames).toEqual(['cats', 'dogs']);
    expect(data.info.featureShape).toEqual([28, 28, 1]);
    expect(data.info.count).toBe(5);
    expect(Array.from(data.examples.y)).toEqual([0, 0, 0, 1, 1]);
    const mean = (i: number) => {
      const image = data.examples.x.subarray(i * 784, (i + 1) * 784);
      return Array.from(image).reduce((a, b) => a + b, 0) / 784;
    };
    expect(mean(0)).toBeCloseTo(1, 5);
    // Pure red in grayscale: its luminance.
    expect(mean(1)).toBeCloseTo(0.299, 3);
    expect(mean(2)).toBeGreaterThan(0.95);
    expect(mean(3)).toBeCloseTo(0, 5);
    expect(mean(4)).toBeLessThan(0.05);
  });

  it('skips files it cannot read and lists them in the notes', async () => {
    const data = await load({ path: temp.path('animals') });
    const notes = data.info.notes.join('\n');
    expect(notes).toContain('3 files were skipped');
    expect(notes).toMatch(/cats\/readme\.txt \(not a PNG or JPEG image\)/);
    expect(notes).toMatch(/dogs\/noise\.jpg \(not a PNG or JPEG image\)/);
    expect(notes).toMatch(/dogs\/broken\.png \(a damaged PNG file/);
    expect(notes).not.toContain('.DS_Store');
  });

  it('RGB at another size: (height, width, 3)', async () => {
    const data = await load({ path: temp.path('animals'), size: [12, 8], color: 'rgb' });
    expect(data.info.featureShape).toEqual([12, 8, 3]);
    expect(data.examples.x.length).toBe(5 * 12 * 8 * 3);
    const red = Array.from(data.examples.x.subarray(12 * 8 * 3, 12 * 8 * 3 + 3));
    expect(red).toEqual([1, 0, 0]);
  });

  it('lays transparent pixels over white', async () => {
    temp.write(
      'alpha/a/clear.png',
      png(4, 4, () => [0, 0, 0, 0]),
    );
    temp.write(
      'alpha/b/solid.png',
      png(4, 4, () => BLACK),
    );
    const data = await load({ path: temp.path('alpha'), size: [4, 4] });
    expect(Array.from(data.examples.x.subarray(0, 16))).toEqual(new Array<number>(16).fill(1));
  });

  it('needs at least 2 class folders', async () => {
    temp.write(
      'one-class/cats/a.png',
      png(4, 4, () => WHITE),
    );
    const error = await loadError({ path: temp.path('one-class') });
    expect(error.code).toBe('too-few-classes');
    expect(error.message).toContain('only "cats"');
  });

  it('needs a readable image in every class, and lists what was skipped', async () => {
    temp.write(
      'empty-class/cats/a.png',
      png(4, 4, () => WHITE),
    );
    temp.write('empty-class/dogs/notes.txt', 'no dogs yet');
    const error = await loadError({ path: temp.path('empty-class') });
    expect(error.code).toBe('too-few-images');
    expect(error.message).toContain('"dogs"');
    expect(error.message).toContain('dogs/notes.txt (not a PNG or JPEG image)');
  });

  it('says there is no folder at a wrong path, and refuses a file', async () => {
    const missing = await loadError({ path: temp.path('no-such-folder') });
    expect(missing.code).toBe('file-not-found');
    expect(missing.message).toContain(`There is no folder at ${temp.path('no-such-folder')}`);
    const file = await loadError({ path: temp.path('animals/cats/a.png') });
    expect(file.code).toBe('not-a-folder');
  });
});

describe('bilinear resizing', () => {
  it('matches tf.image.resizeBilinear (half-pixel centres) when enlarging', () => {
    const source = Float32Array.from({ length: 3 * 4 * 2 }, (_, i) => (i * 7) % 11);
    const ours = resizeBilinear(source, 3, 4, 2, 7, 9);
    const theirs = tf.tidy(() =>
      tf.image.resizeBilinear(tf.tensor3d(source, [3, 4, 2]), [7, 9], false, true).dataSync(),
    );
    for (let i = 0; i < ours.length; i += 1) expect(ours[i]).toBeCloseTo(theirs[i] ?? NaN, 4);
  });

  it('averages every pixel when shrinking, so thin lines do not vanish', () => {
    // A 1-pixel vertical stripe every 8 columns: an eighth of the image is white. Sampling
    // only the 2 pixels around each output centre (columns 3–4, 11–12, …) would give 0.
    const source = Float32Array.from({ length: 64 * 64 }, (_, i) => (i % 8 === 0 ? 1 : 0));
    const small = resizeBilinear(source, 64, 64, 1, 8, 8);
    for (const value of small) expect(value).toBeGreaterThan(0.05);
    // Away from the borders (where fewer pixels count) exactly an eighth.
    for (let y = 0; y < 8; y += 1) {
      for (let x = 1; x < 7; x += 1) expect(small[y * 8 + x]).toBeCloseTo(0.125, 5);
    }
  });

  it('keeps a constant image constant', () => {
    const small = resizeBilinear(new Float32Array(30 * 17).fill(0.4), 30, 17, 1, 5, 11);
    for (const value of small) expect(value).toBeCloseTo(0.4, 5);
  });
});

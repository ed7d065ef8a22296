/**
 * Image folders of real pictures for the memory benchmark, written as PNG files with pngjs
 * (the library Neurite reads them with), one subfolder per class.
 *
 * - photoPatches: 32 × 32 colour patches cut from real photographs, one class per photograph
 *   (no CIFAR-like set ships with Neurite, npm or Debian, so this stands in for one).
 * - fashionFolder: the 70,000 real Fashion-MNIST images (Debian's copy, or any IDX files),
 *   and as many mirrored left-right as it takes to reach the count asked for.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { decodeImage, imageFormat, toChannels } from '../src/main/data/import/decode-image';
import { parseIdx } from '../src/main/data/import/idx';
import { resizeBilinear } from '../src/main/data/import/resize-image';

const PATCH = 32;

/** A tiny seeded generator, so the same folder comes out every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** How many files the class subfolders of `root` already hold (0 if it is not there). */
export function filesInFolder(root: string): number {
  if (!existsSync(root)) return 0;
  let count = 0;
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    if (folder.isDirectory()) count += readdirSync(join(root, folder.name)).length;
  }
  return count;
}

function writePng(path: string, width: number, height: number, rgb: Float32Array | Uint8Array) {
  const image = new PNG({ width, height });
  const channels = rgb.length / (width * height);
  for (let p = 0; p < width * height; p += 1) {
    for (let c = 0; c < 3; c += 1) {
      const value = rgb[p * channels + (channels === 3 ? c : 0)] as number;
      image.data[p * 4 + c] =
        rgb instanceof Uint8Array ? value : Math.max(0, Math.min(255, Math.round(value * 255)));
    }
    image.data[p * 4 + 3] = 255;
  }
  writeFileSync(path, PNG.sync.write(image, channels === 1 ? { colorType: 0 } : {}));
}

/**
 * `perClass` square patches of 32 × 32 from each photograph (PNG or JPEG) in `photos`, cut at
 * seeded places and sizes (a sixth to a third of the photo's shorter side) and shrunk to 32 ×
 * 32; a photograph's patches form its class (astronaut, chelsea, …).
 */
export function photoPatches(photos: string, root: string, perClass: number): string[] {
  const files = readdirSync(photos)
    .filter((name) => /\.(png|jpe?g)$/i.test(name))
    .sort();
  const random = seeded(2026);
  for (const name of files) {
    const bytes = readFileSync(join(photos, name));
    const format = imageFormat(bytes);
    if (!format) continue;
    const image = decodeImage(bytes, format);
    const rgb = toChannels(image, 3);
    const folder = join(root, basename(name, extname(name)));
    mkdirSync(folder, { recursive: true });
    const shorter = Math.min(image.width, image.height);
    for (let i = 0; i < perClass; i += 1) {
      const side = Math.max(PATCH, Math.round(shorter * (1 / 6 + random() / 6)));
      const left = Math.floor(random() * (image.width - side + 1));
      const top = Math.floor(random() * (image.height - side + 1));
      const crop = new Float32Array(side * side * 3);
      for (let y = 0; y < side; y += 1) {
        const from = ((top + y) * image.width + left) * 3;
        crop.set(rgb.subarray(from, from + side * 3), y * side * 3);
      }
      const patch = resizeBilinear(crop, side, side, 3, PATCH, PATCH);
      writePng(join(folder, `${i}.png`), PATCH, PATCH, patch);
    }
  }
  return files;
}

/**
 * `count` Fashion-MNIST images as 28 × 28 grayscale PNGs in folders named after their class:
 * the training and test images in order, then the same again mirrored left-right until there
 * are `count`. `idxFolder` holds the four .gz IDX files.
 */
export function fashionFolder(idxFolder: string, root: string, count: number): void {
  const read = (name: string) => {
    const path = join(idxFolder, name);
    return parseIdx(gunzipSync(readFileSync(path)), path).data;
  };
  const parts = [
    { images: read('train-images-idx3-ubyte.gz'), labels: read('train-labels-idx1-ubyte.gz') },
    { images: read('t10k-images-idx3-ubyte.gz'), labels: read('t10k-labels-idx1-ubyte.gz') },
  ];
  const classes = [
    't-shirt',
    'trouser',
    'pullover',
    'dress',
    'coat',
    'sandal',
    'shirt',
    'sneaker',
    'bag',
    'ankle-boot',
  ];
  for (const name of classes) mkdirSync(join(root, name), { recursive: true });
  const side = 28;
  const pixels = side * side;
  const mirrored = new Uint8Array(pixels);
  let written = 0;
  for (let pass = 0; written < count; pass += 1) {
    for (const part of parts) {
      for (let i = 0; i < part.labels.length && written < count; i += 1) {
        let image = part.images.subarray(i * pixels, (i + 1) * pixels);
        if (pass % 2 === 1) {
          for (let y = 0; y < side; y += 1) {
            for (let x = 0; x < side; x += 1) {
              mirrored[y * side + x] = image[y * side + (side - 1 - x)] as number;
            }
          }
          image = mirrored;
        }
        const label = classes[part.labels[i] as number] as string;
        writePng(join(root, label, `${pass}-${written}.png`), side, side, image);
        written += 1;
      }
    }
  }
}

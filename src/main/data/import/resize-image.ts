/**
 * Bilinear resizing of an interleaved float image (height × width × channels). When shrinking,
 * the triangle filter widens with the scale (as in Pillow's BILINEAR), so every source pixel
 * counts and a photo shrunk to 28 × 28 does not shimmer; when enlarging it is plain bilinear
 * with half-pixel centres, like tf.image.resizeBilinear(…, halfPixelCenters = true).
 */
export function resizeBilinear(
  source: Float32Array,
  sourceHeight: number,
  sourceWidth: number,
  channels: number,
  height: number,
  width: number,
  out: Float32Array = new Float32Array(height * width * channels),
  outOffset = 0,
): Float32Array {
  const across = filterTaps(sourceWidth, width);
  const down = filterTaps(sourceHeight, height);
  const rows = new Float32Array(sourceHeight * width * channels);
  for (let y = 0; y < sourceHeight; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const tap = across[x] as FilterTap;
      for (let c = 0; c < channels; c += 1) {
        let sum = 0;
        for (let k = 0; k < tap.weights.length; k += 1) {
          sum +=
            (tap.weights[k] as number) *
            (source[(y * sourceWidth + tap.first + k) * channels + c] as number);
        }
        rows[(y * width + x) * channels + c] = sum;
      }
    }
  }
  for (let y = 0; y < height; y += 1) {
    const tap = down[y] as FilterTap;
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < channels; c += 1) {
        let sum = 0;
        for (let k = 0; k < tap.weights.length; k += 1) {
          sum +=
            (tap.weights[k] as number) *
            (rows[((tap.first + k) * width + x) * channels + c] as number);
        }
        out[outOffset + (y * width + x) * channels + c] = sum;
      }
    }
  }
  return out;
}

interface FilterTap {
  /** The first source index that contributes. */
  readonly first: number;
  /** Normalized weights of source indices first, first + 1, …. */
  readonly weights: Float64Array;
}

function filterTaps(sourceSize: number, size: number): FilterTap[] {
  const scale = sourceSize / size;
  const support = Math.max(1, scale);
  const taps: FilterTap[] = [];
  for (let i = 0; i < size; i += 1) {
    const centre = (i + 0.5) * scale - 0.5;
    const first = Math.max(0, Math.ceil(centre - support));
    const last = Math.min(sourceSize - 1, Math.floor(centre + support));
    const weights = new Float64Array(Math.max(1, last - first + 1));
    let total = 0;
    for (let k = first; k <= last; k += 1) {
      const weight = Math.max(0, 1 - Math.abs(k - centre) / support);
      weights[k - first] = weight;
      total += weight;
    }
    if (total === 0) {
      // Only happens at the border of a 1-pixel-wide source: take that pixel.
      weights[0] = 1;
      total = 1;
    }
    for (let k = 0; k < weights.length; k += 1) weights[k] = (weights[k] as number) / total;
    taps.push({ first: Math.min(first, sourceSize - 1), weights });
  }
  return taps;
}

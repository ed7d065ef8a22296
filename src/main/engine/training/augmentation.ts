import type { TrainingConfig } from '../../../shared/training/config';
import type { SeededRandom } from './random';

type Augmentation = TrainingConfig['augmentation'];

export function augmentationIsOn(a: Augmentation): boolean {
  return a.shift > 0 || a.flipHorizontal || a.rotation > 0 || a.noise > 0;
}

/**
 * Random changes to a batch of training inputs, in place. Geometric changes (shift, flip,
 * rotation about the centre, nearest pixel, zeros outside) apply to images (height × width ×
 * channels); noise applies to any numeric input. Validation and test data are never changed.
 */
export function augmentBatch(
  values: Float32Array,
  count: number,
  shape: readonly number[],
  options: Augmentation,
  random: SeededRandom,
): void {
  const isImage = shape.length === 3;
  if (isImage && (options.shift > 0 || options.flipHorizontal || options.rotation > 0)) {
    const [height, width, channels] = shape as [number, number, number];
    const size = height * width * channels;
    const source = new Float32Array(size);
    for (let n = 0; n < count; n += 1) {
      const image = values.subarray(n * size, (n + 1) * size);
      source.set(image);
      const dy = Math.round((random.next() * 2 - 1) * options.shift * height);
      const dx = Math.round((random.next() * 2 - 1) * options.shift * width);
      const flip = options.flipHorizontal && random.next() < 0.5;
      const angle = ((random.next() * 2 - 1) * options.rotation * Math.PI) / 180;
      transformImage(source, image, height, width, channels, { dx, dy, flip, angle });
    }
  }
  if (options.noise > 0) {
    for (let i = 0; i < count * shape.reduce((a, b) => a * b, 1); i += 1) {
      values[i] = values[i]! + options.noise * random.gaussian();
    }
  }
}

interface Transform {
  readonly dx: number;
  readonly dy: number;
  readonly flip: boolean;
  readonly angle: number;
}

/** Each output pixel looks up where it came from (inverse mapping), so there are no holes. */
function transformImage(
  source: Float32Array,
  target: Float32Array,
  height: number,
  width: number,
  channels: number,
  { dx, dy, flip, angle }: Transform,
): void {
  const cy = (height - 1) / 2;
  const cx = (width - 1) / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // Undo the shift, then the rotation, then the flip.
      const sx0 = x - dx - cx;
      const sy0 = y - dy - cy;
      let sx = cos * sx0 + sin * sy0 + cx;
      const sy = -sin * sx0 + cos * sy0 + cy;
      if (flip) sx = width - 1 - sx;
      const px = Math.round(sx);
      const py = Math.round(sy);
      const inside = px >= 0 && px < width && py >= 0 && py < height;
      for (let c = 0; c < channels; c += 1) {
        target[(y * width + x) * channels + c] = inside
          ? source[(py * width + px) * channels + c]!
          : 0;
      }
    }
  }
}

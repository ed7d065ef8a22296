/**
 * Turning numbers into pictures a student reads: an example's pixels as gray or colour, a
 * saliency map as a heat map (how much, not which way), a feature map as gray levels.
 */

export interface Picture {
  readonly width: number;
  readonly height: number;
  /** RGBA bytes, row by row. */
  readonly rgba: Uint8ClampedArray;
}

/** Whether values of this shape are an image: height × width × 1 or 3. */
export function isImageShape(shape: readonly number[]): boolean {
  return shape.length === 3 && (shape[2] === 1 || shape[2] === 3);
}

/** An example's own pixels (values 0 to 1, clipped), gray or colour. */
export function imagePicture(values: readonly number[], shape: readonly number[]): Picture {
  const [height, width, channels] = shape as [number, number, number];
  const rgba = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p += 1) {
    for (let c = 0; c < 3; c += 1) {
      const value = values[p * channels + (channels === 3 ? c : 0)] ?? 0;
      rgba[p * 4 + c] = Math.round(Math.min(1, Math.max(0, value)) * 255);
    }
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/**
 * A map over positions as a heat map: each position's largest |value| over its channels,
 * relative to the largest in the map, from transparent to opaque red, to lay over the image.
 */
export function heatPicture(map: readonly number[], shape: readonly number[]): Picture {
  const height = shape.length >= 2 ? shape[0]! : 1;
  const width = shape.length >= 2 ? shape[1]! : (shape[0] ?? map.length);
  const channels = shape.length === 3 ? shape[2]! : 1;
  const strength = magnitudes(map, height * width, channels);
  const rgba = new Uint8ClampedArray(height * width * 4);
  strength.forEach((value, p) => {
    rgba.set([220, 38, 38, Math.round(value * 230)], p * 4);
  });
  return { width, height, rgba };
}

/** One channel of a layer's output (positions × channels) as gray levels, min black, max white. */
export function channelPicture(
  values: readonly number[],
  shape: readonly number[],
  channel: number,
): Picture {
  const channels = shape[shape.length - 1] ?? 1;
  const height = shape.length === 3 ? shape[0]! : 1;
  const width = shape.length === 3 ? shape[1]! : shape[0]!;
  const plane = Array.from({ length: height * width }, (_, p) => values[p * channels + channel]!);
  const [low, high] = valueRange(plane);
  const rgba = new Uint8ClampedArray(plane.length * 4);
  plane.forEach((value, p) => {
    const level = high > low ? Math.round(((value - low) / (high - low)) * 255) : 0;
    rgba.set([level, level, level, 255], p * 4);
  });
  return { width, height, rgba };
}

/** Each position's largest |value| over its channels, divided by the largest of all (0 to 1). */
export function magnitudes(map: readonly number[], positions: number, channels: number): number[] {
  const out = Array.from({ length: positions }, (_, p) => {
    let largest = 0;
    for (let c = 0; c < channels; c += 1)
      largest = Math.max(largest, Math.abs(map[p * channels + c] ?? 0));
    return largest;
  });
  const top = Math.max(valueRange(out)[1], 0);
  return top > 0 ? out.map((value) => value / top) : out;
}

/**
 * One filter of a convolution's kernel (height × width × input channels × filters) as a small
 * image: colour when it reads three channels, else its first channel in gray. All filters
 * share one scale, from the kernel's lowest weight (black) to its highest (white), so a
 * student can compare them.
 */
export function kernelPicture(
  values: readonly number[],
  shape: readonly number[],
  filter: number,
): Picture {
  const [height, width, inputs, filters] = shape as [number, number, number, number];
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  const level = (v: number) => (high > low ? Math.round(((v - low) / (high - low)) * 255) : 128);
  const rgba = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p += 1) {
    for (let c = 0; c < 3; c += 1) {
      const channel = inputs === 3 ? c : 0;
      rgba[p * 4 + c] = level(values[(p * inputs + channel) * filters + filter]!);
    }
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/**
 * A dense layer's many values as a strip of grey cells wrapped into rows of `columns`, lowest
 * black, highest white; cells past the last value stay clear.
 */
export function stripPicture(values: readonly number[], columns: number): Picture {
  const width = Math.min(columns, values.length);
  const height = Math.ceil(values.length / width);
  const [low, high] = valueRange(values);
  const rgba = new Uint8ClampedArray(width * height * 4);
  values.forEach((value, i) => {
    const level = high > low ? Math.round(((value - low) / (high - low)) * 255) : 128;
    rgba.set([level, level, level, 255], i * 4);
  });
  return { width, height, rgba };
}

/** TensorFlow Playground's colours: blue for negative, orange for positive, white between. */
const NEGATIVE = [8, 119, 189] as const;
const POSITIVE = [245, 147, 34] as const;

/**
 * One unit's output over the plane (size × size values, row by row from the low end of y) as
 * a small map, the low y at the bottom as on the chart: blue where it is negative and orange
 * where positive, by how much, so the line between the colours is the unit's own boundary.
 * A unit that is never negative (ReLU, sigmoid) goes from white at its lowest to orange.
 */
export function unitPicture(values: readonly number[], size: number): Picture {
  const [low, high] = valueRange(values);
  const signed = low < 0 && high > 0;
  const largest = Math.max(Math.abs(low), Math.abs(high)) || 1;
  const rgba = new Uint8ClampedArray(size * size * 4);
  values.forEach((value, i) => {
    const row = size - 1 - Math.floor(i / size);
    const column = i % size;
    const strength = signed
      ? Math.abs(value) / largest
      : high > low
        ? (value - low) / (high - low)
        : 0;
    const colour = signed && value < 0 ? NEGATIVE : POSITIVE;
    const at = (row * size + column) * 4;
    for (let c = 0; c < 3; c += 1) {
      rgba[at + c] = Math.round(255 + (colour[c]! - 255) * strength);
    }
    rgba[at + 3] = 255;
  });
  return { width: size, height: size, rgba };
}

/**
 * The lowest and highest of many values, by a loop: spreading a layer's 262,144 values into
 * Math.min would exceed the browser's limit on arguments.
 */
export function valueRange(values: ArrayLike<number>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return [low, high];
}

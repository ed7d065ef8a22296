/**
 * Output length of a sliding window (convolution or pooling) along one axis, exactly as
 * TensorFlow computes it. `valid` keeps only full windows; `same` pads so that
 * output = ceil(input / stride).
 */
export type Padding = 'valid' | 'same';

export function slidingWindowLength(
  inputLength: number | null,
  windowSize: number,
  stride: number,
  padding: Padding,
  dilation = 1,
): number | null {
  if (inputLength === null) return null;
  if (padding === 'same') return Math.ceil(inputLength / stride);
  const effectiveWindow = (windowSize - 1) * dilation + 1;
  return Math.floor((inputLength - effectiveWindow) / stride) + 1;
}

/** The span a dilated kernel actually covers: 3 with dilation 2 covers 5 positions. */
export function effectiveWindowSize(windowSize: number, dilation: number): number {
  return (windowSize - 1) * dilation + 1;
}

/**
 * Output length of a transposed convolution along one axis, as TensorFlow computes it: the
 * inverse of a strided convolution. `valid`: input · stride + max(window − stride, 0);
 * `same`: input · stride.
 */
export function transposedWindowLength(
  inputLength: number | null,
  windowSize: number,
  stride: number,
  padding: Padding,
): number | null {
  if (inputLength === null) return null;
  if (padding === 'same') return inputLength * stride;
  return inputLength * stride + Math.max(windowSize - stride, 0);
}

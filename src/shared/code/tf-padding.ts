import type { Padding } from '../shapes/window-arithmetic';
import { effectiveWindowSize, slidingWindowLength } from '../shapes/window-arithmetic';

/**
 * How TensorFlow pads one spatial axis of a convolution or pooling: `same` pads as little as
 * keeps ceil(input / stride) outputs, and when the padding is odd it puts the extra value at
 * the end. PyTorch's layers pad both ends alike, so code that matches TensorFlow needs to know
 * both numbers.
 */
export interface AxisPadding {
  readonly before: number;
  readonly after: number;
}

export function windowPadding(
  inputLength: number,
  windowSize: number,
  stride: number,
  padding: Padding,
  dilation = 1,
): AxisPadding {
  if (padding === 'valid') return { before: 0, after: 0 };
  const outputs = slidingWindowLength(inputLength, windowSize, stride, 'same', dilation)!;
  const span = effectiveWindowSize(windowSize, dilation);
  const total = Math.max((outputs - 1) * stride + span - inputLength, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before };
}

/** True when every axis is padded alike at both ends, as a PyTorch layer's `padding` does. */
export function isSymmetric(axes: readonly AxisPadding[]): boolean {
  return axes.every((axis) => axis.before === axis.after);
}

/**
 * The padding in the order torch.nn.functional.pad takes it: the last axis first, its start
 * then its end: (left, right) for a sequence, (left, right, top, bottom) for an image.
 */
export function padArgument(axes: readonly AxisPadding[]): number[] {
  return [...axes].reverse().flatMap((axis) => [axis.before, axis.after]);
}

import { z } from 'zod';
import type { Shape, TensorInfo } from '../shapes/shape';
import { formatShape, formatShapeTuple } from '../shapes/shape';
import type { Padding } from '../shapes/window-arithmetic';
import { effectiveWindowSize, slidingWindowLength } from '../shapes/window-arithmetic';
import { fail } from './outcome';
import type { InferOutcome } from './types';

/**
 * Shared by convolution and pooling kinds: parameter fragments, the rank check with a
 * suggested fix, and the sliding-window arithmetic over every spatial axis.
 */

/** A size per spatial axis, written `3` (all axes) or `[3, 5]`. */
export function windowParam(axes: 1 | 2, title: string, description: string, defaultValue: number) {
  const size = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
  const perAxis = axes === 1 ? z.tuple([size]) : z.tuple([size, size]);
  return z
    .preprocess(
      (value) => (typeof value === 'number' ? Array<number>(axes).fill(value) : value),
      perAxis,
    )
    .default(Array<number>(axes).fill(defaultValue) as [number] | [number, number])
    .meta({ title, description });
}

export const paddingParam = z
  .enum(['valid', 'same'])
  .default('valid')
  .meta({
    title: 'Padding',
    description: 'What happens at the edges, where the window does not fit completely.',
    optionTitles: {
      valid: 'Valid (no padding)',
      same: 'Same (pad so the output keeps the size)',
    },
    optionHelp: {
      valid: 'Uses only positions where the window fits completely, so the output shrinks.',
      same: 'Pads the edges with zeros so the output keeps the input size (divided by the stride).',
    },
  });

/** "3×3" / "5". */
export function formatWindow(sizes: readonly number[]): string {
  return sizes.join('×');
}

/** The data layout a spatial layer expects: 1 axis → (steps, channels), 2 → (h, w, channels). */
export function expectedLayout(axes: 1 | 2): string {
  return axes === 1 ? '2-D input (steps, channels)' : '3-D input (height, width, channels)';
}

/** Error for an input of the wrong rank, with the Reshape or layer that would fix it. */
export function spatialRankError(
  name: string,
  axes: 1 | 2,
  input: TensorInfo,
  layerFamily: string,
): InferOutcome {
  const received = formatShapeTuple(input.shape);
  const base = `${name} needs a ${expectedLayout(axes)} but receives ${received}.`;
  return fail('input.rank', `${base} ${spatialRankFix(axes, input.shape, layerFamily)}`);
}

function spatialRankFix(axes: 1 | 2, shape: Shape, layerFamily: string): string {
  const n = shape.length === 1 ? shape[0] : null;
  if (axes === 2) {
    if (shape.length === 2) {
      return `For a sequence use ${layerFamily}1D, or add a Reshape to ${formatShape([...shape, 1])} before it.`;
    }
    if (n !== null && n !== undefined) {
      const grey = Math.round(Math.sqrt(n));
      if (grey * grey === n) return `Add a Reshape to ${grey}×${grey}×1 before it.`;
      const colour = Math.round(Math.sqrt(n / 3));
      if (colour * colour * 3 === n) return `Add a Reshape to ${colour}×${colour}×3 before it.`;
    }
    return 'Add a Reshape before it that gives height × width × channels.';
  }
  if (shape.length === 3) {
    return `For an image use ${layerFamily}2D, or add a Reshape to (steps, channels) before it.`;
  }
  if (n !== null && n !== undefined) return `Add a Reshape to ${n}×1 before it.`;
  return 'Add a Reshape before it that gives (steps, channels).';
}

export interface WindowGeometry {
  readonly windowSize: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly dilation?: readonly number[];
}

/**
 * Output sizes of the spatial axes, or an error when the window does not fit the input
 * (only possible with "valid" padding).
 */
export function slideWindow(
  name: string,
  what: 'kernel' | 'pool window',
  spatial: Shape,
  geometry: WindowGeometry,
): { ok: true; sizes: (number | null)[] } | { ok: false; outcome: InferOutcome } {
  const sizes = spatial.map((length, axis) =>
    slidingWindowLength(
      length,
      geometry.windowSize[axis] ?? 1,
      geometry.strides[axis] ?? 1,
      geometry.padding,
      geometry.dilation?.[axis] ?? 1,
    ),
  );
  if (sizes.some((s) => s !== null && s < 1)) {
    const span = geometry.windowSize.map((k, axis) =>
      effectiveWindowSize(k, geometry.dilation?.[axis] ?? 1),
    );
    const dilated = span.some((s, axis) => s !== geometry.windowSize[axis]);
    const spanText = dilated
      ? `a ${formatWindow(geometry.windowSize)} ${what} (covering ${formatWindow(span)} with its dilation)`
      : `a ${formatWindow(geometry.windowSize)} ${what}`;
    return {
      ok: false,
      outcome: fail(
        'window.too-large',
        `${name} has ${spanText} but its input is only ${formatShape(spatial)} with "valid" padding, so nothing is left. Use a smaller ${what} or padding "same".`,
        what === 'kernel' ? 'kernelSize' : 'poolSize',
      ),
    };
  }
  return { ok: true, sizes };
}

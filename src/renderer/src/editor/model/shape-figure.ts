import type { Shape } from '../../../../shared/shapes/shape';

/**
 * A layer's output drawn to scale, as NN-SVG draws networks: an image volume as a box whose
 * height and width follow its rows and columns and whose depth follows its channels; a
 * sequence as a strip of steps; a vector as a bar. Sizes grow with the logarithm of the sizes
 * they stand for, so 28 × 28 × 1 and 5 × 5 × 16 both fit in a line of a card yet clearly differ.
 */
export type ShapeFigure =
  | {
      readonly form: 'volume';
      readonly width: number;
      readonly height: number;
      readonly depth: number;
    }
  | { readonly form: 'sequence'; readonly length: number; readonly depth: number }
  | { readonly form: 'vector'; readonly length: number };

/** Pixels for a side of `n`: 4 for 1, `perDoubling` more each time it doubles, at most `max`. */
function side(n: number, perDoubling: number, max: number): number {
  return Math.round(Math.min(max, 4 + perDoubling * Math.log2(Math.max(1, n))));
}

/** An unknown size (a sequence of any length) is drawn as a middling one. */
const known = (d: number | null, otherwise = 8): number => d ?? otherwise;

/** Undefined for a shape with no sensible picture (a scalar, more than three axes). */
export function shapeFigure(shape: Shape): ShapeFigure | undefined {
  if (shape.length === 3) {
    const [rows, columns, channels] = shape.map((d) => known(d));
    return {
      form: 'volume',
      height: side(rows!, 4, 28),
      width: side(columns!, 4, 28),
      depth: side(channels!, 2, 16),
    };
  }
  if (shape.length === 2) {
    const [steps, features] = shape.map((d) => known(d));
    return { form: 'sequence', length: side(steps!, 5, 48), depth: side(features!, 2, 16) };
  }
  if (shape.length === 1) return { form: 'vector', length: side(known(shape[0]!), 5, 48) };
  return undefined;
}

/**
 * Tensor shapes as Neurite reasons about them: the batch dimension is left out (it is always
 * symbolic) and `null` marks a dimension whose size is only known at run time.
 */
export type Dim = number | null;
export type Shape = readonly Dim[];

export type DType = 'float32' | 'int32';

/** What flows along an edge: the per-sample shape and the element type. */
export interface TensorInfo {
  readonly shape: Shape;
  readonly dtype: DType;
}

/** "28×28×1" — how students read a per-sample shape. */
export function formatShape(shape: Shape): string {
  if (shape.length === 0) return 'a single number';
  return shape.map((d) => (d === null ? '?' : String(d))).join('×');
}

/** "(784)", "(28, 28, 1)" — the tuple form used inside error messages. */
export function formatShapeTuple(shape: Shape): string {
  return `(${shape.map((d) => (d === null ? '?' : String(d))).join(', ')})`;
}

/** Keras-style shape with the batch dimension: [null, 28, 28, 1]. */
export function withBatch(shape: Shape): Dim[] {
  return [null, ...shape];
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Number of elements per sample, or null when a dimension is unknown. */
export function elementCount(shape: Shape): number | null {
  let n = 1;
  for (const d of shape) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

export function rankName(rank: number): string {
  return `${rank}-D`;
}

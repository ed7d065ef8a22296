/**
 * The values of a row-major tensor with its axes reordered: axis i of the result is axis
 * `permutation[i]` of the input, as numpy's transpose and torch's permute take it. Keras
 * keeps a Dense kernel as (inputs, units) and PyTorch as (units, inputs): permutation [1, 0].
 */
export function permuteAxes<T extends Float32Array>(
  values: T,
  shape: readonly number[],
  permutation: readonly number[],
): { values: T; shape: number[] } {
  if (
    permutation.length !== shape.length ||
    [...permutation].sort((a, b) => a - b).some((axis, i) => axis !== i)
  ) {
    throw new Error(`[${permutation.join(', ')}] does not reorder ${shape.length} axes.`);
  }
  const resultShape = permutation.map((axis) => shape[axis]!);
  const inputStrides = rowMajorStrides(shape);
  // How far in the input one step along each axis of the result moves.
  const steps = permutation.map((axis) => inputStrides[axis]!);
  const result = new (values.constructor as new (length: number) => T)(values.length);
  const index = new Array<number>(resultShape.length).fill(0);
  let source = 0;
  for (let target = 0; target < values.length; target += 1) {
    result[target] = values[source]!;
    // Advance the result's index like an odometer, keeping the input's offset in step.
    for (let axis = resultShape.length - 1; axis >= 0; axis -= 1) {
      index[axis] = index[axis]! + 1;
      source += steps[axis]!;
      if (index[axis]! < resultShape[axis]!) break;
      source -= steps[axis]! * resultShape[axis]!;
      index[axis] = 0;
    }
  }
  return { values: result, shape: resultShape };
}

/** Strides in elements of a row-major tensor: (3, 1) for shape (2, 3). */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let step = 1;
  for (let axis = shape.length - 1; axis >= 0; axis -= 1) {
    strides[axis] = step;
    step *= shape[axis]!;
  }
  return strides;
}

/** A row-major array with its axes permuted: axis k of the result is axis perm[k] of the input. */
export function transposed(
  values: Float32Array,
  shape: readonly number[],
  perm: readonly number[],
): { values: Float32Array; shape: number[] } {
  const outShape = perm.map((axis) => shape[axis]!);
  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((a, b) => a * b, 1));
  const out = new Float32Array(values.length);
  const index = Array<number>(outShape.length).fill(0);
  for (let i = 0; i < out.length; i += 1) {
    let source = 0;
    for (let k = 0; k < perm.length; k += 1) source += index[k]! * strides[perm[k]!]!;
    out[i] = values[source]!;
    for (let k = outShape.length - 1; k >= 0; k -= 1) {
      index[k]! += 1;
      if (index[k]! < outShape[k]!) break;
      index[k] = 0;
    }
  }
  return { values: out, shape: outShape };
}

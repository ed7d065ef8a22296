/** The indices 0 … count−1: "fit on every row" before a split exists. */
export function allRowIndices(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0; i < count; i += 1) rows[i] = i;
  return rows;
}

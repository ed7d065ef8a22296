import type { ExampleTable } from './types';

/**
 * Copies the features of `rows` (each `size` values) into `out`, one row after another, from
 * memory or, for a table kept on disk, from its file. Every reader of features goes through
 * here (or `featuresOfRow`), so a data set too large for memory trains like any other.
 */
export function copyFeatures(
  table: ExampleTable,
  rows: ArrayLike<number>,
  size: number,
  out: Float32Array | Int32Array,
): void {
  if (table.onDisk) {
    if (!(out instanceof Float32Array)) {
      throw new Error('Features kept on disk are float32; they cannot be read as whole numbers.');
    }
    table.onDisk.read(rows, out, 0);
    return;
  }
  for (let i = 0; i < rows.length; i += 1) {
    const start = rows[i]! * size;
    out.set(table.x.subarray(start, start + size), i * size);
  }
}

/** One example's features: a view of memory, or a copy read from disk. */
export function featuresOfRow(
  table: ExampleTable,
  row: number,
  size: number,
): Float32Array | Int32Array {
  if (!table.onDisk) return table.x.subarray(row * size, (row + 1) * size);
  const out = new Float32Array(size);
  table.onDisk.read([row], out, 0);
  return out;
}

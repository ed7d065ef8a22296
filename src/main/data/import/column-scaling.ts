/**
 * Scaling and filling of number columns, learnt from training rows only: the mean, spread,
 * smallest and largest value of the validation or test rows must not shape what the model
 * sees, or its scores on them would be too good.
 */
export type ScalingMode = 'none' | 'standardize' | 'minmax';

export interface ScalingLayout {
  /** Values per example in `raw` and `x`. */
  readonly width: number;
  /** Offsets of the number columns in an example (one-hot columns are left as they are). */
  readonly numberOffsets: readonly number[];
  readonly mode: ScalingMode;
}

export interface ColumnStatistics {
  readonly mean: number;
  readonly standardDeviation: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Rewrites the number columns of `x` from `raw` (NaN = empty cell): empty cells get the
 * training rows' mean, then every row is scaled with the training rows' statistics.
 * Reads only `raw`, so it can be called again for another split (k-fold).
 */
export function fitScaling(
  raw: Float32Array,
  x: Float32Array,
  layout: ScalingLayout,
  trainRows: ArrayLike<number>,
): ColumnStatistics[] {
  const count = raw.length / layout.width;
  return layout.numberOffsets.map((offset) => {
    const stats = columnStatistics(raw, layout.width, offset, trainRows);
    const shift =
      layout.mode === 'standardize' ? stats.mean : layout.mode === 'minmax' ? stats.min : 0;
    const range =
      layout.mode === 'standardize'
        ? stats.standardDeviation
        : layout.mode === 'minmax'
          ? stats.max - stats.min
          : 1;
    // A column with one value everywhere carries no information; keep it at 0 instead of ÷0.
    const divisor = range > 0 ? range : 1;
    for (let row = 0; row < count; row += 1) {
      const at = row * layout.width + offset;
      const value = raw[at] as number;
      x[at] = ((Number.isNaN(value) ? stats.mean : value) - shift) / divisor;
    }
    return stats;
  });
}

function columnStatistics(
  raw: Float32Array,
  width: number,
  offset: number,
  rows: ArrayLike<number>,
): ColumnStatistics {
  let sum = 0;
  let filled = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i += 1) {
    const value = raw[(rows[i] as number) * width + offset] as number;
    if (Number.isNaN(value)) continue;
    sum += value;
    filled += 1;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (filled === 0) return { mean: 0, standardDeviation: 0, min: 0, max: 0 };
  const mean = sum / filled;
  let squares = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const value = raw[(rows[i] as number) * width + offset] as number;
    if (!Number.isNaN(value)) squares += (value - mean) ** 2;
  }
  return { mean, standardDeviation: Math.sqrt(squares / filled), min, max };
}

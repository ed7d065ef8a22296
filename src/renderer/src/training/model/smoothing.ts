/**
 * Exponential moving average with bias correction (as TensorBoard smooths curves): early
 * points are not dragged towards 0, so the smoothed curve starts where the data starts.
 */
export class Ema {
  private average = 0;
  private count = 0;

  /** `weight` is how much of the past each new point keeps (0 = no smoothing). */
  constructor(private readonly weight = 0.9) {}

  next(value: number): number {
    this.count += 1;
    this.average = this.weight * this.average + (1 - this.weight) * value;
    return this.weight === 0 ? value : this.average / (1 - this.weight ** this.count);
  }
}

/** The EMA of a whole series, e.g. a past run's batch losses. */
export function smoothSeries(values: readonly number[], weight = 0.9): number[] {
  const ema = new Ema(weight);
  return values.map((value) => ema.next(value));
}

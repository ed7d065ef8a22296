/** A goal's range: at least, at most, or both. */
export interface Bounds {
  readonly atLeast?: number | undefined;
  readonly atMost?: number | undefined;
}

export function withinBounds(value: number, bounds: Bounds): boolean {
  if (!Number.isFinite(value)) return false;
  if (bounds.atLeast !== undefined && value < bounds.atLeast) return false;
  if (bounds.atMost !== undefined && value > bounds.atMost) return false;
  return true;
}

/** "at least 0.9", "at most 3", "between 2 and 4". */
export function describeBounds(bounds: Bounds): string {
  const { atLeast, atMost } = bounds;
  if (atLeast !== undefined && atMost !== undefined) {
    return atLeast === atMost ? `exactly ${atLeast}` : `between ${atLeast} and ${atMost}`;
  }
  if (atLeast !== undefined) return `at least ${atLeast}`;
  return `at most ${atMost}`;
}

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

/**
 * "at least 0.9", "at most 3", "between 2 and 4"; `format` writes each figure ("at least 90 %"
 * for an accuracy).
 */
export function describeBounds(bounds: Bounds, format: (value: number) => string = String): string {
  const { atLeast, atMost } = bounds;
  if (atLeast !== undefined && atMost !== undefined) {
    return atLeast === atMost
      ? `exactly ${format(atLeast)}`
      : `between ${format(atLeast)} and ${format(atMost)}`;
  }
  if (atLeast !== undefined) return `at least ${format(atLeast)}`;
  return `at most ${format(atMost!)}`;
}

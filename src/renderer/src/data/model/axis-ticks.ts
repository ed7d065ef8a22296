/**
 * Axis ticks for the small charts: round numbers (1, 2 or 5 times a power of ten) that cover
 * the data's range, about `count` of them.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.5;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  // Until a tick reaches the maximum (with a guard against endless loops).
  for (let i = 0; i < 1000; i += 1) {
    // Rounded so 0.1 + 0.2 shows as 0.3.
    const value = Number((first + i * step).toPrecision(12));
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

/** Maps [domain0, domain1] onto [range0, range1]. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** A tick label without float noise: 0.30000000000000004 → "0.3". */
export function tickText(value: number): string {
  return String(Number(value.toPrecision(6)));
}

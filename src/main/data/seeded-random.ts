/**
 * A small seeded random generator (mulberry32): the same seed gives the same numbers on every
 * machine, so a toy data set, a shuffle or a split can be reproduced from its seed alone.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
  /** A number from the normal distribution with the given mean and standard deviation. */
  gaussian(mean?: number, standardDeviation?: number): number;
  /** Fisher–Yates shuffle of an array or typed array, in place; returns it. */
  shuffleInPlace<T extends { length: number; [index: number]: unknown }>(items: T): T;
}

export function createRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  // Box–Muller gives two normal numbers per draw; the second is kept for the next call.
  let spareGaussian: number | undefined;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const nextInt = (maxExclusive: number): number => Math.floor(next() * maxExclusive);

  const gaussian = (mean = 0, standardDeviation = 1): number => {
    if (spareGaussian !== undefined) {
      const value = spareGaussian;
      spareGaussian = undefined;
      return mean + standardDeviation * value;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    spareGaussian = radius * Math.sin(2 * Math.PI * v);
    return mean + standardDeviation * radius * Math.cos(2 * Math.PI * v);
  };

  const shuffleInPlace = <T extends { length: number; [index: number]: unknown }>(items: T): T => {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = nextInt(i + 1);
      const held = items[i];
      items[i] = items[j];
      items[j] = held;
    }
    return items;
  };

  return { next, nextInt, gaussian, shuffleInPlace };
}

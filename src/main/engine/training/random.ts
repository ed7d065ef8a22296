import type { createRandom } from '../../data/seeded-random';

/** The seeded generator the data sets use; training shuffles and augments with it too. */
export type SeededRandom = ReturnType<typeof createRandom>;

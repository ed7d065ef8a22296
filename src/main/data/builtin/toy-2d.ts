import { createRandom } from '../seeded-random';
import type { SeededRandom } from '../seeded-random';
import type { LoadedDataset } from '../types';

export type Toy2dName = 'circle' | 'xor-quadrants' | 'gaussians' | 'spiral' | 'moons';

export interface Toy2dOptions {
  readonly samples?: number;
  readonly noise?: number;
  readonly seed?: number;
}

export const TOY_2D_DEFAULTS = { samples: 200, noise: 0.1, seed: 1 } as const;

/** Makes one point of the given class (0 or 1); coordinates stay roughly within −1.5 … 1.5. */
type PointMaker = (label: number, random: SeededRandom, noise: number) => [number, number];

const TITLES: Record<Toy2dName, string> = {
  circle: 'Circle',
  'xor-quadrants': 'XOR quadrants',
  gaussians: 'Two Gaussian blobs',
  spiral: 'Two spirals',
  moons: 'Two moons',
};

const MAKERS: Record<Toy2dName, PointMaker> = {
  // Class 1 inside radius 0.5, class 0 in a ring from 0.7 to 1.
  circle: (label, random, noise) => {
    const radius = label === 1 ? 0.5 * Math.sqrt(random.next()) : 0.7 + 0.3 * random.next();
    const angle = 2 * Math.PI * random.next();
    return jitter([radius * Math.cos(angle), radius * Math.sin(angle)], random, noise);
  },
  // Class 1 where x1 and x2 have the same sign, with a small gap along the axes.
  'xor-quadrants': (label, random, noise) => {
    const sign = () => (random.next() < 0.5 ? -1 : 1);
    const a = sign() * (0.1 + 0.9 * random.next());
    const sameSign = label === 1 ? 1 : -1;
    const b = Math.sign(a) * sameSign * (0.1 + 0.9 * random.next());
    return jitter([a, b], random, noise);
  },
  // Blobs around (−0.7, −0.7) and (0.7, 0.7); noise widens them until they overlap.
  gaussians: (label, random, noise) => {
    const centre = label === 1 ? 0.7 : -0.7;
    const spread = 0.3 + 2 * noise;
    return [random.gaussian(centre, spread), random.gaussian(centre, spread)];
  },
  // Two arms turning 1.75 times around the origin, half a turn apart.
  spiral: (label, random, noise) => {
    const t = random.next();
    const radius = 0.1 + 0.9 * t;
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    return jitter([radius * Math.cos(angle), radius * Math.sin(angle)], random, noise * 0.5);
  },
  // scikit-learn's make_moons, centred on the origin.
  moons: (label, random, noise) => {
    const angle = Math.PI * random.next();
    const point: [number, number] =
      label === 0
        ? [Math.cos(angle) - 0.5, Math.sin(angle) - 0.25]
        : [1 - Math.cos(angle) - 0.5, 0.5 - Math.sin(angle) - 0.25];
    return jitter(point, random, noise);
  },
};

function jitter(point: [number, number], random: SeededRandom, noise: number): [number, number] {
  return [random.gaussian(point[0], noise), random.gaussian(point[1], noise)];
}

/**
 * A two-class problem in the plane, for decision-boundary pictures. Classes alternate row by
 * row, so they are balanced (within one) in any part of the set; the same seed always gives
 * the same points.
 */
export function toy2d(name: Toy2dName, options: Toy2dOptions = {}): LoadedDataset {
  const samples = options.samples ?? TOY_2D_DEFAULTS.samples;
  const noise = options.noise ?? TOY_2D_DEFAULTS.noise;
  const seed = options.seed ?? TOY_2D_DEFAULTS.seed;
  const random = createRandom(seed);
  const x = new Float32Array(samples * 2);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i += 1) {
    const label = i % 2;
    const [x1, x2] = MAKERS[name](label, random, noise);
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = label;
  }
  return {
    info: {
      title: TITLES[name],
      task: 'classification',
      featureShape: [2],
      featureType: 'float32',
      featureNames: ['x1', 'x2'],
      classNames: ['0', '1'],
      targetSize: 1,
      count: samples,
      notes: [
        `${samples} points, noise ${noise}, seed ${seed}: the same settings always give the same points.`,
      ],
    },
    examples: { count: samples, x, y },
  };
}

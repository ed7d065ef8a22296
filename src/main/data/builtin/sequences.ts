import { createRandom } from '../seeded-random';
import type { LoadedDataset } from '../types';

export interface SequenceOptions {
  readonly samples?: number;
  readonly steps?: number;
  readonly noise?: number;
  readonly seed?: number;
}

export const SINE_DEFAULTS = { samples: 1000, steps: 20, noise: 0.05, seed: 1 } as const;
export const PARITY_DEFAULTS = { samples: 1000, steps: 8, seed: 1 } as const;

/**
 * Forecasting: each example is a window of `steps` values of a noisy sine wave (random phase,
 * period between 8 and 25 steps), shape (steps, 1); the target is the value that comes next.
 * The notes give the error of the naive forecast "the next value equals the last one", the
 * number a trained network should beat.
 */
export function sineForecast(options: SequenceOptions = {}): LoadedDataset {
  const samples = options.samples ?? SINE_DEFAULTS.samples;
  const steps = options.steps ?? SINE_DEFAULTS.steps;
  const noise = options.noise ?? SINE_DEFAULTS.noise;
  const seed = options.seed ?? SINE_DEFAULTS.seed;
  const random = createRandom(seed);
  const x = new Float32Array(samples * steps);
  const y = new Float32Array(samples);
  let naiveSquaredError = 0;
  let spread = 0;
  for (let i = 0; i < samples; i += 1) {
    const period = 8 + 17 * random.next();
    const phase = 2 * Math.PI * random.next();
    const value = (t: number) =>
      Math.sin((2 * Math.PI * t) / period + phase) + random.gaussian(0, noise);
    for (let t = 0; t < steps; t += 1) x[i * steps + t] = value(t);
    y[i] = value(steps);
    naiveSquaredError += ((y[i] as number) - (x[i * steps + steps - 1] as number)) ** 2;
    spread += (y[i] as number) ** 2;
  }
  const naive = naiveSquaredError / samples;
  return {
    info: {
      title: 'Sine wave forecast',
      task: 'regression',
      featureShape: [steps, 1],
      featureType: 'float32',
      targetSize: 1,
      targetNames: ['next value'],
      count: samples,
      notes: [
        `${samples} windows of ${steps} steps of a sine wave (period 8 to 25 steps, noise ${noise}, seed ${seed}); predict the next value.`,
        `Baseline: guessing that the next value equals the last one gives a mean squared error of ${naive.toFixed(4)}; always guessing 0 gives ${(spread / samples).toFixed(4)}. A network that has learnt the wave does much better.`,
      ],
    },
    examples: { count: samples, x, y },
  };
}

/**
 * Sequence classification: `steps` random bits, shape (steps, 1); the class is the parity of
 * the number of ones ("0" even, "1" odd). Only a network that remembers along the whole
 * sequence solves it: every bit flips the answer. Classes alternate row by row, and each
 * example is uniform among the sequences of its parity.
 */
export function parityBits(options: SequenceOptions = {}): LoadedDataset {
  const samples = options.samples ?? PARITY_DEFAULTS.samples;
  const steps = options.steps ?? PARITY_DEFAULTS.steps;
  const seed = options.seed ?? PARITY_DEFAULTS.seed;
  const random = createRandom(seed);
  const x = new Float32Array(samples * steps);
  const y = new Int32Array(samples);
  for (let i = 0; i < samples; i += 1) {
    const label = i % 2;
    let ones = 0;
    for (let t = 0; t < steps; t += 1) {
      const bit = random.next() < 0.5 ? 1 : 0;
      x[i * steps + t] = bit;
      ones += bit;
    }
    // Flipping one random bit changes the parity and keeps the sequences of each parity
    // equally likely.
    if (ones % 2 !== label) {
      const t = i * steps + random.nextInt(steps);
      x[t] = 1 - (x[t] as number);
    }
    y[i] = label;
  }
  const distinct = 2 ** steps;
  return {
    info: {
      title: 'Parity of bits',
      task: 'classification',
      featureShape: [steps, 1],
      featureType: 'float32',
      classNames: ['0', '1'],
      targetSize: 1,
      count: samples,
      notes: [
        `${samples} sequences of ${steps} bits (seed ${seed}); the class is 1 when the number of ones is odd.`,
        `Baseline: always guessing the most common class is right 50% of the time.${distinct < samples ? ` There are only ${distinct} different sequences of ${steps} bits, so many examples repeat.` : ''}`,
      ],
    },
    examples: { count: samples, x, y },
  };
}

export const REVERSE_DEFAULTS = { samples: 2000, steps: 10, seed: 1 } as const;

/**
 * Sequence to sequence: `steps` random digits 0 to 9, written as 0, 1/9, …, 1 so they suit a
 * network's scale, shape (steps, 1); the target is the same sequence backwards, also
 * (steps, 1). An encoder–decoder must hold the whole sequence in its summary to write it out
 * in the other order.
 */
export function reverseSequences(options: SequenceOptions = {}): LoadedDataset {
  const samples = options.samples ?? REVERSE_DEFAULTS.samples;
  const steps = options.steps ?? REVERSE_DEFAULTS.steps;
  const seed = options.seed ?? REVERSE_DEFAULTS.seed;
  const random = createRandom(seed);
  const x = new Float32Array(samples * steps);
  const y = new Float32Array(samples * steps);
  for (let i = 0; i < samples; i += 1) {
    for (let t = 0; t < steps; t += 1) x[i * steps + t] = random.nextInt(10) / 9;
    for (let t = 0; t < steps; t += 1) y[i * steps + t] = x[i * steps + steps - 1 - t]!;
  }
  // Guessing the middle, 0.5, at every step: the spread of the digits k/9 around it.
  let guessError = 0;
  for (let k = 0; k < 10; k += 1) guessError += (k / 9 - 0.5) ** 2 / 10;
  return {
    info: {
      title: 'Reverse a sequence',
      task: 'regression',
      featureShape: [steps, 1],
      featureType: 'float32',
      targetSize: steps,
      targetShape: [steps, 1],
      targetNames: ['the sequence backwards'],
      count: samples,
      notes: [
        `${samples} sequences of ${steps} digits 0 to 9 written as 0 to 1 (digit / 9, seed ${seed}); the target is each sequence backwards.`,
        `Baseline: guessing 0.5 at every step gives a mean squared error of ${guessError.toFixed(4)}; a network that has learnt to reverse does much better.`,
      ],
    },
    examples: { count: samples, x, y },
  };
}

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/main/data/seeded-random';
import { augmentBatch, augmentationIsOn } from '../../../src/main/engine/training/augmentation';

const none = { shift: 0, flipHorizontal: false, rotation: 0, noise: 0 };

/** A 3×3 one-channel image with a single bright pixel at (row, column). */
function dot(row: number, column: number): Float32Array {
  const image = new Float32Array(9);
  image[row * 3 + column] = 1;
  return image;
}

describe('augmentation', () => {
  it('is off by default and on when any change is asked for', () => {
    expect(augmentationIsOn(none)).toBe(false);
    expect(augmentationIsOn({ ...none, noise: 0.1 })).toBe(true);
  });

  it('flips an image left to right', () => {
    // With flipping on, each image is flipped with probability ½; find a seed that flips.
    for (let seed = 0; seed < 20; seed += 1) {
      const image = dot(0, 0);
      augmentBatch(image, 1, [3, 3, 1], { ...none, flipHorizontal: true }, createRandom(seed));
      if (image[0] === 0) {
        expect(Array.from(image)).toEqual(Array.from(dot(0, 2)));
        return;
      }
      expect(Array.from(image)).toEqual(Array.from(dot(0, 0)));
    }
    throw new Error('no seed flipped the image');
  });

  it('shifts by whole pixels, fills with zeros, and never moves a pixel further than asked', () => {
    for (let seed = 0; seed < 30; seed += 1) {
      const image = dot(1, 1);
      augmentBatch(image, 1, [3, 3, 1], { ...none, shift: 0.34 }, createRandom(seed));
      const lit = Array.from(image).filter((v) => v === 1).length;
      expect(lit).toBe(1);
      const at = image.indexOf(1);
      expect(Math.abs(Math.floor(at / 3) - 1)).toBeLessThanOrEqual(1);
      expect(Math.abs((at % 3) - 1)).toBeLessThanOrEqual(1);
    }
  });

  it('rotates about the centre: a quarter turn moves a corner to the next corner', () => {
    const image = dot(0, 0);
    // rotation 90 with a generator whose draw is 1 → +90°; use a fixed generator.
    const always = {
      next: () => 1,
      gaussian: () => 0,
      shuffleInPlace: <T>(a: T) => a,
    } as unknown as ReturnType<typeof createRandom>;
    augmentBatch(image, 1, [3, 3, 1], { ...none, rotation: 90 }, always);
    expect(image.indexOf(1)).not.toBe(0);
    expect([2, 6]).toContain(image.indexOf(1));
  });

  it('adds Gaussian noise of the asked spread', () => {
    const values = new Float32Array(20_000);
    augmentBatch(values, 20_000, [1], { ...none, noise: 0.5 }, createRandom(3));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(sd).toBeCloseTo(0.5, 1);
  });
});

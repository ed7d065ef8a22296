import { describe, expect, it } from 'vitest';
import { strokeBetween } from '../../../src/renderer/src/inside/model/brush';

/** The drawing pad's pen: strokes about as wide as MNIST's (three pixels), white in the middle. */

describe('a stroke on the 28 × 28 pad', () => {
  it('is full white on its line, fades over a pixel or so, and leaves the rest black', () => {
    const ink = new Float32Array(28 * 28);
    strokeBetween(ink, 28, 28, { x: 4, y: 14 }, { x: 24, y: 14 });
    const column = (y: number) => ink[y * 28 + 14]!;
    // Pixel rows 13 and 14 straddle the line y = 14: both are solid.
    expect(column(13)).toBe(1);
    expect(column(14)).toBe(1);
    // One pixel further the ink fades, two further there is none.
    expect(column(12)).toBeGreaterThan(0);
    expect(column(12)).toBeLessThan(1);
    expect(column(11)).toBe(0);
    expect(column(16)).toBe(0);
    // Nothing outside the stroke's ends.
    expect(ink[14 * 28 + 0]).toBe(0);
    expect(ink[14 * 28 + 27]).toBe(0);
    const inked = ink.filter((v) => v > 0).length;
    expect(inked).toBeGreaterThan(2 * 20);
    expect(inked).toBeLessThan(5 * 22);
  });

  it('never takes ink away where strokes cross, and stays inside the pad at its edges', () => {
    const ink = new Float32Array(28 * 28);
    strokeBetween(ink, 28, 28, { x: 14, y: 0 }, { x: 14, y: 28 });
    const before = ink[14 * 28 + 13]!;
    strokeBetween(ink, 28, 28, { x: -5, y: 14.5 }, { x: 40, y: 14.5 });
    expect(ink[14 * 28 + 13]).toBeGreaterThanOrEqual(before);
    expect(ink.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(ink[14 * 28 + 0]).toBe(1);
  });
});

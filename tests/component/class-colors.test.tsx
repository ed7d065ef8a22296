import { describe, expect, it } from 'vitest';
import { classColor } from '../../src/renderer/src/data/class-colors';

describe('class colours', () => {
  it('give each of the ten digits its own colour', () => {
    const digits = Array.from({ length: 10 }, (_, k) => classColor(k));
    expect(new Set(digits).size).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { builtInDataTitle } from '../../../src/main/labs/data-titles';

describe('builtInDataTitle', () => {
  it('names a built-in data set as a goal sentence says it', () => {
    expect(builtInDataTitle('xor')).toBe('the XOR gate');
    expect(builtInDataTitle('and')).toBe('the AND gate');
    expect(builtInDataTitle('cereals')).toBe('Cereals');
    expect(builtInDataTitle('iris')).toBe('Iris flowers');
    expect(builtInDataTitle('nothing-like-it')).toBe('"nothing-like-it"');
  });
});

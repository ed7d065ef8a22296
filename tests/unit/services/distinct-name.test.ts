import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../../src/main/services/store/limits';
import { distinctName } from '../../../src/main/services/store/names';

/** An imported project whose name is taken gets one the student can tell apart. */

describe('distinctName', () => {
  it.each([
    ['XOR', [], 'XOR'],
    ['XOR', ['Iris'], 'XOR'],
    ['XOR', ['XOR'], 'XOR (2)'],
    ['XOR', ['XOR', 'XOR (2)'], 'XOR (3)'],
    ['XOR', ['XOR', 'XOR (3)'], 'XOR (2)'],
    ['XOR (2)', ['XOR', 'XOR (2)'], 'XOR (3)'],
    ['Lab (draft)', ['Lab (draft)'], 'Lab (draft) (2)'],
  ])('%s, with %j taken: %s', (name, taken, expected) => {
    expect(distinctName(name, new Set(taken))).toBe(expected);
  });

  it('keeps the number when the name must be cut to fit', () => {
    const long = 'n'.repeat(MAX_NAME_LENGTH);
    const name = distinctName(long, new Set([long]));
    expect(name).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('n (2)')).toBe(true);
  });
});

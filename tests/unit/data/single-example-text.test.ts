import { describe, expect, it } from 'vitest';
import { exampleFromText } from '../../../src/main/data/single-example';
import { wordPositions } from '../../../src/renderer/src/inside/model/word-positions';

/** A typed sentence, read as training reads a text: its first words, padding before them. */

const VOCABULARY = ['good', 'film', 'bad']; // ids 2, 3, 4

describe('a typed sentence', () => {
  it('shorter than the Input: padding first, then its word ids; unknown words are id 1', () => {
    const read = exampleFromText('Good zorb film', VOCABULARY, [5]);
    expect(Array.from(read.ids)).toEqual([0, 0, 2, 1, 3]);
    expect(read).toMatchObject({ words: ['good', 'zorb', 'film'], unknown: ['zorb'], unread: 0 });
  });

  it('longer than the Input: its first words only, and how many were not read', () => {
    const read = exampleFromText('good film bad film good', VOCABULARY, [3]);
    expect(Array.from(read.ids)).toEqual([2, 3, 4]);
    expect(read).toMatchObject({ words: ['good', 'film', 'bad'], unread: 2 });
    // Each place is named by the word it holds.
    expect(wordPositions(Array.from(read.ids), read.words).names).toEqual(['good', 'film', 'bad']);
  });
});

import { describe, expect, it } from 'vitest';
import { wordPositions } from '../../../src/renderer/src/inside/model/word-positions';

describe('the words of a text model’s input', () => {
  it('are the places after the padding, named by the sentence’s words', () => {
    expect(wordPositions([0, 0, 9, 1, 4], ['good', 'zorb', 'film'])).toEqual({
      positions: [2, 3, 4],
      names: ['good', 'zorb', 'film'],
    });
  });

  it('of an example of the data set are named by their ids, 1 being an unknown word', () => {
    expect(wordPositions([0, 12, 1])).toEqual({
      positions: [1, 2],
      names: ['word id 12', 'an unknown word'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/shared/text/plural';

describe('plural', () => {
  it.each([
    [0, 'layer', '0 layers'],
    [1, 'layer', '1 layer'],
    [2, 'layer', '2 layers'],
    [1, 'trainable weight', '1 trainable weight'],
    [25_450, 'trainable weight', '25,450 trainable weights'],
    [10_000, 'example', '10,000 examples'],
    [999, 'connection', '999 connections'],
    [1000, 'connection', '1,000 connections'],
  ])('%i %s → %s', (count, noun, expected) => {
    expect(plural(count, noun)).toBe(expected);
  });

  it('takes the plural of nouns that do not add an s', () => {
    expect(plural(1, 'class', 'classes')).toBe('1 class');
    expect(plural(3, 'class', 'classes')).toBe('3 classes');
  });
});

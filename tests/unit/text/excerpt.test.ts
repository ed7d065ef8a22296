import { describe, expect, it } from 'vitest';
import { excerpt, withShortQuotes } from '../../../src/shared/text/excerpt';

/* A message quotes a cell or a name: a long one is cut to an excerpt, the message's own words
   never are. */

describe('withShortQuotes', () => {
  it('cuts a long quoted cell to 80 characters with its length', () => {
    const cell = 'x'.repeat(1_000_000);
    expect(withShortQuotes(`line 11 holds "${cell}", which is not a number.`)).toBe(
      `line 11 holds "${'x'.repeat(80)}… (1,000,000 characters)", which is not a number.`,
    );
  });

  it('leaves the words between two quotes alone, however long', () => {
    const message = `Fix the network first: Conv2D "conv" needs a 3-D input (height, width, channels) but receives (2). Add a Reshape before it. Dense "loose" is not connected to any Input.`;
    expect(withShortQuotes(message)).toBe(message);
  });

  it('cuts only once, and leaves an unpaired quote as it is', () => {
    const once = withShortQuotes(`holds "${'y'.repeat(200)}".`);
    expect(withShortQuotes(once)).toBe(once);
    const unpaired = `a 5" disk and ${'z'.repeat(200)}`;
    expect(withShortQuotes(unpaired)).toBe(unpaired);
  });

  it('keeps a whole message to 8,000 characters, saying it was cut', () => {
    const long = 'word '.repeat(3_000);
    expect(withShortQuotes(long)).toMatch(/^(word ){1600}… \(message cut\)$/);
    expect(excerpt('short')).toBe('short');
  });
});

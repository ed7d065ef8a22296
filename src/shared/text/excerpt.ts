/**
 * Short excerpts of text a message quotes (a cell, a name, a line of a file): a student reads a
 * sentence, not the 5 MB cell that broke the import, and a message small enough to pass
 * between processes always arrives.
 */

/** Longest quoted text kept whole. */
export const MAX_QUOTE_CHARS = 80;
/** Longest message kept whole; past it the message is cut, saying so. */
export const MAX_MESSAGE_CHARS = 8_000;

/** The text, or its start with "…" and how long it is, when it is longer than `max`. */
export function excerpt(text: string, max = MAX_QUOTE_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

const CUT = /… \([\d,]+ characters\)$/;

/** Every "quoted" part of a message shortened to an excerpt, and the whole kept to a size. */
export function withShortQuotes(message: string): string {
  // Quotes pair up from the left: the text between a closing quote and the next opening one
  // is the message's own words, never cut. A last quote without its pair opens nothing.
  const parts = message.split('"');
  const quotesShortened = parts
    .map((part, index) => {
      const quoted = index % 2 === 1 && index < parts.length - 1;
      // A quote already cut to an excerpt stays as it is: messages pass through here twice.
      return quoted && part.length > MAX_QUOTE_CHARS && !CUT.test(part) ? excerpt(part) : part;
    })
    .join('"');
  return quotesShortened.length <= MAX_MESSAGE_CHARS
    ? quotesShortened
    : `${quotesShortened.slice(0, MAX_MESSAGE_CHARS)}… (message cut)`;
}

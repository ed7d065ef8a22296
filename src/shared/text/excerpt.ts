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
  const quotesShortened = message.replace(
    new RegExp(`"([^"]{${MAX_QUOTE_CHARS + 1},})"`, 'g'),
    // A quote already cut to an excerpt stays as it is: messages pass through here twice.
    (whole, quoted: string) => (CUT.test(quoted) ? whole : `"${excerpt(quoted)}"`),
  );
  return quotesShortened.length <= MAX_MESSAGE_CHARS
    ? quotesShortened
    : `${quotesShortened.slice(0, MAX_MESSAGE_CHARS)}… (message cut)`;
}

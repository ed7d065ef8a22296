/**
 * Words of a text for the text importer: lower case, cut at anything that is not a letter or
 * a digit, in any alphabet ("Don't stop!" → don, t, stop).
 */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** Word ids: 0 pads a short text, 1 stands for any word outside the vocabulary. */
export const PADDING_ID = 0;
export const UNKNOWN_ID = 1;
const FIRST_WORD_ID = 2;

/**
 * The `size − 2` most frequent words of the given texts, most frequent first (ties in
 * alphabetical order, so the same rows always give the same ids), mapped to ids 2, 3, ….
 */
export function buildVocabulary(
  texts: readonly (readonly string[])[],
  rows: ArrayLike<number>,
  size: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 1) {
    for (const word of texts[rows[i] as number] ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, Math.max(0, size - FIRST_WORD_ID));
  return new Map(words.map(([word], rank) => [word, FIRST_WORD_ID + rank]));
}

/**
 * Writes each text's ids into `x` (`length` per text). Short texts are padded with 0 at the
 * start, so a recurrent layer reads the words last, right before it answers; long texts
 * keep their first `length` words.
 */
export function encodeTexts(
  texts: readonly (readonly string[])[],
  vocabulary: ReadonlyMap<string, number>,
  length: number,
  x: Int32Array,
): void {
  texts.forEach((words, row) => {
    const kept = Math.min(words.length, length);
    const start = row * length;
    x.fill(PADDING_ID, start, start + length - kept);
    for (let i = 0; i < kept; i += 1) {
      x[start + length - kept + i] = vocabulary.get(words[i] as string) ?? UNKNOWN_ID;
    }
  });
}

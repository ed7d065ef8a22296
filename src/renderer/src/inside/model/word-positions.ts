/**
 * Which places of a text model's input hold words, and what to call each: a sentence is read
 * as word ids at the end of the input, padding (id 0) before them, so a map per place is shown
 * for the words only, named by the word when it is known ("id 57" otherwise; 1 is a word the
 * vocabulary does not have).
 */
export function wordPositions(
  ids: readonly number[],
  words?: readonly string[],
): { readonly positions: number[]; readonly names: string[] } {
  const positions = ids.flatMap((id, i) => (id === 0 ? [] : [i]));
  // The words read sit at the end of the input, after the padding.
  const first = ids.length - Math.min(words?.length ?? 0, ids.length);
  const names = positions.map((i) => {
    const word = words && i >= first ? words[i - first] : undefined;
    if (word !== undefined) return word;
    return ids[i] === 1 ? 'an unknown word' : `word id ${ids[i]}`;
  });
  return { positions, names };
}

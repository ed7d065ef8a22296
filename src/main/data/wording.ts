/** "row" for 1, "rows" for 2: the noun for a count, without the count (give the plural when it is not just +s). */
export function nounFor(count: number, word: string, many = `${word}s`): string {
  return count === 1 ? word : many;
}

/** "1 row", "2 rows": the word for a count (give the plural when it is not just +s). */
export function plural(count: number, word: string, many = `${word}s`): string {
  return count === 1 ? word : many;
}

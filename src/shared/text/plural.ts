/**
 * A count and its noun as a sentence says it: "1 layer", "3 layers", "10,000 examples".
 * The number is grouped in thousands the English way, as the rest of Neurite's text is
 * English. `many` is for nouns whose plural is not the noun plus "s" ("1 class", "2 classes").
 */
export function plural(count: number, noun: string, many = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : many}`;
}

import type { ExamplesPage, InsideExample } from '../../../../shared/inside/inside-schemas';

/** Whether the model got an example wrong (classification only). */
export function isMistake(example: InsideExample): boolean {
  return (
    example.label !== undefined &&
    example.predicted !== undefined &&
    example.label !== example.predicted
  );
}

export function formatValue(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

/** What the model answered for an example, in words: "7 (right)", "3, should be 5". */
export function answerText(example: InsideExample, page: ExamplesPage): string {
  const name = (k: number) => page.classNames?.[k] ?? String(k);
  if (example.predicted !== undefined && example.label !== undefined) {
    return isMistake(example)
      ? `${name(example.predicted)}, should be ${name(example.label)}`
      : `${name(example.predicted)} (right)`;
  }
  if (example.target) {
    return `${example.output.map(formatValue).join(', ')} (true ${example.target.map(formatValue).join(', ')})`;
  }
  return example.output.map(formatValue).join(', ');
}

/** Class probabilities from the outputs: one sigmoid output is p(class 1). */
export function classProbabilities(output: readonly number[]): number[] {
  return output.length === 1 ? [1 - output[0]!, output[0]!] : [...output];
}

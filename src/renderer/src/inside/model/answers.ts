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
  if (isRebuilt(example)) {
    return `rebuilt, error ${formatValue(reconstructionError(example))}`;
  }
  if (example.target) {
    return `${example.output.map(formatValue).join(', ')} (true ${example.target.map(formatValue).join(', ')})`;
  }
  const shown = example.output.slice(0, 4).map(formatValue).join(', ');
  return example.output.length > 4 ? `${shown}, … (${example.output.length} values)` : shown;
}

/** An autoencoder's answer: an output as large as its input, the input rebuilt. */
export function isRebuilt(example: InsideExample): boolean {
  return (
    example.label === undefined &&
    example.target === undefined &&
    example.values.length > 1 &&
    example.output.length === example.values.length
  );
}

/** How far a reconstruction is from its example: the mean squared error, as training's loss. */
export function reconstructionError(example: InsideExample): number {
  let sum = 0;
  example.output.forEach((v, i) => {
    sum += (v - example.values[i]!) ** 2;
  });
  return sum / Math.max(1, example.output.length);
}

/** Class probabilities from the outputs: one sigmoid output is p(class 1). */
export function classProbabilities(output: readonly number[]): number[] {
  return output.length === 1 ? [1 - output[0]!, output[0]!] : [...output];
}

/**
 * Whether outputs read as probabilities: each from 0 to 1, and several adding up to 1. A hinge
 * classifier's scores (around −1 and +1) do not, and are never shown as percentages.
 */
export function looksLikeProbabilities(output: readonly number[]): boolean {
  if (output.some((v) => !(v >= 0 && v <= 1))) return false;
  return output.length === 1 || Math.abs(output.reduce((a, b) => a + b, 0) - 1) < 1e-3;
}

/** A layer as the student named it on the canvas (kind and label), from its node id. */
export function layerTitle(page: Pick<ExamplesPage, 'layers'>, nodeId: string): string {
  return page.layers.find((layer) => layer.id === nodeId)?.title ?? nodeId;
}

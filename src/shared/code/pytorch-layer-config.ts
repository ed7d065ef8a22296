import type { LayerContext, WeightSource } from './pytorch-network';

/** Reading a TF.js layer's settings and naming its weights, for the PyTorch translations. */

/** A weight of the layer's node in the TF.js model, its axes reordered by `permutation`. */
export function weight(
  c: LayerContext,
  name: string,
  permutation?: readonly number[],
): WeightSource {
  return {
    kind: 'weight',
    nodeId: c.step.nodeId,
    name,
    layerSuffix: c.spec.nameSuffix ?? '',
    ...(permutation ? { permutation } : {}),
  };
}

/** A number of the layer's TF.js config. */
export function num(c: LayerContext, key: string): number {
  const value = c.spec.config[key];
  if (typeof value !== 'number') {
    throw new Error(`The TF.js layer of "${c.step.title}" has no number "${key}".`);
  }
  return value;
}

/** A word of the layer's TF.js config (an activation, a merge mode), or `fallback` if absent. */
export function word(
  config: Readonly<Record<string, unknown>>,
  key: string,
  fallback: string,
): string {
  const value = config[key] ?? fallback;
  if (typeof value !== 'string') throw new Error(`The TF.js setting "${key}" is not a word.`);
  return value;
}

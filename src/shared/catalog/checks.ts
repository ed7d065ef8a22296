import type { TensorInfo } from '../shapes/shape';
import { formatShapeTuple } from '../shapes/shape';
import { fail } from './outcome';
import type { InferOutcome } from './types';

/**
 * Input checks many kinds share. Each returns the error outcome, or undefined when the input
 * is fine, so a shape rule reads `return tokensNeedEmbedding(...) ?? ...`.
 */

/** Token ids are labels, not quantities: only an Embedding may read them. */
export function tokensNeedEmbedding(name: string, input: TensorInfo): InferOutcome | undefined {
  if (input.dtype !== 'int32') return undefined;
  return fail(
    'input.tokens',
    `${name} receives token ids ${formatShapeTuple(input.shape)}, which are word numbers rather than measurements. Put an Embedding before it to turn each token into a vector.`,
  );
}

/** The last axis must have a known size for a layer that creates weights over it. */
export function knownLastAxis(name: string, input: TensorInfo): InferOutcome | undefined {
  const last = input.shape[input.shape.length - 1];
  if (input.shape.length > 0 && last !== null) return undefined;
  return fail(
    'input.unknown-size',
    `${name} needs to know how many values arrive per position, but its input ${formatShapeTuple(input.shape)} does not say. Give the Input a fixed size.`,
  );
}

export function requireRank(
  name: string,
  input: TensorInfo,
  rank: number,
  layout: string,
  fix: string,
): InferOutcome | undefined {
  if (input.shape.length === rank) return undefined;
  return fail(
    'input.rank',
    `${name} needs a ${rank}-D input (${layout}) but receives ${formatShapeTuple(input.shape)}. ${fix}`,
  );
}

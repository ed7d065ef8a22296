import { activationKind } from './kinds/activation';
import { addKind } from './kinds/add';
import { avgPool1dKind } from './kinds/avg-pool-1d';
import { avgPool2dKind } from './kinds/avg-pool-2d';
import { batchNormKind } from './kinds/batch-norm';
import { concatenateKind } from './kinds/concatenate';
import { conv1dKind } from './kinds/conv1d';
import { conv2dKind } from './kinds/conv2d';
import { conv2dTransposeKind } from './kinds/conv2d-transpose';
import { denseKind } from './kinds/dense';
import { dropoutKind } from './kinds/dropout';
import { embeddingKind } from './kinds/embedding';
import { flattenKind } from './kinds/flatten';
import { gaussianNoiseKind } from './kinds/gaussian-noise';
import { globalAvgPool1dKind } from './kinds/global-avg-pool-1d';
import { globalAvgPool2dKind } from './kinds/global-avg-pool-2d';
import { gruKind } from './kinds/gru';
import { inputKind } from './kinds/input';
import { lstmKind } from './kinds/lstm';
import { maxPool1dKind } from './kinds/max-pool-1d';
import { maxPool2dKind } from './kinds/max-pool-2d';
import { outputKind } from './kinds/output';
import { repeatVectorKind } from './kinds/repeat-vector';
import { reshapeKind } from './kinds/reshape';
import { simpleRnnKind } from './kinds/simple-rnn';
import { upSampling2dKind } from './kinds/up-sampling-2d';
import type { LayerKind } from './types';

/** Every layer kind, in palette order within each group. */
export const LAYER_KINDS: readonly LayerKind[] = [
  inputKind,
  outputKind,
  denseKind,
  activationKind,
  flattenKind,
  reshapeKind,
  embeddingKind,
  repeatVectorKind,
  conv1dKind,
  conv2dKind,
  maxPool1dKind,
  maxPool2dKind,
  avgPool1dKind,
  avgPool2dKind,
  globalAvgPool1dKind,
  globalAvgPool2dKind,
  upSampling2dKind,
  conv2dTransposeKind,
  simpleRnnKind,
  lstmKind,
  gruKind,
  addKind,
  concatenateKind,
  dropoutKind,
  gaussianNoiseKind,
  batchNormKind,
];

const BY_KIND: ReadonlyMap<string, LayerKind> = new Map(LAYER_KINDS.map((k) => [k.kind, k]));

export function findKind(kind: string): LayerKind | undefined {
  return BY_KIND.get(kind);
}

export function kindNames(): string[] {
  return LAYER_KINDS.map((k) => k.kind);
}

import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../../../../shared/catalog/activations';
import { writeActivation } from './activations';
import type { LayerConversion, LayerConverter } from './layer-conversion';
import { onlyInput, optionalWeightOf, weightOf } from './layer-conversion';
import { fromChannelsFirst, toChannelsFirst } from './layout';
import { DATA_TYPE } from './onnx-schema';

/** An activation named in a layer's config, or the refusal that names it. */
export function activate(conversion: LayerConversion, x: string, activation: unknown): string {
  const name = typeof activation === 'string' ? activation : 'linear';
  const written = writeActivation(conversion.graph, x, name, conversion.prefix);
  if (written !== undefined) return written;
  return conversion.refuse(`the activation ${name}`, 'ReLU, sigmoid or tanh');
}

/** Dense: x · kernel + bias along the last axis (MatMul broadcasts over any leading axes). */
const dense: LayerConverter = (conversion) => {
  const { graph, prefix } = conversion;
  const kernel = weightOf(conversion, 'kernel');
  let y = graph.op(
    'MatMul',
    [onlyInput(conversion).name, graph.weight(`${prefix}/kernel`, kernel.values, kernel.shape)],
    `${prefix}/MatMul`,
  );
  const bias = optionalWeightOf(conversion, 'bias');
  if (bias) {
    y = graph.op(
      'Add',
      [y, graph.weight(`${prefix}/bias`, bias.values, bias.shape)],
      `${prefix}/bias_add`,
    );
  }
  return activate(conversion, y, conversion.config['activation']);
};

const activation: LayerConverter = (conversion) =>
  activate(conversion, onlyInput(conversion).name, conversion.config['activation']);

/** Neurite's binary step: 1 where x ≥ 0, else 0. */
const step: LayerConverter = ({ graph, prefix, inputs }) => {
  const atLeastZero = graph.op(
    'GreaterOrEqual',
    [inputs[0]!.name, graph.scalar(`${prefix}/zero`, 0)],
    `${prefix}/at_least_zero`,
  );
  return graph.op('Cast', [atLeastZero], `${prefix}/step`, { to: DATA_TYPE.float32 });
};

/** Neurite's hard tanh: x clipped to [-1, 1]. */
const hardTanh: LayerConverter = ({ graph, prefix, inputs }) =>
  graph.op(
    'Clip',
    [inputs[0]!.name, graph.scalar(`${prefix}/min`, -1), graph.scalar(`${prefix}/max`, 1)],
    `${prefix}/hard_tanh`,
  );

const leakyRelu: LayerConverter = ({ graph, prefix, inputs, config }) =>
  graph.op('LeakyRelu', [inputs[0]!.name], `${prefix}/leaky_relu`, {
    alpha: { float: Number(config['alpha']) },
  });

/** PReLU: a learned slope per element, broadcast over the batch. */
const prelu: LayerConverter = (conversion) => {
  const { graph, prefix } = conversion;
  const alpha = weightOf(conversion, 'alpha');
  return graph.op(
    'PRelu',
    [onlyInput(conversion).name, graph.weight(`${prefix}/alpha`, alpha.values, alpha.shape)],
    `${prefix}/prelu`,
  );
};

/** Dropout and noise act only while training: the model passes values on unchanged. */
const identity: LayerConverter = ({ graph, prefix, inputs }) =>
  graph.op('Identity', [inputs[0]!.name], `${prefix}/identity`);

/** Flatten keeps TF.js' channels-last order, so the next Dense's weights fit as they are. */
const flatten: LayerConverter = ({ graph, prefix, inputs }) =>
  graph.op('Flatten', [inputs[0]!.name], `${prefix}/flatten`, { axis: 1 });

const reshape: LayerConverter = ({ graph, prefix, inputs, outputShape }) =>
  graph.op(
    'Reshape',
    // 0 keeps the batch size as it comes.
    [
      inputs[0]!.name,
      graph.ints(`${prefix}/shape`, [0, ...outputShape.slice(1).map((d) => d ?? -1)]),
    ],
    `${prefix}/reshape`,
  );

const add: LayerConverter = ({ graph, prefix, inputs }) =>
  inputs
    .slice(1)
    .reduce((sum, input) => graph.op('Add', [sum, input.name], `${prefix}/add`), inputs[0]!.name);

const concatenate: LayerConverter = ({ graph, prefix, inputs, config }) =>
  graph.op(
    'Concat',
    inputs.map((input) => input.name),
    `${prefix}/concat`,
    {
      axis: Number(config['axis'] ?? -1),
    },
  );

/** RepeatVector: (batch, features) → (batch, n, features). */
const repeatVector: LayerConverter = ({ graph, prefix, inputs, config }) => {
  const withStep = graph.op(
    'Unsqueeze',
    [inputs[0]!.name, graph.ints(`${prefix}/axes`, [1])],
    `${prefix}/unsqueeze`,
  );
  return graph.op(
    'Tile',
    [withStep, graph.ints(`${prefix}/repeats`, [1, Number(config['n']), 1])],
    `${prefix}/repeat`,
  );
};

/** Embedding: each token's row of the table (tokens as integers, as TF.js reads them). */
const embedding: LayerConverter = (conversion) => {
  const { graph, prefix } = conversion;
  const table = weightOf(conversion, 'embeddings');
  const tokens = graph.op('Cast', [onlyInput(conversion).name], `${prefix}/tokens`, {
    to: DATA_TYPE.int64,
  });
  return graph.op(
    'Gather',
    [graph.weight(`${prefix}/embeddings`, table.values, table.shape), tokens],
    `${prefix}/lookup`,
    { axis: 0 },
  );
};

/**
 * BatchNormalization with its moving statistics (inference). ONNX normalizes along axis 1,
 * TF.js along the last: a channels-last input is turned around it.
 */
const batchNormalization: LayerConverter = (conversion) => {
  const { graph, prefix, config } = conversion;
  const input = onlyInput(conversion);
  const channels = input.shape[input.shape.length - 1]!;
  const stat = (role: string, fallback: number) => {
    const weight = optionalWeightOf(conversion, role);
    return weight
      ? graph.weight(`${prefix}/${role}`, weight.values, weight.shape)
      : graph.weight(`${prefix}/${role}`, new Float32Array(channels).fill(fallback), [channels]);
  };
  const x = toChannelsFirst(graph, input, prefix);
  const normalized = graph.op(
    'BatchNormalization',
    [x, stat('gamma', 1), stat('beta', 0), stat('moving_mean', 0), stat('moving_variance', 1)],
    `${prefix}/batch_norm`,
    { epsilon: { float: Number(config['epsilon']) } },
  );
  return fromChannelsFirst(graph, normalized, input.shape.length, prefix);
};

export const CORE_CONVERTERS: Readonly<Record<string, LayerConverter>> = {
  Dense: dense,
  Activation: activation,
  [STEP_LAYER_CLASS]: step,
  [HARD_TANH_LAYER_CLASS]: hardTanh,
  LeakyReLU: leakyRelu,
  PReLU: prelu,
  Dropout: identity,
  GaussianNoise: identity,
  GaussianDropout: identity,
  Flatten: flatten,
  Reshape: reshape,
  Add: add,
  Concatenate: concatenate,
  RepeatVector: repeatVector,
  Embedding: embedding,
  BatchNormalization: batchNormalization,
};

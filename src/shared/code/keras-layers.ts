import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../catalog/activations';
import type { TfLayerSpec } from '../catalog/types';
import { pythonNumber, pythonString, pythonValue } from './python-source';

/**
 * One TF.js layer spec of the catalog as a Keras 3 layer call: `layers.Dense(units=4, …)`.
 * TF.js took its layers and their settings from Keras, so each setting has a Keras argument;
 * the tables below give its Keras 3 name and Keras' default, and only the settings that differ
 * from that default are written, as the course notes write them.
 */

/** Neurite's own activations, which Keras lacks, as the Python functions the code defines. */
export const NEURITE_ACTIVATION_FUNCTIONS: Readonly<
  Record<string, { readonly name: string; readonly what: string; readonly body: string }>
> = {
  [STEP_LAYER_CLASS]: {
    name: 'binary_step',
    what: "Neurite's binary step (Heaviside): 1 where x >= 0, else 0",
    body: 'return keras.ops.cast(keras.ops.greater_equal(x, 0.0), "float32")',
  },
  [HARD_TANH_LAYER_CLASS]: {
    name: 'hard_tanh',
    what: "Neurite's hard tanh: x clipped to the range -1 to 1",
    body: 'return keras.ops.clip(x, -1.0, 1.0)',
  },
};

/** A layer call, apart from the name: what goes between `layers.X(` and `name=…)`. */
export interface KerasLayerCall {
  /** `layers.Dense` */
  readonly callee: string;
  /** For a wrapper (Bidirectional): the layer it wraps, its first argument, unnamed. */
  readonly wraps?: KerasLayerCall;
  /** `keyword=value`, in the order Keras documents them (after the wrapped layer). */
  readonly args: readonly string[];
  /** Why the call has an argument a student would not expect, for a comment above it. */
  readonly note?: string;
}

interface Setting {
  /** The TF.js (camelCase) config key. */
  readonly tfjs: string;
  /** The Keras 3 argument. */
  readonly keras: string;
  /** True when the value is Keras' default, so the argument is left out; absent: always written. */
  readonly isDefault?: (value: unknown, config: Readonly<Record<string, unknown>>) => boolean;
  readonly write?: (value: unknown) => string;
}

interface LayerRule {
  readonly keras: string;
  readonly settings: readonly Setting[];
  /** Arguments Keras needs to compute what TF.js computes, which TF.js has no setting for. */
  readonly fixed?: readonly string[];
  readonly note?: string;
}

const equal = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const is =
  (expected: unknown) =>
  (value: unknown): boolean =>
    equal(value, expected);
/** 1 for one axis, [1, 1] for two: "every axis is this size". */
const allAre =
  (size: number) =>
  (value: unknown): boolean =>
    Array.isArray(value) ? value.every((v) => v === size) : value === size;

const INITIALIZER_NAMES: Readonly<Record<string, string>> = {
  GlorotUniform: 'glorot_uniform',
  GlorotNormal: 'glorot_normal',
  HeUniform: 'he_uniform',
  HeNormal: 'he_normal',
  Zeros: 'zeros',
  Ones: 'ones',
  Orthogonal: 'orthogonal',
};

/** An initializer, `{className, config}` in TF.js form, as Keras writes it. */
function initializer(value: unknown): string {
  const { className, config } = value as TfLayerSpec;
  const named = INITIALIZER_NAMES[className];
  if (named) return pythonString(named);
  const keywords = Object.entries(config).map(([k, v]) => `${k}=${pythonNumber(v as number)}`);
  if (!['Constant', 'RandomUniform', 'RandomNormal'].includes(className)) {
    throw new Error(`Neurite cannot write the initializer ${className} as Keras code.`);
  }
  return `keras.initializers.${className}(${keywords.join(', ')})`;
}

/** TF.js' L1L2 as Keras' L1, L2 or, for both (elastic net), L1L2. */
function regularizer(value: unknown): string {
  const { l1, l2 } = (value as TfLayerSpec).config as { l1: number; l2: number };
  if (l2 === 0) return `keras.regularizers.L1(${pythonNumber(l1)})`;
  if (l1 === 0) return `keras.regularizers.L2(${pythonNumber(l2)})`;
  return `keras.regularizers.L1L2(l1=${pythonNumber(l1)}, l2=${pythonNumber(l2)})`;
}

const initializerIs = (className: string, config: Record<string, unknown> = {}) =>
  is({ className, config });

const activation = (kerasDefault: string): Setting => ({
  tfjs: 'activation',
  keras: 'activation',
  isDefault: is(kerasDefault),
});

/** Settings Dense, the convolutions and the recurrent layers share, in Keras' order. */
const useBias: Setting = { tfjs: 'useBias', keras: 'use_bias', isDefault: is(true) };
const kernelInitializer: Setting = {
  tfjs: 'kernelInitializer',
  keras: 'kernel_initializer',
  isDefault: initializerIs('GlorotUniform'),
  write: initializer,
};
const biasInitializer: Setting = {
  tfjs: 'biasInitializer',
  keras: 'bias_initializer',
  isDefault: initializerIs('Zeros'),
  write: initializer,
};
const kernelRegularizer: Setting = {
  tfjs: 'kernelRegularizer',
  keras: 'kernel_regularizer',
  isDefault: is(undefined),
  write: regularizer,
};
const padding: Setting = { tfjs: 'padding', keras: 'padding', isDefault: is('valid') };

const convolution = (strides: Setting[]): readonly Setting[] => [
  { tfjs: 'filters', keras: 'filters' },
  { tfjs: 'kernelSize', keras: 'kernel_size' },
  ...strides,
  padding,
  { tfjs: 'dilationRate', keras: 'dilation_rate', isDefault: allAre(1) },
  activation('linear'),
  useBias,
  kernelInitializer,
  biasInitializer,
  kernelRegularizer,
];

const pooling: readonly Setting[] = [
  { tfjs: 'poolSize', keras: 'pool_size', isDefault: allAre(2) },
  // Keras' strides default to the pool size, as Neurite's do.
  {
    tfjs: 'strides',
    keras: 'strides',
    isDefault: (value, config) => equal(value, config['poolSize']),
  },
  padding,
];

function recurrent(cell: 'SimpleRNN' | 'LSTM' | 'GRU'): LayerRule {
  return {
    keras: cell,
    settings: [
      { tfjs: 'units', keras: 'units' },
      activation('tanh'),
      ...(cell === 'SimpleRNN'
        ? []
        : [
            {
              tfjs: 'recurrentActivation',
              keras: 'recurrent_activation',
              isDefault: is('sigmoid'),
            },
          ]),
      useBias,
      kernelInitializer,
      {
        tfjs: 'recurrentInitializer',
        keras: 'recurrent_initializer',
        isDefault: initializerIs('Orthogonal'),
        write: initializer,
      },
      biasInitializer,
      ...(cell === 'LSTM'
        ? [{ tfjs: 'unitForgetBias', keras: 'unit_forget_bias', isDefault: is(true) }]
        : []),
      kernelRegularizer,
      {
        tfjs: 'recurrentRegularizer',
        keras: 'recurrent_regularizer',
        isDefault: is(undefined),
        write: regularizer,
      },
      { tfjs: 'dropout', keras: 'dropout', isDefault: is(0) },
      { tfjs: 'recurrentDropout', keras: 'recurrent_dropout', isDefault: is(0) },
      { tfjs: 'returnSequences', keras: 'return_sequences', isDefault: is(false) },
    ],
    ...(cell === 'GRU'
      ? {
          fixed: ['reset_after=False'],
          note: "reset_after=False: the GRU Neurite trains (TensorFlow.js' only kind) applies the reset gate before the step-to-step weights",
        }
      : {}),
  };
}

const RULES: Readonly<Record<string, LayerRule>> = {
  Dense: {
    keras: 'Dense',
    settings: [
      { tfjs: 'units', keras: 'units' },
      activation('linear'),
      useBias,
      kernelInitializer,
      biasInitializer,
      kernelRegularizer,
    ],
  },
  Conv1D: {
    keras: 'Conv1D',
    settings: convolution([{ tfjs: 'strides', keras: 'strides', isDefault: allAre(1) }]),
  },
  Conv2D: {
    keras: 'Conv2D',
    settings: convolution([{ tfjs: 'strides', keras: 'strides', isDefault: allAre(1) }]),
  },
  Conv2DTranspose: {
    keras: 'Conv2DTranspose',
    settings: convolution([{ tfjs: 'strides', keras: 'strides', isDefault: allAre(1) }]).filter(
      (s) => s.tfjs !== 'dilationRate',
    ),
  },
  MaxPooling1D: { keras: 'MaxPooling1D', settings: pooling },
  MaxPooling2D: { keras: 'MaxPooling2D', settings: pooling },
  AveragePooling1D: { keras: 'AveragePooling1D', settings: pooling },
  AveragePooling2D: { keras: 'AveragePooling2D', settings: pooling },
  GlobalAveragePooling1D: { keras: 'GlobalAveragePooling1D', settings: [] },
  GlobalAveragePooling2D: { keras: 'GlobalAveragePooling2D', settings: [] },
  BatchNormalization: {
    keras: 'BatchNormalization',
    settings: [
      { tfjs: 'axis', keras: 'axis', isDefault: is(-1) },
      { tfjs: 'momentum', keras: 'momentum', isDefault: is(0.99) },
      { tfjs: 'epsilon', keras: 'epsilon', isDefault: is(0.001) },
    ],
  },
  Dropout: { keras: 'Dropout', settings: [{ tfjs: 'rate', keras: 'rate' }] },
  GaussianNoise: { keras: 'GaussianNoise', settings: [{ tfjs: 'stddev', keras: 'stddev' }] },
  Flatten: { keras: 'Flatten', settings: [] },
  Reshape: { keras: 'Reshape', settings: [{ tfjs: 'targetShape', keras: 'target_shape' }] },
  Embedding: {
    keras: 'Embedding',
    settings: [
      { tfjs: 'inputDim', keras: 'input_dim' },
      { tfjs: 'outputDim', keras: 'output_dim' },
      {
        tfjs: 'embeddingsInitializer',
        keras: 'embeddings_initializer',
        // Keras' "uniform": between -0.05 and 0.05.
        isDefault: initializerIs('RandomUniform', { minval: -0.05, maxval: 0.05 }),
        write: initializer,
      },
      {
        tfjs: 'embeddingsRegularizer',
        keras: 'embeddings_regularizer',
        isDefault: is(undefined),
        write: regularizer,
      },
    ],
  },
  SimpleRNN: recurrent('SimpleRNN'),
  LSTM: recurrent('LSTM'),
  GRU: recurrent('GRU'),
  Bidirectional: {
    keras: 'Bidirectional',
    settings: [{ tfjs: 'mergeMode', keras: 'merge_mode', isDefault: is('concat') }],
  },
  RepeatVector: { keras: 'RepeatVector', settings: [{ tfjs: 'n', keras: 'n' }] },
  UpSampling2D: {
    keras: 'UpSampling2D',
    settings: [{ tfjs: 'size', keras: 'size', isDefault: allAre(2) }],
  },
  Add: { keras: 'Add', settings: [] },
  Concatenate: {
    keras: 'Concatenate',
    settings: [{ tfjs: 'axis', keras: 'axis', isDefault: is(-1) }],
  },
  Activation: { keras: 'Activation', settings: [{ tfjs: 'activation', keras: 'activation' }] },
  LeakyReLU: {
    keras: 'LeakyReLU',
    settings: [{ tfjs: 'alpha', keras: 'negative_slope', isDefault: is(0.3) }],
  },
  PReLU: { keras: 'PReLU', settings: [] },
};

/** The Keras call for a TF.js layer spec (not an InputLayer, which becomes keras.Input). */
export function kerasLayerCall(spec: TfLayerSpec): KerasLayerCall {
  const own = NEURITE_ACTIVATION_FUNCTIONS[spec.className];
  if (own) {
    return {
      callee: 'layers.Activation',
      args: [`activation=${own.name}`],
      note: `${own.what}; Keras has no such layer, so ${own.name} is defined at the top of this file`,
    };
  }
  const rule = RULES[spec.className];
  if (!rule) throw new Error(`Neurite cannot write a ${spec.className} layer as Keras code.`);
  const known = new Set(rule.settings.map((s) => s.tfjs));
  const unknown = Object.keys(spec.config).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new Error(
      `Neurite cannot write the ${unknown.join(', ')} setting of a ${spec.className} layer as Keras code.`,
    );
  }
  // Keras names a wrapped layer itself.
  const inner = spec.wrapped ? kerasLayerCall(spec.wrapped) : undefined;
  const keywords = rule.settings
    .filter((s) => !s.isDefault?.(spec.config[s.tfjs], spec.config))
    .map((s) => `${s.keras}=${(s.write ?? pythonValue)(spec.config[s.tfjs])}`);
  const note = rule.note ?? inner?.note;
  return {
    callee: `layers.${rule.keras}`,
    ...(inner ? { wraps: inner } : {}),
    args: [...keywords, ...(rule.fixed ?? [])],
    ...(note ? { note } : {}),
  };
}

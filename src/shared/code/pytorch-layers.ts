import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../catalog/activations';
import type { Padding } from '../shapes/window-arithmetic';
import { transposedWindowLength } from '../shapes/window-arithmetic';
import type { LayerContext, LayerResult, PyValue } from './pytorch-network';
import { num, weight, word } from './pytorch-layer-config';
import { translateRecurrent } from './pytorch-recurrent';
import { PytorchUnsupportedError } from './pytorch-unsupported';
import { pythonNumber, pythonTuple } from './python-source';
import type { AxisPadding } from './tf-padding';
import { isSymmetric, padArgument, windowPadding } from './tf-padding';

/**
 * Each TF.js layer class Neurite builds, as PyTorch: the attribute it becomes, the expression
 * forward computes, and where its weights go. Keras keeps channels last; PyTorch's spatial
 * layers want them first, so those layers take their input channels-first and hand their
 * output on that way, and the layers that care (Dense, Flatten, recurrent layers) move the
 * channels back.
 */
type Translation = (context: LayerContext, inputs: readonly PyValue[]) => LayerResult;

/** The PyTorch for one of a step's TF.js layers, given the values reaching it. */
export function translateLayer(context: LayerContext, inputs: readonly PyValue[]): LayerResult {
  const translate = TRANSLATIONS[context.spec.className];
  if (!translate) {
    throw new PytorchUnsupportedError(
      context.step.nodeId,
      `is built from the TF.js layer ${context.spec.className}`,
    );
  }
  return translate(context, inputs);
}

const TRANSLATIONS: Readonly<Record<string, Translation>> = {
  Dense: dense,
  Conv1D: convolution,
  Conv2D: convolution,
  Conv2DTranspose: transposedConvolution,
  MaxPooling1D: maxPooling,
  MaxPooling2D: maxPooling,
  AveragePooling1D: averagePooling,
  AveragePooling2D: averagePooling,
  GlobalAveragePooling1D: globalAveragePooling,
  GlobalAveragePooling2D: globalAveragePooling,
  UpSampling2D: upSampling,
  BatchNormalization: batchNorm,
  Dropout: (c, [x]) =>
    sameLayout(
      x!,
      `${c.addModule(`nn.Dropout(${pythonNumber(num(c, 'rate'))})`, [])}(${x!.expression})`,
    ),
  GaussianNoise: (c, [x]) => {
    c.use('GaussianNoise');
    const module = c.addModule(`GaussianNoise(${pythonNumber(num(c, 'stddev'))})`, []);
    return sameLayout(x!, `${module}(${x!.expression})`);
  },
  Flatten: (c, [x]) => last(c, `torch.flatten(${c.inLayout(x!, 'last')}, 1)`),
  Reshape: (c, [x]) =>
    last(c, `${c.inLayout(x!, 'last')}.reshape(-1, ${c.step.output.shape.join(', ')})`),
  Embedding: (c, [x]) => {
    const [vocabulary, dim] = [num(c, 'inputDim'), num(c, 'outputDim')];
    const module = c.addModule(`nn.Embedding(${vocabulary}, ${dim})`, [
      { name: 'weight', shape: [vocabulary, dim], source: weight(c, 'embeddings') },
    ]);
    return { value: lastValue(c, `${module}(${x!.expression})`) };
  },
  RepeatVector: (c, [x]) => ({
    value: lastValue(c, `${x!.expression}.unsqueeze(1).repeat(1, ${num(c, 'n')}, 1)`),
  }),
  Add: (c, values) => {
    const layout = values[0]!.layout;
    return {
      value: { ...values[0]!, expression: values.map((v) => c.inLayout(v, layout)).join(' + ') },
    };
  },
  Concatenate: (c, values) => {
    const layout = values[0]!.layout;
    const joined = values.map((v) => c.inLayout(v, layout)).join(', ');
    const dim = layout === 'first' && values[0]!.shape.length >= 2 ? 1 : -1;
    return {
      value: {
        layout,
        shape: c.step.output.shape.map(Number),
        expression: `torch.cat([${joined}], dim=${dim})`,
      },
    };
  },
  Activation: (c, [x]) =>
    sameLayout(x!, activate(c, x!, word(c.spec.config, 'activation', 'linear'))),
  LeakyReLU: (c, [x]) =>
    sameLayout(x!, `F.leaky_relu(${x!.expression}, ${pythonNumber(num(c, 'alpha'))})`),
  PReLU: preluLayer,
  [STEP_LAYER_CLASS]: (c, [x]) => {
    const helper = c.perceptron ? 'perceptron_step' : 'binary_step';
    c.use(helper);
    return sameLayout(x!, `${helper}(${x!.expression})`);
  },
  [HARD_TANH_LAYER_CLASS]: (_c, [x]) => sameLayout(x!, `F.hardtanh(${x!.expression})`),
  SimpleRNN: translateRecurrent,
  LSTM: translateRecurrent,
  GRU: translateRecurrent,
  Bidirectional: translateRecurrent,
};

function dense(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const features = x!.shape[x!.shape.length - 1]!;
  const units = num(c, 'units');
  const bias = c.spec.config['useBias'] !== false;
  const module = c.addModule(`nn.Linear(${features}, ${units}${bias ? '' : ', bias=False'})`, [
    { name: 'weight', shape: [units, features], source: weight(c, 'kernel', [1, 0]) },
    ...biasEntry(c, bias, units),
  ]);
  const value = lastValue(c, `${module}(${c.inLayout(x!, 'last')})`);
  return { value: { ...value, expression: activate(c, value, inlineActivation(c)) } };
}

/** Conv1D and Conv2D: PyTorch's kernel is (filters, channels, height, width). */
function convolution(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const axes = x!.shape.length - 1;
  const kernel = perAxis(c, 'kernelSize', axes);
  const strides = perAxis(c, 'strides', axes);
  const dilation = perAxis(c, 'dilationRate', axes);
  const channels = x!.shape[axes]!;
  const filters = num(c, 'filters');
  const bias = c.spec.config['useBias'] !== false;
  const padding = x!.shape
    .slice(0, axes)
    .map((size, axis) =>
      windowPadding(size, kernel[axis]!, strides[axis]!, paddingMode(c), dilation[axis]),
    );
  const symmetric = isSymmetric(padding);
  const args = [
    `${channels}`,
    `${filters}`,
    `kernel_size=${sizes(kernel)}`,
    ...(strides.some((s) => s !== 1) ? [`stride=${sizes(strides)}`] : []),
    ...(symmetric && padding.some((p) => p.before > 0)
      ? [`padding=${sizes(padding.map((p) => p.before))}`]
      : []),
    ...(dilation.some((d) => d !== 1) ? [`dilation=${sizes(dilation)}`] : []),
    ...(bias ? [] : ['bias=False']),
  ];
  const module = c.addModule(`nn.Conv${axes}d(${args.join(', ')})`, [
    {
      name: 'weight',
      shape: [filters, channels, ...kernel],
      // Keras: (kernel…, channels, filters).
      source: weight(c, 'kernel', axes === 1 ? [2, 1, 0] : [3, 2, 0, 1]),
    },
    ...biasEntry(c, bias, filters),
  ]);
  const input = c.inLayout(x!, 'first');
  const padded = symmetric ? input : `F.pad(${input}, ${pythonTuple(padArgument(padding))})`;
  const value = firstValue(c, `${module}(${padded})`);
  return {
    value: { ...value, expression: activate(c, value, inlineActivation(c)) },
    ...(symmetric ? {} : { comment: UNEVEN_PADDING }),
  };
}

const UNEVEN_PADDING = '"same" padding as TensorFlow does it: more at the end than at the start';

/**
 * Conv2DTranspose. Keras keeps its kernel as (height, width, filters, channels); PyTorch's
 * ConvTranspose2d as (channels, filters, height, width). Both crop the full result as
 * TensorFlow's "same" padding does where PyTorch's padding and output_padding can say it;
 * otherwise forward crops it.
 */
function transposedConvolution(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const kernel = perAxis(c, 'kernelSize', 2);
  const strides = perAxis(c, 'strides', 2);
  const channels = x!.shape[2]!;
  const filters = num(c, 'filters');
  const bias = c.spec.config['useBias'] !== false;
  const mode = paddingMode(c);
  const full = [0, 1].map((axis) => (x!.shape[axis]! - 1) * strides[axis]! + kernel[axis]!);
  const wanted = [0, 1].map((axis) =>
    transposedWindowLength(x!.shape[axis]!, kernel[axis]!, strides[axis]!, mode)!,
  );
  // TensorFlow drops `before` values of the full result at the start and keeps `wanted`.
  const before = [0, 1].map((axis) =>
    mode === 'same' ? Math.floor(Math.max(full[axis]! - wanted[axis]!, 0) / 2) : 0,
  );
  // PyTorch drops `padding` at both ends, then adds `output_padding` back at the end.
  const outputPadding = [0, 1].map((axis) => wanted[axis]! - (full[axis]! - 2 * before[axis]!));
  const fits = outputPadding.every((p, axis) => p >= 0 && p < strides[axis]!);
  const args = [
    `${channels}`,
    `${filters}`,
    `kernel_size=${sizes(kernel)}`,
    ...(strides.some((s) => s !== 1) ? [`stride=${sizes(strides)}`] : []),
    ...(fits && before.some((p) => p > 0) ? [`padding=${sizes(before)}`] : []),
    ...(fits && outputPadding.some((p) => p > 0) ? [`output_padding=${sizes(outputPadding)}`] : []),
    ...(bias ? [] : ['bias=False']),
  ];
  const module = c.addModule(`nn.ConvTranspose2d(${args.join(', ')})`, [
    {
      name: 'weight',
      shape: [channels, filters, ...kernel],
      source: weight(c, 'kernel', [3, 2, 0, 1]),
    },
    ...biasEntry(c, bias, filters),
  ]);
  let expression = `${module}(${c.inLayout(x!, 'first')})`;
  let comment: string | undefined;
  if (!fits) {
    const crop = [0, 1].map((axis) => `${before[axis]}:${before[axis]! + wanted[axis]!}`);
    expression = `${expression}[:, :, ${crop.join(', ')}]`;
    comment = 'keeps the part TensorFlow\'s "same" padding keeps';
  }
  const value = firstValue(c, expression);
  return {
    value: { ...value, expression: activate(c, value, inlineActivation(c)) },
    ...(comment ? { comment } : {}),
  };
}

function maxPooling(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const { axes, window, strides, padding } = poolGeometry(c, x!);
  const symmetric = isSymmetric(padding);
  const args = [
    `kernel_size=${sizes(window)}`,
    ...(sameNumbers(strides, window) ? [] : [`stride=${sizes(strides)}`]),
    ...(symmetric && padding.some((p) => p.before > 0)
      ? [`padding=${sizes(padding.map((p) => p.before))}`]
      : []),
  ];
  const module = c.addModule(`nn.MaxPool${axes}d(${args.join(', ')})`, []);
  const input = c.inLayout(x!, 'first');
  // Padding with -inf, as PyTorch's own padding does: a maximum never picks it.
  const padded = symmetric
    ? input
    : `F.pad(${input}, ${pythonTuple(padArgument(padding))}, value=float('-inf'))`;
  return {
    value: firstValue(c, `${module}(${padded})`),
    ...(symmetric ? {} : { comment: UNEVEN_PADDING }),
  };
}

function averagePooling(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const { axes, window, strides, padding } = poolGeometry(c, x!);
  const input = c.inLayout(x!, 'first');
  if (!isSymmetric(padding)) {
    c.use('AveragePoolSame');
    const module = c.addModule(
      `AveragePoolSame(${pythonTuple(window)}, ${pythonTuple(strides)}, ${pythonTuple(padArgument(padding))})`,
      [],
    );
    return { value: firstValue(c, `${module}(${input})`) };
  }
  const padded = padding.some((p) => p.before > 0);
  const args = [
    `kernel_size=${sizes(window)}`,
    ...(sameNumbers(strides, window) ? [] : [`stride=${sizes(strides)}`]),
    // TensorFlow averages only the values that are really there, not the padding.
    ...(padded
      ? [`padding=${sizes(padding.map((p) => p.before))}`, 'count_include_pad=False']
      : []),
  ];
  const module = c.addModule(`nn.AvgPool${axes}d(${args.join(', ')})`, []);
  return { value: firstValue(c, `${module}(${input})`) };
}

function poolGeometry(c: LayerContext, x: PyValue) {
  const axes = x.shape.length - 1;
  const window = perAxis(c, 'poolSize', axes);
  const strides = perAxis(c, 'strides', axes);
  const padding: AxisPadding[] = x.shape
    .slice(0, axes)
    .map((size, axis) => windowPadding(size, window[axis]!, strides[axis]!, paddingMode(c)));
  return { axes, window, strides, padding };
}

/** The mean over every position, per channel, wherever the channels are. */
function globalAveragePooling(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const axes = x!.shape.length - 1;
  const first = x!.layout === 'first';
  const dims = Array.from({ length: axes }, (_, i) => i + (first ? 2 : 1));
  const dim = dims.length === 1 ? `${dims[0]}` : pythonTuple(dims);
  return {
    value: lastValue(c, `${x!.expression}.mean(dim=${dim})`),
  };
}

function upSampling(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const size = perAxis(c, 'size', 2);
  const module = c.addModule(`nn.Upsample(scale_factor=${pythonTuple(size)}, mode='nearest')`, []);
  return { value: firstValue(c, `${module}(${c.inLayout(x!, 'first')})`) };
}

/**
 * Batch normalization over the last axis, as Keras does. PyTorch's momentum is the weight of
 * the new batch (Keras': of the old average), so 0.99 in Keras is 0.01 here.
 */
function batchNorm(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const rank = x!.shape.length;
  const channels = x!.shape[rank - 1]!;
  // 1 − 0.99 is 0.010000000000000009 in floating point: write the 0.01 a person would.
  const momentum = pythonNumber(Number((1 - num(c, 'momentum')).toPrecision(12)));
  const epsilon = pythonNumber(num(c, 'epsilon'));
  const module = c.addModule(
    `nn.BatchNorm${rank === 3 ? 2 : 1}d(${channels}, eps=${epsilon}, momentum=${momentum})`,
    [
      { name: 'weight', shape: [channels], source: weight(c, 'gamma') },
      { name: 'bias', shape: [channels], source: weight(c, 'beta') },
      { name: 'running_mean', shape: [channels], source: weight(c, 'moving_mean') },
      { name: 'running_var', shape: [channels], source: weight(c, 'moving_variance') },
      { name: 'num_batches_tracked', shape: [], dtype: 'int64', source: { kind: 'count' } },
    ],
  );
  if (rank === 1) return sameLayout(x!, `${module}(${x!.expression})`);
  return { value: firstValue(c, `${module}(${c.inLayout(x!, 'first')})`) };
}

/**
 * PReLU with a slope per value, laid out like the value it meets: channels first after a
 * convolution.
 */
function preluLayer(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  c.use('ElementwisePReLU');
  const shape = x!.shape;
  const first = x!.layout === 'first' && shape.length >= 2;
  const rank = shape.length;
  const permutation = first
    ? [rank - 1, ...Array.from({ length: rank - 1 }, (_, i) => i)]
    : Array.from({ length: rank }, (_, i) => i);
  const torchShape = permutation.map((axis) => shape[axis]!);
  const module = c.addModule(`ElementwisePReLU(${torchShape.join(', ')})`, [
    {
      name: 'weight',
      shape: torchShape,
      source: weight(c, 'alpha', first ? permutation : undefined),
    },
  ]);
  return sameLayout(x!, `${module}(${x!.expression})`);
}

/** A built-in activation applied to a value, as a function of it. */
function activate(c: LayerContext, x: PyValue, activation: string): string {
  const e = x.expression;
  switch (activation) {
    case 'linear':
      return e;
    case 'relu':
      return `torch.relu(${e})`;
    case 'sigmoid':
      return `torch.sigmoid(${e})`;
    case 'tanh':
      return `torch.tanh(${e})`;
    case 'elu':
      return `F.elu(${e})`;
    case 'selu':
      return `F.selu(${e})`;
    case 'softmax':
      // Over the last axis as Keras, which is the second while the channels are first.
      return `torch.softmax(${e}, dim=${x.layout === 'first' && x.shape.length >= 2 ? 1 : -1})`;
    default:
      throw new PytorchUnsupportedError(c.step.nodeId, `uses the activation ${activation}`);
  }
}

function inlineActivation(c: LayerContext): string {
  return word(c.spec.config, 'activation', 'linear');
}

function sameLayout(x: PyValue, expression: string): LayerResult {
  return { value: { ...x, expression } };
}

function lastValue(c: LayerContext, expression: string): PyValue {
  return { expression, layout: 'last', shape: c.step.output.shape.map(Number) };
}

function firstValue(c: LayerContext, expression: string): PyValue {
  return { expression, layout: 'first', shape: c.step.output.shape.map(Number) };
}

function last(c: LayerContext, expression: string): LayerResult {
  return { value: lastValue(c, expression) };
}

function biasEntry(c: LayerContext, bias: boolean, size: number) {
  return bias ? [{ name: 'bias', shape: [size], source: weight(c, 'bias') }] : [];
}

/** A size given once for every axis (`3`) or per axis (`[3, 5]`), per axis. */
function perAxis(c: LayerContext, key: string, axes: number): number[] {
  const value = c.spec.config[key];
  if (typeof value === 'number') return Array<number>(axes).fill(value);
  if (Array.isArray(value) && value.length === axes) return value.map(Number);
  throw new Error(`The TF.js layer of "${c.step.title}" has no "${key}" for ${axes} axes.`);
}

function paddingMode(c: LayerContext): Padding {
  return c.spec.config['padding'] === 'same' ? 'same' : 'valid';
}

/** A size of one axis as a number, of two as a tuple: `3`, `(5, 5)`. */
function sizes(values: readonly number[]): string {
  return values.length === 1 ? pythonNumber(values[0]!) : pythonTuple(values);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

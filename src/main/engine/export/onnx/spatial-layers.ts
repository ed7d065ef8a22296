import { windowPadding } from '../../../../shared/code/tf-padding';
import { activate } from './core-layers';
import type { LayerConversion, LayerConverter } from './layer-conversion';
import { onlyInput, optionalWeightOf, weightOf } from './layer-conversion';
import { fromChannelsFirst, toChannelsFirst } from './layout';
import { permuteAxes } from '../permute-axes';

/** A setting given as one number for every axis, or one per axis. */
function perAxis(value: unknown, axes: number): number[] {
  return Array.isArray(value) ? value.map(Number) : Array<number>(axes).fill(Number(value));
}

/**
 * ONNX's explicit pads (all begins, then all ends) for TF.js' padding, the odd one at the end
 * as TensorFlow puts it (the same reckoning as the PyTorch code's).
 */
export function tfPads(
  sizes: readonly number[],
  kernel: readonly number[],
  strides: readonly number[],
  dilations: readonly number[],
  padding: unknown,
): number[] {
  const axes = sizes.map((size, i) =>
    windowPadding(
      size,
      kernel[i]!,
      strides[i]!,
      padding === 'same' ? 'same' : 'valid',
      dilations[i],
    ),
  );
  return [...axes.map((axis) => axis.before), ...axes.map((axis) => axis.after)];
}

/** The spatial sizes of a channels-last input: everything between batch and channels. */
function spatialSizes(conversion: LayerConversion): number[] {
  return onlyInput(conversion)
    .shape.slice(1, -1)
    .map((size) => size!);
}

/** Conv1D and Conv2D: kernels (…, in, out) become ONNX's (out, in, …). */
const convolution: LayerConverter = (conversion) => {
  const { graph, prefix, config } = conversion;
  const input = onlyInput(conversion);
  const axes = input.shape.length - 2;
  const kernel = weightOf(conversion, 'kernel');
  const kernelSize = kernel.shape.slice(0, axes);
  const strides = perAxis(config['strides'], axes);
  const dilations = perAxis(config['dilationRate'], axes);
  const w = permuteAxes(kernel.values, kernel.shape, [axes + 1, axes, ...range(axes)]);
  const bias = optionalWeightOf(conversion, 'bias');
  const conv = graph.op(
    'Conv',
    [
      toChannelsFirst(graph, input, prefix),
      graph.weight(`${prefix}/kernel`, w.values, w.shape),
      ...(bias ? [graph.weight(`${prefix}/bias`, bias.values, bias.shape)] : []),
    ],
    `${prefix}/conv`,
    {
      kernel_shape: kernelSize,
      strides,
      dilations,
      pads: tfPads(spatialSizes(conversion), kernelSize, strides, dilations, config['padding']),
    },
  );
  return activate(
    conversion,
    fromChannelsFirst(graph, conv, axes + 2, prefix),
    config['activation'],
  );
};

/**
 * Conv2DTranspose: TF.js' kernel (h, w, out, in) becomes ONNX's (in, out, h, w); the output
 * size is TF.js' (size × stride for "same", size × stride + max(kernel − stride, 0) for
 * "valid"), reached by cropping or, when the kernel is narrower than the stride, extending.
 */
const convolutionTranspose: LayerConverter = (conversion) => {
  const { graph, prefix, config } = conversion;
  const input = onlyInput(conversion);
  const kernel = weightOf(conversion, 'kernel');
  const kernelSize = kernel.shape.slice(0, 2);
  const strides = perAxis(config['strides'], 2);
  const sizes = spatialSizes(conversion);
  const wanted = sizes.map((size, i) =>
    config['padding'] === 'same'
      ? size * strides[i]!
      : size * strides[i]! + Math.max(kernelSize[i]! - strides[i]!, 0),
  );
  const full = sizes.map((size, i) => strides[i]! * (size - 1) + kernelSize[i]!);
  const crop = full.map((size, i) => size - wanted[i]!);
  const w = permuteAxes(kernel.values, kernel.shape, [3, 2, 0, 1]);
  const bias = optionalWeightOf(conversion, 'bias');
  const conv = graph.op(
    'ConvTranspose',
    [
      toChannelsFirst(graph, input, prefix),
      graph.weight(`${prefix}/kernel`, w.values, w.shape),
      ...(bias ? [graph.weight(`${prefix}/bias`, bias.values, bias.shape)] : []),
    ],
    `${prefix}/conv_transpose`,
    {
      kernel_shape: kernelSize,
      strides,
      pads: [
        ...crop.map((c) => Math.max(Math.floor(c / 2), 0)),
        ...crop.map((c) => Math.max(c - Math.floor(c / 2), 0)),
      ],
      output_padding: crop.map((c) => Math.max(-c, 0)),
    },
  );
  return activate(conversion, fromChannelsFirst(graph, conv, 4, prefix), config['activation']);
};

/** Max and average pooling, 1-D and 2-D; an average over "same" padding counts real values only. */
function pooling(op: 'MaxPool' | 'AveragePool'): LayerConverter {
  return (conversion) => {
    const { graph, prefix, config } = conversion;
    const input = onlyInput(conversion);
    const axes = input.shape.length - 2;
    const kernel = perAxis(config['poolSize'], axes);
    const strides = perAxis(config['strides'] ?? config['poolSize'], axes);
    const pooled = graph.op(op, [toChannelsFirst(graph, input, prefix)], `${prefix}/pool`, {
      kernel_shape: kernel,
      strides,
      pads: tfPads(
        spatialSizes(conversion),
        kernel,
        strides,
        Array(axes).fill(1),
        config['padding'],
      ),
    });
    return fromChannelsFirst(graph, pooled, axes + 2, prefix);
  };
}

/** The mean over every place, per channel: (batch, …, channels) → (batch, channels). */
const globalAveragePooling: LayerConverter = (conversion) => {
  const rank = onlyInput(conversion).shape.length;
  return conversion.graph.op(
    'ReduceMean',
    [onlyInput(conversion).name],
    `${conversion.prefix}/mean`,
    {
      axes: range(rank - 2).map((i) => i + 1),
      keepdims: 0,
    },
  );
};

/** UpSampling2D: each value repeated size times along height and width (nearest). */
const upSampling2d: LayerConverter = (conversion) => {
  const { graph, prefix, config } = conversion;
  const interpolation = config['interpolation'];
  if (typeof interpolation === 'string' && interpolation !== 'nearest') {
    conversion.refuse(`${interpolation} interpolation`, 'nearest');
  }
  const [height, width] = perAxis(config['size'], 2);
  const input = onlyInput(conversion);
  const resized = graph.op(
    'Resize',
    [
      toChannelsFirst(graph, input, prefix),
      '',
      graph.weight(`${prefix}/scales`, Float32Array.of(1, 1, height!, width!), [4]),
    ],
    `${prefix}/resize`,
    { mode: 'nearest', coordinate_transformation_mode: 'asymmetric', nearest_mode: 'floor' },
  );
  return fromChannelsFirst(graph, resized, 4, prefix);
};

export const SPATIAL_CONVERTERS: Readonly<Record<string, LayerConverter>> = {
  Conv1D: convolution,
  Conv2D: convolution,
  Conv2DTranspose: convolutionTranspose,
  MaxPooling1D: pooling('MaxPool'),
  MaxPooling2D: pooling('MaxPool'),
  AveragePooling1D: pooling('AveragePool'),
  AveragePooling2D: pooling('AveragePool'),
  GlobalAveragePooling1D: globalAveragePooling,
  GlobalAveragePooling2D: globalAveragePooling,
  UpSampling2D: upSampling2d,
};

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

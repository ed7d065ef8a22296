import { recurrentActivation } from './activations';
import type { LayerConversion, LayerConverter, LayerWeight } from './layer-conversion';
import { onlyInput } from './layer-conversion';
import { permuteAxes } from '../permute-axes';

type Cell = 'SimpleRNN' | 'LSTM' | 'GRU';

const ONNX_OP: Readonly<Record<Cell, string>> = { SimpleRNN: 'RNN', LSTM: 'LSTM', GRU: 'GRU' };

/**
 * TF.js' gate blocks in its kernels (input, forget, cell, output for an LSTM; update, reset,
 * candidate for a GRU) in the order ONNX wants them: LSTM i, o, f, c; GRU z, r, h.
 */
const GATE_ORDER: Readonly<Record<Cell, readonly number[]>> = {
  SimpleRNN: [0],
  LSTM: [0, 3, 1, 2],
  GRU: [0, 1, 2],
};

/** One direction's weights as ONNX lays them out: W (gates·units, in), R, and both biases. */
interface DirectionWeights {
  readonly w: Float32Array;
  readonly r: Float32Array;
  readonly b: Float32Array;
}

/**
 * A TF.js kernel (in, gates·units) as ONNX's (gates·units, in), its gate blocks reordered.
 */
function gateRows(weight: LayerWeight, cell: Cell, units: number): Float32Array {
  const rows = permuteAxes(weight.values, weight.shape, [1, 0]).values;
  const width = weight.shape[0]!;
  const out = new Float32Array(rows.length);
  GATE_ORDER[cell].forEach((gate, slot) => {
    out.set(rows.subarray(gate * units * width, (gate + 1) * units * width), slot * units * width);
  });
  return out;
}

function directionWeights(
  weights: readonly LayerWeight[],
  cell: Cell,
  units: number,
): DirectionWeights {
  const find = (role: string) => weights.find((weight) => weight.role === role);
  const gates = GATE_ORDER[cell].length;
  const bias = find('bias');
  const b = new Float32Array(2 * gates * units);
  // TF.js has one bias per gate; ONNX adds an input and a recurrent one: the second stays 0.
  if (bias) {
    GATE_ORDER[cell].forEach((gate, slot) => {
      b.set(bias.values.subarray(gate * units, (gate + 1) * units), slot * units);
    });
  }
  return {
    w: gateRows(find('kernel')!, cell, units),
    r: gateRows(find('recurrent_kernel')!, cell, units),
    b,
  };
}

function concat(arrays: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let offset = 0;
  for (const array of arrays) {
    out.set(array, offset);
    offset += array.length;
  }
  return out;
}

/** The cell's settings, whether the layer is the cell itself or a Bidirectional around it. */
function cellOf(conversion: LayerConversion): {
  cell: Cell;
  config: Readonly<Record<string, unknown>>;
  mergeMode?: string;
} {
  const { config } = conversion;
  if (conversion.layer.getClassName() !== 'Bidirectional') {
    return { cell: conversion.layer.getClassName() as Cell, config };
  }
  const inner = config['layer'] as { className: Cell; config: Record<string, unknown> };
  return { cell: inner.className, config: inner.config, mergeMode: String(config['mergeMode']) };
}

/**
 * SimpleRNN, LSTM and GRU, on their own or in a Bidirectional, as ONNX's RNN, LSTM and GRU.
 * TF.js' GRU resets before the recurrent product (Keras' reset_after = False), which is ONNX's
 * linear_before_reset = 0. Sequences go in as ONNX reads them, (steps, batch, features).
 */
const recurrent: LayerConverter = (conversion) => {
  const { graph, prefix } = conversion;
  const { cell, config, mergeMode } = cellOf(conversion);
  const units = Number(config['units']);
  const directions = mergeMode === undefined ? 1 : 2;
  const perDirection = conversion.weights.length / directions;
  const weights = Array.from({ length: directions }, (_, d) =>
    directionWeights(
      conversion.weights.slice(d * perDirection, (d + 1) * perDirection),
      cell,
      units,
    ),
  );
  const activations = [
    ...(cell === 'SimpleRNN' ? [] : [String(config['recurrentActivation'])]),
    String(config['activation']),
    ...(cell === 'LSTM' ? [String(config['activation'])] : []),
  ].map((name) => {
    const found = recurrentActivation(name);
    return found ?? conversion.refuse(`the activation ${name} in its cell`, 'tanh');
  });
  const allActivations = Array.from({ length: directions }, () => activations).flat();
  const input = onlyInput(conversion);
  const features = input.shape[2]!;
  const gates = GATE_ORDER[cell].length;
  const steps = graph.op('Transpose', [input.name], `${prefix}/steps_first`, { perm: [1, 0, 2] });
  const [sequence, last] = graph.opWithOutputs(
    ONNX_OP[cell],
    [
      steps,
      graph.weight(`${prefix}/W`, concat(weights.map((w) => w.w)), [
        directions,
        gates * units,
        features,
      ]),
      graph.weight(`${prefix}/R`, concat(weights.map((w) => w.r)), [
        directions,
        gates * units,
        units,
      ]),
      graph.weight(`${prefix}/B`, concat(weights.map((w) => w.b)), [directions, 2 * gates * units]),
    ],
    `${prefix}/${ONNX_OP[cell].toLowerCase()}`,
    2,
    {
      hidden_size: units,
      direction: directions === 2 ? 'bidirectional' : 'forward',
      activations: allActivations.map((a) => a.name),
      // One alpha for each activation that takes one, and likewise beta, in order: ONNX
      // Runtime reads them that way, so a placeholder for the others would shift the rest.
      ...listed(
        'activation_alpha',
        allActivations.map((a) => a.alpha),
      ),
      ...listed(
        'activation_beta',
        allActivations.map((a) => a.beta),
      ),
      ...(cell === 'GRU' ? { linear_before_reset: 0 } : {}),
    },
  );
  if (config['returnSequences']) {
    // (steps, directions, batch, units) → (batch, steps, directions, units)
    const batchFirst = graph.op('Transpose', [sequence!], `${prefix}/batch_first`, {
      perm: [2, 0, 1, 3],
    });
    return merge(conversion, batchFirst, 2, mergeMode, [0, 0, directions * units]);
  }
  // (directions, batch, units) → (batch, directions, units)
  const batchFirst = graph.op('Transpose', [last!], `${prefix}/batch_first`, { perm: [1, 0, 2] });
  return merge(conversion, batchFirst, 1, mergeMode, [0, directions * units]);
};

/** `{ [name]: { floats } }` of the values given, or nothing when none is. */
function listed(
  name: string,
  values: readonly (number | undefined)[],
): Record<string, { floats: number[] }> {
  const given = values.filter((value): value is number => value !== undefined);
  return given.length > 0 ? { [name]: { floats: given } } : {};
}

/**
 * The directions' outputs (on axis `axis`) merged as the Bidirectional's mergeMode says: side
 * by side forward first (concat), or their sum, product or mean. One direction: just dropped.
 */
function merge(
  { graph, prefix }: LayerConversion,
  x: string,
  axis: number,
  mergeMode: string | undefined,
  concatShape: readonly number[],
): string {
  switch (mergeMode) {
    case 'sum':
      return graph.op('ReduceSum', [x, graph.ints(`${prefix}/axes`, [axis])], `${prefix}/sum`, {
        keepdims: 0,
      });
    case 'mul':
      return graph.op('ReduceProd', [x], `${prefix}/mul`, { axes: [axis], keepdims: 0 });
    case 'ave':
      return graph.op('ReduceMean', [x], `${prefix}/ave`, { axes: [axis], keepdims: 0 });
    default:
      return graph.op(
        'Reshape',
        [x, graph.ints(`${prefix}/shape`, concatShape)],
        `${prefix}/merge`,
      );
  }
}

export const RECURRENT_CONVERTERS: Readonly<Record<string, LayerConverter>> = {
  SimpleRNN: recurrent,
  LSTM: recurrent,
  GRU: recurrent,
  Bidirectional: recurrent,
};

import type { OnnxGraph } from './onnx-graph';

/**
 * A TF.js activation by its serialized name, as ONNX operators on `x`; undefined when ONNX has
 * no operator for it. Constants are TF.js' own (hard sigmoid 0.2x + 0.5, SELU's α and λ are
 * ONNX's defaults, equal in float32).
 */
export function writeActivation(
  graph: OnnxGraph,
  x: string,
  activation: string,
  prefix: string,
): string | undefined {
  const name = `${prefix}/${activation}`;
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return graph.op('Relu', [x], name);
    case 'sigmoid':
      return graph.op('Sigmoid', [x], name);
    case 'tanh':
      return graph.op('Tanh', [x], name);
    case 'softmax':
      // Opset 13's Softmax works along one axis, TF.js' last.
      return graph.op('Softmax', [x], name, { axis: -1 });
    case 'elu':
      return graph.op('Elu', [x], name, { alpha: { float: 1 } });
    case 'selu':
      return graph.op('Selu', [x], name);
    case 'softplus':
      return graph.op('Softplus', [x], name);
    case 'softsign':
      return graph.op('Softsign', [x], name);
    case 'hardSigmoid':
      return graph.op('HardSigmoid', [x], name, { alpha: { float: 0.2 }, beta: { float: 0.5 } });
    case 'relu6':
      return graph.op(
        'Clip',
        [x, graph.scalar(`${prefix}/zero`, 0), graph.scalar(`${prefix}/six`, 6)],
        name,
      );
    default:
      return undefined;
  }
}

/**
 * The activations of recurrent cells, by ONNX's names for them in RNN, LSTM and GRU (with
 * their alpha and beta where they take them); undefined when ONNX's cells cannot use it.
 */
export function recurrentActivation(
  activation: string,
): { readonly name: string; readonly alpha?: number; readonly beta?: number } | undefined {
  switch (activation) {
    case 'tanh':
      return { name: 'Tanh' };
    case 'sigmoid':
      return { name: 'Sigmoid' };
    case 'relu':
      return { name: 'Relu' };
    case 'hardSigmoid':
      return { name: 'HardSigmoid', alpha: 0.2, beta: 0.5 };
    case 'linear':
      return { name: 'Affine', alpha: 1, beta: 0 };
    case 'elu':
      return { name: 'Elu', alpha: 1 };
    case 'softsign':
      return { name: 'Softsign' };
    case 'softplus':
      return { name: 'Softplus' };
    default:
      return undefined;
  }
}

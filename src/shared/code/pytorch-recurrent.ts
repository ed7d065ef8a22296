import type { PytorchHelper } from './pytorch-helpers';
import { num, weight, word } from './pytorch-layer-config';
import type { LayerContext, LayerResult, ModuleEntry, PyValue } from './pytorch-network';
import { PytorchUnsupportedError } from './pytorch-unsupported';

/**
 * SimpleRNN, LSTM and GRU, alone or bidirectional, as PyTorch. nn.LSTM and nn.RNN compute
 * what Keras does when their activation allows it (tanh; ReLU too for nn.RNN): their gates
 * come in Keras' order, their weights are Keras' transposed, and of their two biases one holds
 * Keras' bias and the other zeros. Keras' GRU is not nn.GRU, and other activations are not
 * there at all; those become the small layers model.py defines (KerasGRU, …).
 */

type Cell = 'SimpleRNN' | 'LSTM' | 'GRU';

const GATES: Readonly<Record<Cell, number>> = { SimpleRNN: 1, LSTM: 4, GRU: 3 };

const OWN_LAYER: Readonly<Record<Cell, PytorchHelper>> = {
  SimpleRNN: 'KerasSimpleRNN',
  LSTM: 'KerasLSTM',
  GRU: 'KerasGRU',
};

/** Keras' recurrent activations as a function model.py can pass to its own layers. */
const ACTIVATION_FUNCTIONS: Readonly<Record<string, string>> = {
  tanh: 'torch.tanh',
  sigmoid: 'torch.sigmoid',
  relu: 'torch.relu',
  linear: 'nn.Identity()',
  elu: 'F.elu',
  selu: 'F.selu',
};

export function translateRecurrent(c: LayerContext, [x]: readonly PyValue[]): LayerResult {
  const bidirectional = c.spec.className === 'Bidirectional';
  const layer = bidirectional ? c.spec.wrapped : c.spec;
  if (!layer || !(layer.className in GATES)) {
    throw new PytorchUnsupportedError(
      c.step.nodeId,
      `wraps the layer ${layer?.className ?? 'nothing'}`,
    );
  }
  const cell = layer.className as Cell;
  const config = layer.config;
  const units = num({ ...c, spec: layer }, 'units');
  const activation = word(config, 'activation', 'tanh');
  const gateActivation = config['recurrentActivation'];
  if (cell !== 'SimpleRNN' && gateActivation !== 'sigmoid') {
    throw new PytorchUnsupportedError(
      c.step.nodeId,
      `has gates that use ${String(gateActivation)} instead of the sigmoid`,
    );
  }
  const bias = config['useBias'] !== false;
  const features = x!.shape[1]!;
  const width = GATES[cell] * units;
  const builtIn =
    (cell === 'LSTM' && activation === 'tanh') ||
    (cell === 'SimpleRNN' && (activation === 'tanh' || activation === 'relu'));

  const directions = bidirectional
    ? [
        { suffix: '', keras: 'forward/' },
        { suffix: '_reverse', keras: 'backward/' },
      ]
    : [{ suffix: '', keras: '' }];
  const entries: ModuleEntry[] = directions.flatMap(({ suffix, keras }) => [
    {
      name: `weight_ih_l0${suffix}`,
      shape: [width, features],
      source: weight(c, `${keras}kernel`, [1, 0]),
    },
    {
      name: `weight_hh_l0${suffix}`,
      shape: [width, units],
      source: weight(c, `${keras}recurrent_kernel`, [1, 0]),
    },
    ...(!bias
      ? []
      : builtIn
        ? [
            { name: `bias_ih_l0${suffix}`, shape: [width], source: weight(c, `${keras}bias`) },
            { name: `bias_hh_l0${suffix}`, shape: [width], source: { kind: 'zeros' as const } },
          ]
        : [{ name: `bias_l0${suffix}`, shape: [width], source: weight(c, `${keras}bias`) }]),
  ]);

  const options = [
    ...(bias ? [] : ['bias=False']),
    ...(bidirectional ? ['bidirectional=True'] : []),
  ];
  let construct: string;
  if (builtIn) {
    const module = cell === 'LSTM' ? 'nn.LSTM' : 'nn.RNN';
    const nonlinearity = activation === 'relu' ? ["nonlinearity='relu'"] : [];
    construct = `${module}(${[features, units, 'batch_first=True', ...nonlinearity, ...options].join(', ')})`;
  } else {
    const own = OWN_LAYER[cell];
    c.use(own);
    const fn = activation === 'tanh' ? [] : [`activation=${ACTIVATION_FUNCTIONS[activation]!}`];
    construct = `${own}(${[features, units, ...options, ...fn].join(', ')})`;
  }
  const module = c.addModule(construct, entries, dropoutNote(config));

  const sequence = `${module}(${c.inLayout(x!, 'last')})[0]`;
  const value = (expression: string): PyValue => ({
    expression,
    layout: 'last',
    shape: c.step.output.shape.map(Number),
  });
  const returnSequences = config['returnSequences'] === true;
  if (!bidirectional) {
    return returnSequences
      ? { value: value(sequence) }
      : { value: value(`${sequence}[:, -1]`), comment: 'the output after the last step' };
  }
  const both = c.assign(
    sequence,
    'after every step: the forward direction, then the backward one beside it',
  );
  const mergeMode = word(c.spec.config, 'mergeMode', 'concat');
  const merge = MERGES[mergeMode];
  if (!merge) {
    throw new PytorchUnsupportedError(c.step.nodeId, `combines its two directions by ${mergeMode}`);
  }
  if (returnSequences && mergeMode === 'concat') return { value: value(both) };
  const [forward, backward] = returnSequences
    ? [`${both}[:, :, :${units}]`, `${both}[:, :, ${units}:]`]
    : [`${both}[:, -1, :${units}]`, `${both}[:, 0, ${units}:]`];
  return {
    value: value(merge.combine(forward, backward)),
    comment: returnSequences
      ? merge.words
      : `${merge.words}: forward after the last step, backward after the first`,
  };
}

/** How Keras' Bidirectional combines its two directions, in words and in Python. */
const MERGES: Readonly<
  Record<string, { words: string; combine: (forward: string, backward: string) => string }>
> = {
  concat: {
    words: 'both directions side by side',
    combine: (f, b) => `torch.cat([${f}, ${b}], dim=-1)`,
  },
  sum: { words: 'the sum of both directions', combine: (f, b) => `${f} + ${b}` },
  mul: { words: 'the product of both directions', combine: (f, b) => `${f} * ${b}` },
  ave: { words: 'the average of both directions', combine: (f, b) => `(${f} + ${b}) / 2` },
};

/** Keras drops values inside the layer while training; PyTorch's layers cannot. */
function dropoutNote(config: Readonly<Record<string, unknown>>): string | undefined {
  const rates = [
    ['its inputs', Number(config['dropout'] ?? 0)],
    ['its memory', Number(config['recurrentDropout'] ?? 0)],
  ] as const;
  const dropped = rates.filter(([, rate]) => rate > 0);
  if (dropped.length === 0) return undefined;
  const what = dropped
    .map(([where, rate]) => `${Math.round(rate * 100)}% of ${where}`)
    .join(' and ');
  return `While training, Neurite also drops ${what} at every step; this layer does not.`;
}

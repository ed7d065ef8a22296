import { z } from 'zod';
import type { Shape, TensorInfo } from '../shapes/shape';
import { formatShape, formatShapeTuple } from '../shapes/shape';
import { knownLastAxis, tokensNeedEmbedding } from './checks';
import {
  initializerMeta,
  initializerSchema,
  initializerToTfjs,
  recurrentActivationParam,
  regularizerToTfjs,
  sizeParam,
  weightParams,
} from './common-params';
import { fail, produce, trainable } from './outcome';
import { readLayer, shown } from './tfjs-reading';
import type { InferOutcome, LayerKind, TfLayerSpec } from './types';
import { defineKind } from './types';

export type RecurrentCell = 'SimpleRNN' | 'LSTM' | 'GRU';

const CELLS = {
  SimpleRNN: {
    title: 'SimpleRNN',
    // Weight sets per unit: one for a plain RNN, one per gate for LSTM (input, forget, cell,
    // output) and GRU (update, reset, candidate). TF.js' GRU has no reset_after variant, so its
    // bias is 3 × units, not 6 × units as in Keras 2.
    gates: 1,
    summary:
      'Reads a sequence one step at a time, mixing each step with a memory of the steps before it.',
  },
  LSTM: {
    title: 'LSTM',
    gates: 4,
    summary:
      'Reads a sequence one step at a time with a long short-term memory whose gates decide what to keep, forget and output.',
  },
  GRU: {
    title: 'GRU',
    gates: 3,
    summary:
      'Reads a sequence one step at a time with a gated memory: a lighter LSTM with update and reset gates.',
  },
} as const;

/** How each cell's weights are counted, for docs/file-format.md. */
const WEIGHT_FORMULAS: Readonly<Record<RecurrentCell, string>> = {
  SimpleRNN: 'units × (features + units) + units',
  LSTM: '4 × (units × (features + units) + units): four gates',
  GRU: '3 × (units × (features + units) + units): three gates',
};

const MERGE_MODES = ['concat', 'sum', 'mul', 'ave'] as const;
type MergeMode = (typeof MERGE_MODES)[number];

const MERGE_TITLES: Readonly<Record<MergeMode, string>> = {
  concat: 'joined',
  sum: 'summed',
  mul: 'multiplied',
  ave: 'averaged',
};

/** The words the inspector shows for each way of combining the two directions. */
const MERGE_OPTION_TITLES: Readonly<Record<MergeMode, string>> = {
  concat: 'Side by side (concatenate)',
  sum: 'Sum',
  mul: 'Multiply',
  ave: 'Average',
};

const MERGE_OPTION_HELP: Readonly<Record<MergeMode, string>> = {
  concat: 'Puts both readings one after the other: the output is twice as long.',
  sum: 'Adds the two readings value by value.',
  mul: 'Multiplies the two readings value by value.',
  ave: 'Averages the two readings value by value.',
};

const dropoutRate = (title: string, description: string) =>
  z.number().min(0).lt(1).default(0).meta({ title, description });

/** Keras' and TF.js' default for the step-to-step weights; not in the general list. */
const recurrentInitializerSchema = z
  .union([
    z.preprocess(
      (value) => (typeof value === 'string' ? { type: value } : value),
      z.strictObject({ type: z.literal('orthogonal') }),
    ),
    initializerSchema,
  ])
  .default({ type: 'orthogonal' })
  .meta(
    initializerMeta(
      'Recurrent weight initializer',
      'How the weights from one step to the next are chosen before training starts. Orthogonal keeps the memory from fading or exploding early in training.',
    ),
  );

export function defineRecurrentKind(cell: RecurrentCell): LayerKind {
  const { title, gates, summary } = CELLS[cell];
  const paramsSchema = z.strictObject({
    units: sizeParam(
      'Units',
      'How many numbers the memory (hidden state) holds: the length of the output.',
      32,
    ),
    activation: recurrentActivationParam('tanh'),
    returnSequences: z.boolean().default(false).meta({
      title: 'Return sequences',
      description:
        'Off: output only the memory after the last step (one vector). On: output the memory after every step (a sequence), needed to stack another recurrent layer.',
    }),
    bidirectional: z.boolean().default(false).meta({
      title: 'Bidirectional',
      description:
        'Also reads the sequence backwards with a second set of weights and combines both readings. Doubles the weights.',
    }),
    mergeMode: z
      .enum(MERGE_MODES)
      .default('concat')
      .meta({
        title: 'Combine directions',
        description: 'Only when bidirectional: how the forward and backward outputs are combined.',
        appliesWhen: { bidirectional: [true] },
        optionTitles: MERGE_OPTION_TITLES,
        optionHelp: MERGE_OPTION_HELP,
      }),
    dropout: dropoutRate(
      'Input dropout',
      'The fraction of input values dropped at random at every step while training.',
    ),
    recurrentDropout: dropoutRate(
      'Memory dropout',
      'The fraction of memory values dropped at random between steps while training.',
    ),
    useBias: weightParams.useBias,
    kernelInitializer: weightParams.kernelInitializer,
    recurrentInitializer: recurrentInitializerSchema,
    biasInitializer: weightParams.biasInitializer,
    l1: weightParams.l1,
    l2: weightParams.l2,
  });
  type Params = z.output<typeof paramsSchema>;

  function outputUnits(p: Params): number {
    return p.bidirectional && p.mergeMode === 'concat' ? 2 * p.units : p.units;
  }

  function cellConfig(p: Params): Record<string, unknown> {
    const regularizer = regularizerToTfjs(p.l1, p.l2);
    const init = p.recurrentInitializer;
    return {
      units: p.units,
      activation: p.activation,
      // TF.js defaults the gates to hardSigmoid; Keras and the course use the sigmoid.
      ...(cell === 'SimpleRNN' ? {} : { recurrentActivation: 'sigmoid' }),
      // Keras starts the forget gate's bias at 1 so the memory is kept early in training.
      ...(cell === 'LSTM' ? { unitForgetBias: true } : {}),
      useBias: p.useBias,
      kernelInitializer: initializerToTfjs(p.kernelInitializer),
      recurrentInitializer:
        init.type === 'orthogonal'
          ? { className: 'Orthogonal', config: {} }
          : initializerToTfjs(init),
      biasInitializer: initializerToTfjs(p.biasInitializer),
      ...(regularizer ? { kernelRegularizer: regularizer, recurrentRegularizer: regularizer } : {}),
      dropout: p.dropout,
      recurrentDropout: p.recurrentDropout,
      returnSequences: p.returnSequences,
    };
  }

  return defineKind({
    kind: title,
    title,
    group: 'recurrent',
    look: { colour: '#fa8231', icon: '↻' },
    summary,
    role: 'layer',
    valueFlow: 'computed',
    weights: {
      formula: WEIGHT_FORMULAS[cell],
      tensors(p, inputs) {
        const features = inputs[0]!.shape[1] as number;
        const width = gates * p.units;
        const direction = (prefix: string) => [
          { name: `${prefix}kernel`, layerSuffix: '', shape: [features, width], trainable: true },
          {
            name: `${prefix}recurrent_kernel`,
            layerSuffix: '',
            shape: [p.units, width],
            trainable: true,
          },
          ...(p.useBias
            ? [{ name: `${prefix}bias`, layerSuffix: '', shape: [width], trainable: true }]
            : []),
        ];
        return p.bidirectional
          ? [...direction('forward/'), ...direction('backward/')]
          : direction('');
      },
    },
    examples: [
      { params: { units: 3 }, inputs: [{ form: 'sequence', shape: [4, 2] }] },
      {
        params: { units: 2, returnSequences: true, bidirectional: true },
        inputs: [{ form: 'sequence', shape: [3, 2] }],
      },
      {
        params: { units: 2, bidirectional: true, mergeMode: 'sum', useBias: false },
        inputs: [{ form: 'sequence', shape: [3, 1] }],
      },
    ],
    fromTfjs: {
      classNames: [title],
      read(layer, context) {
        const bidirectional = layer.className === 'Bidirectional';
        const mergeMode = layer.config['mergeMode'];
        return readLayer(layer.wrapped ?? layer, context, (r) => {
          const { name } = context;
          const again = 'train it again and export it again.';
          r.expect(
            'returnState',
            (v) => v !== true,
            `${name} also returns its state, which Neurite's ${title} does not. Build it without return_state, ${again}`,
          );
          r.expect(
            'stateful',
            (v) => v !== true,
            `${name} is stateful (it carries its memory from one batch to the next), which Neurite's ${title} is not. Build it with stateful=False, ${again}`,
          );
          if (!bidirectional) {
            r.expect(
              'goBackwards',
              (v) => v !== true,
              `${name} reads its sequences backwards. Neurite reads them backwards only as the second direction of a bidirectional layer: build it going forwards, or wrapped in Bidirectional, ${again}`,
            );
          }
          if (cell !== 'SimpleRNN') {
            r.expect(
              'recurrentActivation',
              (v) => v === undefined || shown(v).toLowerCase() === 'sigmoid',
              `${name} uses "${r.shown('recurrentActivation')}" in its gates; Neurite's ${title} uses the sigmoid, as Keras does. Build it with recurrent_activation="sigmoid" (TensorFlow.js: recurrentActivation: 'sigmoid'), ${again}`,
            );
          }
          if (cell === 'GRU') {
            r.expect(
              'resetAfter',
              (v) => v !== true,
              `${name} uses reset_after=True (Keras' default), which TensorFlow.js, and so Neurite, do not have: its biases would not fit. Build it with reset_after=False, ${again}`,
            );
          }
          if (bidirectional && !MERGE_MODES.includes(mergeMode as MergeMode)) {
            r.refuse(
              `${name} combines its two directions as "${shown(mergeMode)}"; Neurite's bidirectional layers join, sum, multiply or average them. Build it with one of merge_mode "concat", "sum", "mul" or "ave", ${again}`,
            );
          }
          const penalties = r.penalties('kernelRegularizer');
          const recurrentPenalties = r.penalties('recurrentRegularizer');
          if (recurrentPenalties.l1 !== penalties.l1 || recurrentPenalties.l2 !== penalties.l2) {
            r.note(
              `${name}: Neurite gives the weights from one step to the next the same penalty as the input weights, so they now have L1 ${penalties.l1} and L2 ${penalties.l2}.`,
            );
          }
          r.dropped({
            biasRegularizer: 'penalty on biases',
            activityRegularizer: 'penalty on outputs (activity regularizer)',
            kernelConstraint: 'constraint on weights',
            recurrentConstraint: 'constraint on the weights from step to step',
            biasConstraint: 'constraint on biases',
          });
          return {
            units: r.number('units'),
            activation: r.recurrentActivation(),
            returnSequences: r.boolean('returnSequences', false),
            bidirectional,
            ...(bidirectional ? { mergeMode } : {}),
            dropout: r.number('dropout', 0),
            recurrentDropout: r.number('recurrentDropout', 0),
            useBias: r.boolean('useBias', true),
            kernelInitializer: r.initializer(
              'kernelInitializer',
              { type: 'glorotUniform' },
              'weight initializer',
            ),
            recurrentInitializer: r.initializer(
              'recurrentInitializer',
              { type: 'orthogonal' },
              'recurrent weight initializer',
            ),
            biasInitializer: r.initializer(
              'biasInitializer',
              { type: 'zeros' },
              'bias initializer',
            ),
            ...penalties,
          };
        });
      },
    },
    paramsSchema,
    inputPorts: () => [{ id: 'in', label: 'sequence' }],
    outputPorts: [{ id: 'out', label: 'output' }],
    describe: (p) =>
      [
        `${p.units} units`,
        p.activation,
        ...(p.returnSequences ? ['sequences'] : []),
        ...(p.bidirectional ? [`bidirectional (${MERGE_TITLES[p.mergeMode]})`] : []),
      ].join(' · '),
    infer({ params, inputs, name }) {
      const input = inputs[0]!;
      const invalid =
        tokensNeedEmbedding(name, input) ?? sequenceRank(name, input) ?? knownLastAxis(name, input);
      if (invalid) return invalid;
      const features = input.shape[1] as number;
      const u = params.units;
      const perDirection = gates * u * (features + u) + (params.useBias ? gates * u : 0);
      const units = outputUnits(params);
      const shape = params.returnSequences ? [input.shape[0] ?? null, units] : [units];
      return produce(
        { shape, dtype: 'float32' },
        trainable(params.bidirectional ? 2 * perDirection : perDirection),
      );
    },
    toTfjs(p): TfLayerSpec[] {
      const layer: TfLayerSpec = { className: title, config: cellConfig(p) };
      if (!p.bidirectional) return [layer];
      return [{ className: 'Bidirectional', config: { mergeMode: p.mergeMode }, wrapped: layer }];
    },
  });
}

/** A recurrent layer reads (steps, features); say how to get there from what arrived. */
function sequenceRank(name: string, input: TensorInfo): InferOutcome | undefined {
  if (input.shape.length === 2) return undefined;
  return fail(
    'input.rank',
    `${name} needs a sequence, a 2-D input (steps, features per step), but receives ${formatShapeTuple(input.shape)}. ${sequenceFix(input.shape)} Text goes in as tokens through an Embedding first.`,
  );
}

function sequenceFix(shape: Shape): string {
  const [a, b, c] = shape;
  if (shape.length === 1 && a !== null && a !== undefined) {
    return `To read the ${a} values one at a time, add a Reshape to ${formatShape([a, 1])} before it.`;
  }
  if (shape.length === 3 && a != null && b != null && c != null) {
    return `To read the image row by row, add a Reshape to ${formatShape([a, b * c])} before it.`;
  }
  return 'Add a Reshape to (steps, features) before it.';
}

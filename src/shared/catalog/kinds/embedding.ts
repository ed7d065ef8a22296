import { z } from 'zod';
import { formatShapeTuple } from '../../shapes/shape';
import {
  initializerMeta,
  initializerSchema,
  initializerToTfjs,
  regularizationParams,
  regularizerToTfjs,
  sizeParam,
} from '../common-params';
import { fail, produce, trainable } from '../outcome';
import { readLayer } from '../tfjs-reading';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  vocabSize: sizeParam(
    'Vocabulary size',
    'How many different tokens (word ids) there are: ids run from 0 to this number − 1.',
    1000,
  ),
  dim: sizeParam(
    'Vector length',
    'How many numbers describe each token. Similar words end up with similar vectors.',
    16,
  ),
  embeddingsInitializer: initializerSchema
    .default({ type: 'randomUniform', limit: 0.05 })
    .meta(
      initializerMeta(
        'Vector initializer',
        'How the token vectors are chosen before training starts.',
      ),
    ),
  ...regularizationParams,
});

export const embeddingKind = defineKind({
  kind: 'Embedding',
  title: 'Embedding',
  group: 'core',
  look: { colour: '#3867d6', icon: '⌗' },
  summary:
    'Looks up a learned vector for every token of a text, turning word ids into numbers a network can use.',
  role: 'layer',
  valueFlow: 'computed',
  weights: {
    formula: 'vocabulary size × vector length',
    tensors: (p) => [
      { name: 'embeddings', layerSuffix: '', shape: [p.vocabSize, p.dim], trainable: true },
    ],
  },
  examples: [{ params: { vocabSize: 20, dim: 3 }, inputs: [{ form: 'tokens', shape: [5] }] }],
  fromTfjs: {
    classNames: ['Embedding'],
    read: (layer, context) =>
      readLayer(layer, context, (r) => {
        r.expect(
          'maskZero',
          (mask) => mask !== true,
          `${context.name} masks the padding (mask_zero=True), so the layers after it skip padded steps; Neurite's layers read every step. Build it with mask_zero=False, train it again and export it again.`,
        );
        r.dropped({
          activityRegularizer: 'penalty on outputs (activity regularizer)',
          embeddingsConstraint: 'constraint on the vectors',
        });
        return {
          vocabSize: r.number('inputDim'),
          dim: r.number('outputDim'),
          embeddingsInitializer: r.initializer(
            'embeddingsInitializer',
            { type: 'randomUniform', limit: 0.05 },
            'vector initializer',
          ),
          ...r.penalties('embeddingsRegularizer'),
        };
      }),
  },
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'tokens' }],
  outputPorts: [{ id: 'out', label: 'vectors' }],
  describe: (p) => `${p.vocabSize} tokens → ${p.dim} values`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    if (input.dtype !== 'int32') {
      return fail(
        'embedding.not-tokens',
        `${name} needs token ids (whole-number word ids) but receives measurements ${formatShapeTuple(input.shape)}. Connect it to an Input of form "tokens".`,
      );
    }
    if (input.shape.length !== 1) {
      return fail(
        'input.rank',
        `${name} needs one list of tokens per example, a 1-D input (tokens), but receives ${formatShapeTuple(input.shape)}. Connect it to an Input of form "tokens" with one size, e.g. [100].`,
      );
    }
    return produce(
      { shape: [input.shape[0] ?? null, params.dim], dtype: 'float32' },
      trainable(params.vocabSize * params.dim),
    );
  },
  toTfjs(p) {
    const regularizer = regularizerToTfjs(p.l1, p.l2);
    return [
      {
        className: 'Embedding',
        config: {
          inputDim: p.vocabSize,
          outputDim: p.dim,
          embeddingsInitializer: initializerToTfjs(p.embeddingsInitializer),
          ...(regularizer ? { embeddingsRegularizer: regularizer } : {}),
        },
      },
    ];
  },
});

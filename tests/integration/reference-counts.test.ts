import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../src/main/engine/compiler/compile-graph';
import { tf } from '../../src/main/engine/tf';
import { parseGraphDocumentOrThrow } from '../../src/shared/graph/parse';
import { analyzeGraph } from '../../src/shared/inference/analyze';

/**
 * Textbook numbers, written by hand from the layer formulas (never computed by our code), and
 * checked against both shape inference and the TF.js model:
 *
 *   Dense       in·units + units
 *   Conv2D      kh·kw·in_channels·filters + filters
 *   Conv1D      k·in_channels·filters + filters
 *   Embedding   vocab·dim
 *   SimpleRNN   u·(in + u) + u
 *   LSTM        4·(u·(in + u) + u)                     (input, forget, cell, output gates)
 *   GRU         3·(u·(in + u) + u)                     (TF.js has no reset_after, so one bias)
 *   BatchNorm   2·c trainable (γ, β) + 2·c non-trainable (moving mean, moving variance)
 *   Pooling, Flatten, Activation, Dropout, Add, Concatenate, RepeatVector: no weights.
 *
 * Shapes exclude the batch. "same" padding gives ceil(n / stride); "valid" floor((n − k) / s) + 1.
 */

interface NodeExpectation {
  /** Trainable weights of the node. */
  readonly params: number;
  readonly nonTrainable?: number;
  readonly shape?: readonly number[];
}

interface Reference {
  readonly template: string;
  readonly total: number;
  readonly nonTrainable?: number;
  readonly nodes?: Readonly<Record<string, NodeExpectation>>;
}

const REFERENCES: readonly Reference[] = [
  { template: 'linear-regression', total: 2 }, // 1·1 + 1
  { template: 'perceptron', total: 3 }, // 2·1 + 1
  { template: 'logistic-regression', total: 3 }, // 2·1 + 1
  { template: 'softmax-regression', total: 15 }, // 4·3 + 3
  {
    template: 'xor-mlp',
    total: 17, // 12 + 5
    nodes: {
      hidden: { params: 12, shape: [4] }, // 2·4 + 4
      prediction: { params: 5, shape: [1] }, // 4·1 + 1
    },
  },
  {
    template: 'dense-3-5-2',
    total: 32, // 20 + 12
    nodes: {
      hidden: { params: 20, shape: [5] }, // 3·5 + 5
      scores: { params: 12, shape: [2] }, // 5·2 + 2
    },
  },
  {
    template: 'mnist-deep-mlp',
    total: 235_146, // 200,960 + 32,896 + 1,290
    nodes: {
      hidden1: { params: 200_960, shape: [256] }, // 784·256 + 256
      dropout: { params: 0, shape: [256] },
      hidden2: { params: 32_896, shape: [128] }, // 256·128 + 128
      digits: { params: 1_290, shape: [10] }, // 128·10 + 10
    },
  },
  {
    template: 'conv-relu-pool',
    total: 31_066, // 336 + 30,730
    nodes: {
      conv: { params: 336, shape: [32, 32, 12] }, // 3·3·3·12 + 12; "same" keeps 32×32
      relu: { params: 0, shape: [32, 32, 12] },
      pool: { params: 0, shape: [16, 16, 12] }, // 2×2, stride 2: 32 / 2
      flatten: { params: 0, shape: [3_072] }, // 16·16·12
      classes: { params: 30_730 }, // 3072·10 + 10
    },
  },
  {
    template: 'lenet-5',
    total: 61_706, // 156 + 2,416 + 48,120 + 10,164 + 850
    nodes: {
      c1: { params: 156, shape: [28, 28, 6] }, // 5·5·1·6 + 6
      s2: { params: 0, shape: [14, 14, 6] },
      c3: { params: 2_416, shape: [10, 10, 16] }, // 5·5·6·16 + 16; valid: 14 − 5 + 1 = 10
      s4: { params: 0, shape: [5, 5, 16] },
      flatten: { params: 0, shape: [400] }, // 5·5·16
      f5: { params: 48_120, shape: [120] }, // 400·120 + 120
      f6: { params: 10_164, shape: [84] }, // 120·84 + 84
      f7: { params: 850, shape: [10] }, // 84·10 + 10
    },
  },
  {
    template: 'alexnet-small',
    // 2,432 + 64 + 18,496 + 128 + 55,392 + 83,040 + 55,360 + 65,792 + 32,896 + 1,290 trainable
    // + 64 + 128 non-trainable (batch norm statistics)
    total: 315_082,
    nonTrainable: 192,
    nodes: {
      conv1: { params: 2_432, shape: [16, 16, 32] }, // 5·5·3·32 + 32; same, stride 2: 32 / 2
      bn1: { params: 64, nonTrainable: 64, shape: [16, 16, 32] }, // 2·32 + 2·32
      pool1: { params: 0, shape: [8, 8, 32] }, // 3×3 stride 2 same: ceil(16 / 2)
      conv2: { params: 18_496, shape: [8, 8, 64] }, // 3·3·32·64 + 64
      bn2: { params: 128, nonTrainable: 128 }, // 2·64 + 2·64
      pool2: { params: 0, shape: [4, 4, 64] },
      conv3: { params: 55_392, shape: [4, 4, 96] }, // 3·3·64·96 + 96
      conv4: { params: 83_040, shape: [4, 4, 96] }, // 3·3·96·96 + 96
      conv5: { params: 55_360, shape: [4, 4, 64] }, // 3·3·96·64 + 64
      pool3: { params: 0, shape: [2, 2, 64] },
      flatten: { params: 0, shape: [256] }, // 2·2·64
      fc1: { params: 65_792 }, // 256·256 + 256
      fc2: { params: 32_896 }, // 256·128 + 128
      classes: { params: 1_290 }, // 128·10 + 10
    },
  },
  {
    template: 'vgg-block',
    total: 591_274, // 896 + 9,248 + 18,496 + 36,928 + 524,416 + 1,290
    nodes: {
      block1_conv1: { params: 896, shape: [32, 32, 32] }, // 3·3·3·32 + 32
      block1_conv2: { params: 9_248, shape: [32, 32, 32] }, // 3·3·32·32 + 32
      block1_pool: { params: 0, shape: [16, 16, 32] },
      block2_conv1: { params: 18_496, shape: [16, 16, 64] }, // 3·3·32·64 + 64
      block2_conv2: { params: 36_928, shape: [16, 16, 64] }, // 3·3·64·64 + 64
      block2_pool: { params: 0, shape: [8, 8, 64] },
      flatten: { params: 0, shape: [4_096] }, // 8·8·64
      fc: { params: 524_416 }, // 4096·128 + 128
      classes: { params: 1_290 }, // 128·10 + 10
    },
  },
  {
    template: 'resnet-basic-block',
    // Trainable: 448 + (2,320 + 32) · 2 + 4,640 + 64 + 9,248 + 64 + 544 + 64 + 330 = 20,106.
    // Non-trainable: 32 + 32 + 64 + 64 + 64 = 256.
    total: 20_362,
    nonTrainable: 256,
    nodes: {
      stem: { params: 448, shape: [32, 32, 16] }, // 3·3·3·16 + 16
      block1_conv1: { params: 2_320, shape: [32, 32, 16] }, // 3·3·16·16 + 16
      block1_bn1: { params: 32, nonTrainable: 32 }, // 2·16 + 2·16
      block1_conv2: { params: 2_320 }, // 3·3·16·16 + 16
      block1_bn2: { params: 32, nonTrainable: 32 },
      block1_add: { params: 0, shape: [32, 32, 16] }, // identity shortcut: same shape
      block2_conv1: { params: 4_640, shape: [16, 16, 32] }, // 3·3·16·32 + 32; stride 2
      block2_bn1: { params: 64, nonTrainable: 64 }, // 2·32 + 2·32
      block2_conv2: { params: 9_248, shape: [16, 16, 32] }, // 3·3·32·32 + 32
      block2_bn2: { params: 64, nonTrainable: 64 },
      block2_proj: { params: 544, shape: [16, 16, 32] }, // 1·1·16·32 + 32; stride 2
      block2_proj_bn: { params: 64, nonTrainable: 64 },
      block2_add: { params: 0, shape: [16, 16, 32] },
      gap: { params: 0, shape: [32] },
      classes: { params: 330 }, // 32·10 + 10
    },
  },
  {
    template: 'inception-block',
    total: 7_206, // 896 + 528 + 528 + 3,480 + 132 + 808 + 264 + 570
    nodes: {
      stem: { params: 896, shape: [32, 32, 32] }, // 3·3·3·32 + 32
      branch1_1x1: { params: 528, shape: [32, 32, 16] }, // 1·1·32·16 + 16
      branch2_1x1: { params: 528, shape: [32, 32, 16] }, // 1·1·32·16 + 16
      branch2_3x3: { params: 3_480, shape: [32, 32, 24] }, // 3·3·16·24 + 24
      branch3_1x1: { params: 132, shape: [32, 32, 4] }, // 1·1·32·4 + 4
      branch3_5x5: { params: 808, shape: [32, 32, 8] }, // 5·5·4·8 + 8
      branch4_pool: { params: 0, shape: [32, 32, 32] }, // 3×3, stride 1, same
      branch4_1x1: { params: 264, shape: [32, 32, 8] }, // 1·1·32·8 + 8
      concat: { params: 0, shape: [32, 32, 56] }, // 16 + 24 + 8 + 8 channels
      gap: { params: 0, shape: [56] },
      classes: { params: 570 }, // 56·10 + 10
    },
  },
  {
    template: 'text-lstm',
    total: 72_353, // 64,000 + 8,320 + 33
    nodes: {
      embedding: { params: 64_000, shape: [40, 32] }, // 2000·32
      lstm: { params: 8_320, shape: [32] }, // 4·(32·(32 + 32) + 32)
      sentiment: { params: 33, shape: [1] }, // 32·1 + 1
    },
  },
  {
    template: 'text-gru',
    total: 70_273, // 64,000 + 6,240 + 33
    nodes: {
      embedding: { params: 64_000, shape: [40, 32] }, // 2000·32
      // 3·(32·(32 + 32) + 32). Keras 2's default reset_after=True would give two biases:
      // 3·32·(32 + 32) + 2·3·32 = 6,336; TF.js' GRUCell rejects reset_after.
      gru: { params: 6_240, shape: [32] },
      sentiment: { params: 33, shape: [1] }, // 32·1 + 1
    },
  },
  {
    template: 'text-bilstm',
    total: 80_705, // 64,000 + 16,640 + 65
    nodes: {
      embedding: { params: 64_000, shape: [40, 32] },
      bilstm: { params: 16_640, shape: [64] }, // 2·4·(32·(32 + 32) + 32); concat: 2·32 wide
      sentiment: { params: 65, shape: [1] }, // 64·1 + 1
    },
  },
  {
    template: 'text-cnn',
    total: 74_369, // 64,000 + 10,304 + 65
    nodes: {
      embedding: { params: 64_000, shape: [40, 32] },
      conv: { params: 10_304, shape: [36, 64] }, // 5·32·64 + 64; valid: 40 − 5 + 1 = 36
      gap: { params: 0, shape: [64] },
      sentiment: { params: 65, shape: [1] }, // 64·1 + 1
    },
  },
  {
    template: 'seq2seq-encoder-decoder',
    total: 12_705, // 4,352 + 8,320 + 33
    nodes: {
      encoder: { params: 4_352, shape: [32] }, // 4·(32·(1 + 32) + 32)
      repeat: { params: 0, shape: [10, 32] },
      decoder: { params: 8_320, shape: [10, 32] }, // 4·(32·(32 + 32) + 32)
      value: { params: 33, shape: [10, 1] }, // 32·1 + 1, applied at every step
    },
  },
  {
    template: 'deep-autoencoder',
    total: 210_390, // sum of the six layers below
    nodes: {
      encoder1: { params: 100_480, shape: [128] }, // 784·128 + 128
      encoder2: { params: 4_128, shape: [32] }, // 128·32 + 32
      code: { params: 198, shape: [6] }, // 32·6 + 6
      decoder1: { params: 224, shape: [32] }, // 6·32 + 32
      decoder2: { params: 4_224, shape: [128] }, // 32·128 + 128
      reconstruction: { params: 101_136, shape: [784] }, // 128·784 + 784
    },
  },
  {
    template: 'denoising-autoencoder',
    total: 435_536, // 200,960 + 16,448 + 16,640 + 201,488
    nodes: {
      noise: { params: 0, shape: [784] },
      encoder1: { params: 200_960 }, // 784·256 + 256
      code: { params: 16_448 }, // 256·64 + 64
      decoder1: { params: 16_640 }, // 64·256 + 256
      reconstruction: { params: 201_488, shape: [784] }, // 256·784 + 784
    },
  },
  {
    template: 'conv-autoencoder',
    total: 3_217, // 160 + 1,160 + 584 + 1,168 + 145
    nodes: {
      enc_conv1: { params: 160, shape: [28, 28, 16] }, // 3·3·1·16 + 16
      enc_pool1: { params: 0, shape: [14, 14, 16] },
      enc_conv2: { params: 1_160, shape: [14, 14, 8] }, // 3·3·16·8 + 8
      enc_pool2: { params: 0, shape: [7, 7, 8] },
      dec_conv1: { params: 584, shape: [7, 7, 8] }, // 3·3·8·8 + 8
      dec_up1: { params: 0, shape: [14, 14, 8] },
      dec_conv2: { params: 1_168, shape: [14, 14, 16] }, // 3·3·8·16 + 16
      dec_up2: { params: 0, shape: [28, 28, 16] },
      reconstruction: { params: 145, shape: [28, 28, 1] }, // 3·3·16·1 + 1
    },
  },
  {
    template: 'simple-rnn-sequence',
    total: 1_121, // 1,088 + 33
    nodes: { rnn: { params: 1_088, shape: [32] }, next: { params: 33, shape: [1] } }, // 32·(1 + 32) + 32
  },
  {
    template: 'lstm-sequence',
    total: 4_385, // 4,352 + 33
    nodes: { lstm: { params: 4_352, shape: [32] } }, // 4·(32·(1 + 32) + 32)
  },
  {
    template: 'gru-sequence',
    total: 3_297, // 3,264 + 33
    nodes: { gru: { params: 3_264, shape: [32] } }, // 3·(32·(1 + 32) + 32)
  },
];

const TEMPLATES_DIR = fileURLToPath(new URL('../../resources/templates/', import.meta.url));

function size(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((a, b) => a * (b ?? 0), 1);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(REFERENCES)('$template', (reference) => {
  const document = parseGraphDocumentOrThrow(
    readFileSync(`${TEMPLATES_DIR}${reference.template}.json`, 'utf8'),
  );
  const nonTrainable = reference.nonTrainable ?? 0;

  it('shape inference gives the textbook numbers', () => {
    const analysis = analyzeGraph(document);
    expect(analysis.totals.total).toBe(reference.total);
    expect(analysis.totals.nonTrainable).toBe(nonTrainable);
    expect(analysis.totals.trainable).toBe(reference.total - nonTrainable);
    for (const [id, expected] of Object.entries(reference.nodes ?? {})) {
      const node = analysis.nodes.get(id);
      expect(node, id).toBeDefined();
      expect(node!.params, id).toEqual({
        trainable: expected.params,
        nonTrainable: expected.nonTrainable ?? 0,
      });
      if (expected.shape) expect(node!.output?.shape, id).toEqual(expected.shape);
    }
  });

  it('the TF.js model gives the textbook numbers', () => {
    const { model, layersByNode } = compileGraph(document, { seed: 1 });
    try {
      expect(model.countParams()).toBe(reference.total);
      const trainable = model.trainableWeights.reduce((sum, w) => sum + size(w.shape), 0);
      expect(trainable).toBe(reference.total - nonTrainable);
      for (const [id, expected] of Object.entries(reference.nodes ?? {})) {
        const layers = (layersByNode.get(id) ?? []).map((name) => model.getLayer(name));
        expect(layers.length, id).toBeGreaterThan(0);
        const own = layers.reduce((sum, layer) => sum + layer.countParams(), 0);
        const ownTrainable = layers
          .flatMap((layer) => layer.trainableWeights)
          .reduce((sum, w) => sum + size(w.shape), 0);
        expect(ownTrainable, id).toBe(expected.params);
        expect(own, id).toBe(expected.params + (expected.nonTrainable ?? 0));
        if (expected.shape) {
          expect(layers[layers.length - 1]!.outputShape, id).toEqual([null, ...expected.shape]);
        }
      }
    } finally {
      model.dispose();
    }
  });
});

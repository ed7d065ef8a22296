import { describe, expect, it } from 'vitest';
import { openInsideModel } from '../../../src/main/engine/inside/inside-model';
import type { InsideModel } from '../../../src/main/engine/inside/inside-model';
import { explainExample } from '../../../src/main/engine/inside/explain';
import { nodeValue, runGraph } from '../../../src/main/engine/inside/run-graph';
import { tf } from '../../../src/main/engine/tf';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph, chain } from '../../fixtures/build-graph';

/**
 * Looking inside a network, checked against independent computations: saliency against finite
 * differences, Integrated Gradients against its completeness, Grad-CAM against the formula
 * worked out by hand for a branching network, feature maps against the network cut there.
 */

const classifier = { task: 'classification', loss: 'categoricalCrossentropy' } as const;

/** Pseudo-random values in [−1, 1), the same for the same seed. */
function randomValues(size: number, seed: number): Float32Array {
  let state = seed * 2654435761;
  return Float32Array.from({ length: size }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  });
}

/** The explained class's score before softmax for one example, as the network computes it. */
function score(model: InsideModel, values: Float32Array, k: number): number {
  return tf.tidy(() => {
    const x = tf.tensor(values, [1, ...model.inputShape]);
    return runGraph(model, x).scores.dataSync()[k]!;
  });
}

/** Central differences of the score with respect to every input value, in double steps. */
function finiteDifferences(model: InsideModel, values: Float32Array, k: number): number[] {
  const eps = 1e-2;
  return Array.from(values, (_, i) => {
    const up = Float32Array.from(values);
    const down = Float32Array.from(values);
    up[i] = up[i]! + eps;
    down[i] = down[i]! - eps;
    return (score(model, up, k) - score(model, down, k)) / (up[i] - down[i]);
  });
}

function relativeError(a: readonly number[], b: readonly number[]): number {
  const difference = Math.hypot(...a.map((value, i) => value - b[i]!));
  return difference / Math.hypot(...b);
}

const dense = chain(
  { form: 'vector', shape: [4] },
  [
    ['Dense', { units: 8, activation: 'tanh' }],
    ['Dense', { units: 3, activation: 'softmax' }],
  ],
  classifier,
);

const conv = chain(
  { form: 'image', shape: [6, 6, 1] },
  [
    ['Conv2D', { filters: 3, kernelSize: [3, 3], activation: 'tanh' }],
    ['Flatten'],
    ['Dense', { units: 2, activation: 'softmax' }],
  ],
  classifier,
);

describe('saliency', () => {
  it.each([
    ['a dense network', dense],
    ['a convolutional network', conv],
  ])(
    'on %s equals central finite differences of the class score (3 seeds × 3 inputs)',
    (_, document: GraphDocument) => {
      for (const seed of [1, 2, 3]) {
        const model = openInsideModel(document, undefined, seed);
        try {
          for (const inputSeed of [11, 12, 13]) {
            const values = randomValues(
              model.inputShape.reduce((a, b) => a * b, 1),
              inputSeed,
            );
            const explanation = explainExample(model, values, { method: 'saliency' });
            expect(explanation.mapShape).toEqual([...model.inputShape]);
            const expected = finiteDifferences(model, values, explanation.classIndex);
            expect(relativeError(explanation.map, expected)).toBeLessThan(1e-3);
          }
        } finally {
          model.dispose();
        }
      }
    },
  );

  it('explains the winning class by default, any class when asked, and refuses a class that does not exist', () => {
    const model = openInsideModel(dense, undefined, 4);
    try {
      const values = randomValues(4, 5);
      const winner = explainExample(model, values, { method: 'saliency' });
      // The score explained is the one before softmax (the notes' o_m): its softmax is the output.
      const scores = [0, 1, 2].map((k) => score(model, values, k));
      const total = scores.reduce((a, b) => a + Math.exp(b), 0);
      scores.forEach((o, k) => expect(Math.exp(o) / total).toBeCloseTo(winner.output[k]!, 6));
      expect(winner.classIndex).toBe(winner.output.indexOf(Math.max(...winner.output)));
      const other = explainExample(model, values, { method: 'saliency', classIndex: 2 });
      expect(other.classIndex).toBe(2);
      expect(relativeError(other.map, finiteDifferences(model, values, 2))).toBeLessThan(1e-3);
      expect(() => explainExample(model, values, { method: 'saliency', classIndex: 3 })).toThrow(
        'There is no class 3: the network tells 3 classes apart, numbered 0 to 2.',
      );
    } finally {
      model.dispose();
    }
  });

  it('of a regression is the derivative of the predicted value', () => {
    const document = chain({ form: 'vector', shape: [3] }, [
      ['Dense', { units: 5, activation: 'sigmoid' }],
      ['Dense', { units: 1 }],
    ]);
    const model = openInsideModel(document, undefined, 7);
    try {
      const values = randomValues(3, 8);
      const explanation = explainExample(model, values, { method: 'saliency' });
      expect(explanation.explained).toBe('value');
      expect(relativeError(explanation.map, finiteDifferences(model, values, 0))).toBeLessThan(
        1e-3,
      );
    } finally {
      model.dispose();
    }
  });
});

describe('Integrated Gradients', () => {
  it.each([
    ['a dense network', dense, 'score'],
    ['a convolutional network', conv, 'score'],
    ['a dense network, explaining the probability', dense, 'probability'],
  ] as const)('on %s adds up to f(x) − f(baseline) within 1%%', (_, document, target) => {
    const model = openInsideModel(document, undefined, 3);
    try {
      const values = randomValues(
        model.inputShape.reduce((a, b) => a * b, 1),
        21,
      );
      const explanation = explainExample(model, values, {
        method: 'integrated-gradients',
        target,
      });
      const sum = explanation.map.reduce((a, b) => a + b, 0);
      expect(Math.abs(explanation.difference!)).toBeGreaterThan(1e-3);
      expect(Math.abs(sum - explanation.difference!)).toBeLessThan(
        0.01 * Math.abs(explanation.difference!),
      );
    } finally {
      model.dispose();
    }
  });
});

/** Weights of a layer as plain arrays: [kernel, bias]. */
function weightsOf(model: InsideModel, layer: string): tf.Tensor[] {
  return model.compiled.model.getLayer(layer).getWeights();
}

/**
 * Grad-CAM worked out by hand for a branch that reaches the answer only through an addition or
 * a concatenation, global average pooling and a dense layer: the gradient of class k's score
 * with respect to channel c at every position is w[c′, k] / (H·W), with c′ the channel's place
 * after the concatenation. The map is relu(Σ_c w[c′, k] / (H·W) · A_c), with A computed here
 * from the layers' weights by plain convolutions.
 */
function gradCamByHand(
  activations: tf.Tensor4D,
  dense: tf.Tensor,
  offset: number,
  k: number,
): number[] {
  return tf.tidy(() => {
    const [, height, width, channels] = activations.shape;
    const column = dense.slice([offset, k], [channels, 1]).reshape([channels]);
    const weights = column.div(height * width);
    return Array.from(activations.mul(weights).sum(-1).relu().dataSync());
  });
}

function convolve(x: tf.Tensor4D, [kernel, bias]: tf.Tensor[], padding: 'same' | 'valid') {
  return tf.relu(tf.conv2d(x, kernel as tf.Tensor4D, 1, padding).add(bias!)) as tf.Tensor4D;
}

describe('Grad-CAM', () => {
  const image = { form: 'image', shape: [8, 8, 2] };

  it('on a ResNet-style block weighs the feature maps of a layer inside the branch', () => {
    const document = buildGraph(
      [
        ['x', 'Input', image],
        ['a', 'Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['b', 'Conv2D', { filters: 4, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['sum', 'Add', {}],
        ['gap', 'GlobalAvgPool2D', {}],
        ['classes', 'Dense', { units: 3, activation: 'softmax' }],
        ['y', 'Output', classifier],
      ],
      [
        ['x', 'a'],
        ['a', 'b'],
        ['a', 'sum', 'in1'],
        ['b', 'sum', 'in2'],
        ['sum', 'gap'],
        ['gap', 'classes'],
        ['classes', 'y'],
      ],
    );
    const model = openInsideModel(document, undefined, 5);
    try {
      const values = randomValues(8 * 8 * 2, 31).map(Math.abs);
      const explanation = explainExample(model, values, { method: 'gradcam', layer: 'b' });
      expect(explanation.layer).toBe('b');
      expect(explanation.mapShape).toEqual([8, 8]);
      const expected = tf.tidy(() => {
        const x = tf.tensor4d(values, [1, 8, 8, 2]);
        const b = convolve(
          convolve(x, weightsOf(model, 'a'), 'same'),
          weightsOf(model, 'b'),
          'same',
        );
        return gradCamByHand(b, weightsOf(model, 'classes')[0]!, 0, explanation.classIndex);
      });
      expect(Math.max(...expected)).toBeGreaterThan(0);
      explanation.map.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
      // The last convolution is the default layer.
      expect(explainExample(model, values, { method: 'gradcam' }).layer).toBe('b');
    } finally {
      model.dispose();
    }
  });

  it('on an Inception-style block weighs the branch it is asked about, after the concatenation', () => {
    const document = buildGraph(
      [
        ['x', 'Input', image],
        ['one', 'Conv2D', { filters: 2, kernelSize: [1, 1], activation: 'relu' }],
        [
          'three',
          'Conv2D',
          { filters: 3, kernelSize: [3, 3], padding: 'same', activation: 'relu' },
        ],
        ['pool', 'MaxPool2D', { poolSize: [3, 3], strides: [1, 1], padding: 'same' }],
        ['join', 'Concatenate', { inputs: 3 }],
        ['gap', 'GlobalAvgPool2D', {}],
        ['classes', 'Dense', { units: 2, activation: 'softmax' }],
        ['y', 'Output', classifier],
      ],
      [
        ['x', 'one'],
        ['x', 'three'],
        ['x', 'pool'],
        ['one', 'join', 'in1'],
        ['three', 'join', 'in2'],
        ['pool', 'join', 'in3'],
        ['join', 'gap'],
        ['gap', 'classes'],
        ['classes', 'y'],
      ],
    );
    const model = openInsideModel(document, undefined, 6);
    try {
      const values = randomValues(8 * 8 * 2, 41).map(Math.abs);
      for (const k of [0, 1]) {
        const explanation = explainExample(model, values, {
          method: 'gradcam',
          layer: 'three',
          classIndex: k,
        });
        const expected = tf.tidy(() => {
          const x = tf.tensor4d(values, [1, 8, 8, 2]);
          const three = convolve(x, weightsOf(model, 'three'), 'same');
          // Channels 0–1 come from "one", 2–4 from "three".
          return gradCamByHand(three, weightsOf(model, 'classes')[0]!, 2, k);
        });
        expect(explanation.mapShape).toEqual([8, 8]);
        explanation.map.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 5));
      }
    } finally {
      model.dispose();
    }
  });

  it('says what to do on a network without convolutions, or on a layer that is not one', () => {
    const model = openInsideModel(dense, undefined, 1);
    try {
      expect(() => explainExample(model, randomValues(4, 1), { method: 'gradcam' })).toThrow(
        'Grad-CAM weighs the feature maps of a convolution layer, and this network has none. Use saliency, SmoothGrad or Integrated Gradients instead.',
      );
      expect(() =>
        explainExample(model, randomValues(4, 1), { method: 'gradcam', layer: 'l1' }),
      ).toThrow('is not one. Name a Conv1D or Conv2D layer.');
      expect(() =>
        explainExample(model, randomValues(4, 1), { method: 'gradcam', layer: 'nope' }),
      ).toThrow('The network has no layer "nope". Its layers are "l1", "l2"; name one by its id.');
    } finally {
      model.dispose();
    }
  });
});

describe('feature maps', () => {
  it('equal the output of the network cut at the layer, for every layer', () => {
    const model = openInsideModel(conv, undefined, 2);
    try {
      const values = randomValues(36, 51);
      for (const nodeId of ['l1', 'l2', 'l3']) {
        const maps = nodeValue(model, values, nodeId);
        const layers = model.compiled.layersByNode.get(nodeId)!;
        const cut = tf.model({
          inputs: model.compiled.model.inputs,
          outputs: model.compiled.model.getLayer(layers[layers.length - 1]!).output,
        });
        const expected = tf.tidy(() =>
          Array.from((cut.predict(tf.tensor(values, [1, 6, 6, 1])) as tf.Tensor).dataSync()),
        );
        expect(maps.shape).toEqual((cut.outputs[0]!.shape as number[]).slice(1));
        maps.values.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));
      }
    } finally {
      model.dispose();
    }
  });
});

describe('SmoothGrad', () => {
  it('is the same map for the same seed, and close to saliency when the noise is tiny', () => {
    const model = openInsideModel(dense, undefined, 9);
    try {
      const values = randomValues(4, 61);
      const first = explainExample(model, values, { method: 'smoothgrad', seed: 3 });
      const again = explainExample(model, values, { method: 'smoothgrad', seed: 3 });
      expect(again.map).toEqual(first.map);
      const plain = explainExample(model, values, { method: 'saliency' });
      const tiny = explainExample(model, values, { method: 'smoothgrad', noise: 1e-4 });
      expect(relativeError(tiny.map, plain.map)).toBeLessThan(1e-2);
      expect(() => explainExample(model, values, { method: 'smoothgrad', samples: 201 })).toThrow(
        'samples must be a whole number from 1 to 200 (got 201)',
      );
    } finally {
      model.dispose();
    }
  });
});

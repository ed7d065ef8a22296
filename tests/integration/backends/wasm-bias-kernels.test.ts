import { beforeAll, describe, expect, it } from 'vitest';
import { startWasmBackend } from '../../../src/main/engine/backends/load-wasm';
import { quietCpuBackend } from '../../../src/main/engine/backends/quiet-cpu';
import { tf } from '../../../src/main/engine/tf';
import { seededRandom } from './train-step';

/**
 * The wasm kernels for a bias (wasm-bias-kernels.ts) and the sharing Identity
 * (wasm-identity.ts) must not change a single number: the bias add is compared with the cpu
 * backend, the bias gradient's sum with TF.js' own wasm Sum over the same rows, bit for bit.
 */

const random = seededRandom(20_261_208);

function randomTensor(shape: number[], scale = 1): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: size }, () => {
    const u = random();
    // Some exact zeros and negative zeros, and a spread of magnitudes.
    if (u < 0.02) return u < 0.01 ? 0 : -0;
    return (random() - 0.5) * scale * (u > 0.98 ? 1000 : 1);
  });
  return tf.tensor(values, shape);
}

function bits(tensor: tf.Tensor): Uint32Array {
  const values = tensor.dataSync() as Float32Array;
  return new Uint32Array(values.buffer, values.byteOffset, values.length);
}

/**
 * Where two results first differ in their bits ("none" when they are equal): a short message
 * rather than a diff of hundreds of thousands of numbers.
 */
function firstDifference(actual: Uint32Array, expected: Uint32Array): string {
  if (actual.length !== expected.length) return `${actual.length} numbers, not ${expected.length}`;
  const i = actual.findIndex((bitsOfValue, j) => bitsOfValue !== expected[j]);
  if (i < 0) return 'none';
  const asFloat = (b: number) => new Float32Array(new Uint32Array([b]).buffer)[0];
  return `at ${i}: ${asFloat(actual[i]!)} instead of ${asFloat(expected[i]!)}`;
}

/** Shapes of a batch of feature maps and their channel counts: fours, and others (LeNet-5's 6). */
const SHAPES: number[][] = [
  [64, 26, 26, 8],
  [3, 5, 5, 4],
  [2, 7, 16],
  [9, 12],
  [1, 1, 1, 20],
  [4, 6, 6, 10],
  [8, 28, 28, 6],
  [3, 5, 5, 7],
  [5, 3],
  [2, 3],
];

beforeAll(async () => {
  quietCpuBackend();
  const started = await startWasmBackend();
  if (!started.ok) throw new Error(started.reason);
});

describe('a bias on the wasm backend', () => {
  for (const shape of SHAPES) {
    const channels = shape[shape.length - 1]!;
    it(`adding a bias of ${channels} channels to ${shape.join('×')} gives the cpu backend's numbers`, async () => {
      await tf.setBackend('wasm');
      const x = randomTensor(shape, 4);
      const bias = randomTensor([channels]);
      const padded = bias.reshape([...Array<number>(shape.length - 1).fill(1), channels]);
      const onWasm = [tf.add(x, bias), tf.add(bias, x), tf.add(x, padded)].map(bits);
      const xValues = x.dataSync().slice();
      const biasValues = bias.dataSync().slice();

      await tf.setBackend('cpu');
      const cpuX = tf.tensor(xValues, shape);
      const cpuBias = tf.tensor(biasValues, [channels]);
      const expected = bits(tf.add(cpuX, cpuBias));
      for (const result of onWasm) expect(firstDifference(result, expected)).toBe('none');
    });

    it(`the bias gradient of ${shape.join('×')} (a sum over all axes but the channels) is TF.js' own sum`, async () => {
      await tf.setBackend('wasm');
      const x = randomTensor(shape, 4);
      const leading = [...Array(shape.length - 1).keys()];
      // TF.js' own wasm Sum over each channel's row, in memory order: channels first, then the
      // innermost axis (a path the bias kernel does not take).
      const perm = [shape.length - 1, ...leading];
      const rows = tf.transpose(x, perm).reshape([channels, -1]);
      const expected = bits(tf.sum(rows, 1));

      expect(firstDifference(bits(tf.sum(x, leading)), expected)).toBe('none');
      const kept = tf.sum(x, leading, true);
      expect(kept.shape).toEqual([...Array<number>(shape.length - 1).fill(1), channels]);
      expect(firstDifference(bits(kept), expected)).toBe('none');
    });
  }
});

describe('Identity on the wasm backend', () => {
  it('a clone keeps its values when the tensor it was cloned from is disposed', async () => {
    await tf.setBackend('wasm');
    const x = randomTensor([3, 4]);
    const before = bits(x).slice();
    const clone = tf.clone(x);
    x.dispose();
    expect(firstDifference(bits(clone), before)).toBe('none');
    clone.dispose();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { startWasmBackend } from '../../../src/main/engine/backends/load-wasm';
import { quietCpuBackend } from '../../../src/main/engine/backends/quiet-cpu';
import { tf } from '../../../src/main/engine/tf';
import { seededRandom } from './train-step';

/**
 * ReLU's gradient on wasm runs as one SIMD pass (wasm-relu-grad.ts). It must give TF.js' own
 * gradient (the cpu backend's) bit for bit, special numbers included, and a gradient of the
 * gradient must still work.
 */

const random = seededRandom(20_261_209);

/** Random numbers with zeros of both signs, infinities and NaNs among them. */
function values(size: number): Float32Array {
  const specials = [0, -0, Infinity, -Infinity, Number.NaN, 1e-45, -1e-45];
  return Float32Array.from({ length: size }, () =>
    random() < 0.1 ? specials[Math.floor(random() * specials.length)]! : random() - 0.5,
  );
}

function bits(tensor: tf.Tensor): Uint32Array {
  const data = tensor.dataSync() as Float32Array;
  return new Uint32Array(data.buffer, data.byteOffset, data.length);
}

/** Where two results first differ ("none" when they are equal), NaNs counting as equal. */
function firstDifference(actual: tf.Tensor, expected: tf.Tensor): string {
  const a = bits(actual);
  const e = bits(expected);
  const isNaN = (b: number) => (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0;
  const i = a.findIndex((b, j) => b !== e[j] && !(isNaN(b) && isNaN(e[j]!)));
  return i < 0 ? 'none' : `at ${i}: ${actual.dataSync()[i]} instead of ${expected.dataSync()[i]}`;
}

async function reluGradient(backend: string, x: Float32Array, dy: Float32Array, shape: number[]) {
  await tf.setBackend(backend);
  const input = tf.tensor(x, shape);
  const upstream = tf.tensor(dy, shape);
  // The gradient of Σ relu(x)·dy is dy where x > 0: ReLU's gradient applied to dy.
  return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.relu(t), upstream)))(input);
}

beforeAll(async () => {
  quietCpuBackend();
  const started = await startWasmBackend();
  if (!started.ok) throw new Error(started.reason);
});

describe('ReLU’s gradient on the wasm backend', () => {
  for (const shape of [[64, 26, 26, 8], [3, 7], [5], [2, 2, 2, 2]]) {
    it(`is TF.js’ own gradient for ${shape.join('×')}`, async () => {
      const size = shape.reduce((a, b) => a * b, 1);
      const x = values(size);
      const dy = values(size);
      const expected = await reluGradient('cpu', x, dy, shape);
      const actual = await reluGradient('wasm', x, dy, shape);
      expect(firstDifference(actual, expected)).toBe('none');
    });
  }

  it('still takes a gradient of the gradient (second derivative of relu(x)²)', async () => {
    const x = values(12).map((v) => (Number.isFinite(v) ? v * 4 : 1));
    const second = async (backend: string) => {
      await tf.setBackend(backend);
      const f = (t: tf.Tensor) => tf.sum(tf.square(tf.relu(t)));
      return tf.grad((t: tf.Tensor) => tf.sum(tf.grad(f)(t)))(tf.tensor(x));
    };
    expect(firstDifference(await second('wasm'), await second('cpu'))).toBe('none');
  });
});

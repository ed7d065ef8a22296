import { beforeAll, describe, expect, it } from 'vitest';
import {
  CPU_KERNEL_FIXES,
  registerCpuGradientFixes,
} from '../../../src/main/engine/backends/cpu-gradient-fixes';
import { startWasmBackend } from '../../../src/main/engine/backends/load-wasm';
import { quietCpuBackend } from '../../../src/main/engine/backends/quiet-cpu';
import { WASM_GRADIENT_KERNELS } from '../../../src/main/engine/backends/wasm-gradients';
import { tf } from '../../../src/main/engine/tf';
import { seededRandom } from './train-step';

/**
 * Every kernel Neurite registers for the wasm backend, and every cpu kernel it replaces,
 * against TF.js' own cpu implementation (or, where that one is wrong, an independent one):
 * random inputs, several shapes and geometries, tolerance 1e-4 (relative above 1).
 */

type Attrs = Record<string, unknown>;
interface Input {
  readonly shape: number[];
  readonly values: Float32Array | Int32Array;
  readonly dtype: 'float32' | 'int32';
}

/** Deterministic pseudo-random numbers without TF.js (cases are built before a backend runs). */
const random = seededRandom(20_251_121);

function randomInput(shape: number[], options: { integers?: number; int32?: boolean } = {}): Input {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: size }, () =>
    options.integers === undefined
      ? Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
      : Math.floor(random() * options.integers),
  );
  return options.int32
    ? { shape, values: Int32Array.from(values), dtype: 'int32' }
    : { shape, values: Float32Array.from(values), dtype: 'float32' };
}

function ints(shape: number[], values: number[]): Input {
  return { shape, values: Int32Array.from(values), dtype: 'int32' };
}

/** Runs a kernel on a backend through the engine, as a gradient function would. */
async function runOn(
  backend: string,
  kernelName: string,
  inputs: Record<string, Input>,
  attrs: Attrs,
): Promise<{ shape: number[]; values: Float32Array | Int32Array }> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const tensors = Object.fromEntries(
      Object.entries(inputs).map(([name, i]) => [name, tf.tensor(i.values, i.shape, i.dtype)]),
    );
    const out = tf.engine().runKernel<tf.Tensor>(kernelName, tensors, attrs as tf.NamedAttrMap);
    return { shape: out.shape, values: out.dataSync() as Float32Array | Int32Array };
  });
}

function expectClose(
  actual: { shape: number[]; values: ArrayLike<number> },
  expected: { shape: number[]; values: ArrayLike<number> },
): void {
  expect(actual.shape).toEqual(expected.shape);
  let worst = 0;
  for (let i = 0; i < expected.values.length; i++) {
    const e = expected.values[i]!;
    const diff = Math.abs(actual.values[i]! - e) / Math.max(1, Math.abs(e));
    worst = Math.max(worst, diff);
  }
  expect(worst).toBeLessThanOrEqual(1e-4);
}

async function expectSameOnWasmAndCpu(
  kernelName: string,
  inputs: Record<string, Input>,
  attrs: Attrs,
): Promise<void> {
  const cpu = await runOn('cpu', kernelName, inputs, attrs);
  const wasm = await runOn('wasm', kernelName, inputs, attrs);
  expectClose(wasm, cpu);
}

function convOutShape(
  xShape: number[],
  filterShape: number[],
  strides: number | [number, number],
  pad: unknown,
  depthwise = false,
): number[] {
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    1,
    pad as 'same',
    undefined,
    depthwise,
  ).outShape;
}

beforeAll(async () => {
  quietCpuBackend();
  expect(await startWasmBackend()).toEqual({ ok: true });
});

describe('the kernels registered for wasm', () => {
  it('are exactly the ones the wasm backend lacks or gets wrong', () => {
    const registered = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName));
    for (const name of WASM_GRADIENT_KERNELS) expect(registered.has(name), name).toBe(true);
    expect([...WASM_GRADIENT_KERNELS].sort()).toEqual([
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
      'MaxPoolGrad',
      'UnsortedSegmentSum',
    ]);
  });
});

describe('Conv2DBackpropFilter on wasm', () => {
  // [x shape, filter shape, strides, padding]
  const cases: [number[], number[], number | [number, number], unknown][] = [
    [[2, 7, 7, 3], [3, 3, 3, 4], 1, 'valid'],
    [[2, 7, 7, 3], [3, 3, 3, 4], 1, 'same'],
    [[1, 9, 8, 2], [3, 2, 2, 5], 2, 'same'],
    [[3, 10, 11, 1], [5, 5, 1, 8], 2, 'valid'],
    [[2, 8, 8, 3], [3, 3, 3, 2], [2, 1], 'same'],
    [[2, 1, 20, 6], [1, 3, 6, 4], [1, 2], 'same'],
    [[2, 6, 6, 4], [1, 1, 4, 3], 1, 'valid'],
    [[4, 28, 28, 1], [3, 3, 1, 8], 1, 'valid'],
    // One input channel, up to 16 filters: the SIMD module (wasm-conv-filter-simd.ts).
    [[8, 28, 28, 1], [5, 5, 1, 6], 1, 'same'],
    [[2, 9, 8, 1], [3, 3, 1, 5], 2, 'same'],
    [[3, 6, 7, 1], [2, 3, 1, 3], 1, 'valid'],
    [[2, 10, 10, 1], [3, 3, 1, 13], 1, 'valid'],
    [[16, 28, 28, 1], [3, 3, 1, 16], 1, 'valid'],
    [[2, 9, 11, 1], [3, 2, 1, 4], [2, 3], 'same'],
    [[3, 12, 7, 1], [5, 5, 1, 12], 1, 'same'],
    [[2, 8, 8, 1], [4, 4, 1, 8], 3, 'valid'],
    [[1, 5, 6, 1], [5, 6, 1, 4], 1, 'valid'],
    [
      [2, 7, 6, 1],
      [3, 3, 1, 8],
      [2, 1],
      [
        [0, 0],
        [2, 1],
        [1, 2],
        [0, 0],
      ],
    ],
    [
      [2, 6, 7, 2],
      [3, 3, 2, 3],
      1,
      [
        [0, 0],
        [1, 2],
        [0, 1],
        [0, 0],
      ],
    ],
  ];
  it.each(cases)('x %j, filter %j, strides %j, padding %j', async (xShape, filterShape, s, pad) => {
    const x = randomInput(xShape);
    const dy = randomInput(convOutShape(xShape, filterShape, s, pad));
    await expectSameOnWasmAndCpu(
      'Conv2DBackpropFilter',
      { x, dy },
      { strides: s, pad, dataFormat: 'NHWC', filterShape },
    );
  });
});

describe('Conv2DBackpropInput on wasm (a convolution by XNNPACK)', () => {
  type Padding = 'valid' | 'same' | number[][];
  /** A random geometry: sizes 1–12, filters 1–5, strides 1–3, any of the three paddings. */
  function randomCase(): [number[], number[], [number, number], Padding] {
    const pick = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
    const [filterHeight, filterWidth] = [pick(1, 5), pick(1, 5)];
    const xShape = [pick(1, 3), pick(filterHeight, 12), pick(filterWidth, 12), pick(1, 5)];
    const filterShape = [filterHeight, filterWidth, xShape[3]!, pick(1, 6)];
    const strides: [number, number] = [pick(1, 3), pick(1, 3)];
    const kind = pick(0, 2);
    const pad: Padding =
      kind === 0
        ? 'valid'
        : kind === 1
          ? 'same'
          : [
              [0, 0],
              [pick(0, filterHeight - 1), pick(0, filterHeight - 1)],
              [pick(0, filterWidth - 1), pick(0, filterWidth - 1)],
              [0, 0],
            ];
    return [xShape, filterShape, strides, pad];
  }
  const cases: [number[], number[], number | [number, number], Padding][] = [
    // The second convolutions of LeNet-5 and of the small MNIST CNN.
    [[8, 14, 14, 6], [5, 5, 6, 16], 1, 'valid'],
    [[8, 13, 13, 16], [3, 3, 16, 32], 1, 'valid'],
    // One input channel (a depthwise convolution summed over channels): LeNet-5's first layer.
    [[2, 28, 28, 1], [5, 5, 1, 6], 1, 'same'],
    [[8, 28, 28, 1], [3, 3, 1, 16], 1, 'valid'],
    [[2, 9, 10, 1], [3, 3, 1, 4], [2, 2], 'same'],
    [[1, 5, 5, 1], [2, 2, 1, 1], 1, 'valid'],
    [[2, 1, 20, 6], [1, 3, 6, 4], [1, 2], 'same'],
    ...Array.from({ length: 30 }, randomCase),
  ];
  it.each(cases)('x %j, filter %j, strides %j, padding %j', async (xShape, filterShape, s, pad) => {
    const dy = randomInput(convOutShape(xShape, filterShape, s, pad));
    await expectSameOnWasmAndCpu(
      'Conv2DBackpropInput',
      { dy, filter: randomInput(filterShape) },
      { strides: s, pad, dataFormat: 'NHWC', inputShape: xShape },
    );
  });
});

describe('MaxPoolGrad on wasm', () => {
  // [x shape, pool size, strides, padding]
  const cases: [number[], number | [number, number], number | [number, number], string][] = [
    [[1, 4, 4, 1], 2, 2, 'valid'],
    [[2, 7, 7, 3], 2, 2, 'same'],
    [[2, 8, 8, 3], 3, 2, 'same'],
    [[2, 7, 7, 3], 3, 1, 'same'],
    [[1, 6, 6, 1], 2, 1, 'valid'],
    [[2, 1, 9, 3], [1, 2], [1, 2], 'valid'],
    [[3, 5, 6, 2], [2, 3], [1, 2], 'same'],
    [[4, 26, 26, 8], 2, 2, 'valid'],
  ];
  it.each(cases)('x %j, pool %j, strides %j, %s', async (xShape, filterSize, strides, pad) => {
    const input = randomInput(xShape);
    const output = await runOn('cpu', 'MaxPool', { x: input }, { filterSize, strides, pad });
    const dy = randomInput(output.shape);
    await expectSameOnWasmAndCpu(
      'MaxPoolGrad',
      { dy, input, output: { ...output, dtype: 'float32' } },
      { filterSize, strides, pad },
    );
  });

  it('sends the gradient of a tie to the first largest input, as the cpu backend does', async () => {
    const input = randomInput([2, 6, 6, 2], { integers: 3 });
    const asFloat = {
      ...input,
      values: Float32Array.from(input.values),
      dtype: 'float32' as const,
    };
    const attrs = { filterSize: 3, strides: 1, pad: 'same' };
    const output = await runOn('cpu', 'MaxPool', { x: asFloat }, attrs);
    const dy = randomInput(output.shape);
    await expectSameOnWasmAndCpu(
      'MaxPoolGrad',
      { dy, input: asFloat, output: { ...output, dtype: 'float32' } },
      attrs,
    );
  });
});

describe('MaxPoolGrad on wasm, 2×2 windows at stride 2 (the fast path)', () => {
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  /** Odd and even sizes; values from {0, 1, 2} in half the cases, so windows have ties. */
  const cases: [number[], 'valid' | 'same', boolean][] = [
    [[8, 26, 26, 16], 'valid', false],
    [[3, 7, 5, 2], 'same', true],
    // Channels in fours: the SIMD module (wasm-max-pool-simd.ts), odd sizes included.
    [[2, 6, 8, 4], 'valid', true],
    [[3, 4, 4, 8], 'same', true],
    [[1, 12, 10, 12], 'valid', true],
    [[2, 8, 6, 16], 'same', false],
    [[2, 7, 6, 8], 'valid', true],
    [[3, 9, 7, 4], 'same', true],
    [[2, 5, 5, 8], 'same', false],
    [[8, 11, 11, 32], 'valid', false],
    ...Array.from({ length: 20 }, (_, i): [number[], 'valid' | 'same', boolean] => [
      [pick(1, 3), pick(2, 11), pick(2, 11), pick(1, 6)],
      i % 2 === 0 ? 'valid' : 'same',
      i % 4 < 2,
    ]),
  ];
  it.each(cases)('x %j, %s, ties %s', async (xShape, pad, ties) => {
    const drawn = randomInput(xShape, ties ? { integers: 3 } : {});
    // After a ReLU, most windows are all zeros: only their first input gets the gradient.
    const input = { ...drawn, values: Float32Array.from(drawn.values), dtype: 'float32' as const };
    const attrs = { filterSize: 2, strides: 2, pad };
    const output = await runOn('cpu', 'MaxPool', { x: input }, attrs);
    const dy = randomInput(output.shape);
    await expectSameOnWasmAndCpu(
      'MaxPoolGrad',
      { dy, input, output: { ...output, dtype: 'float32' } },
      attrs,
    );
  });
  it('sends the gradient of an all-zero window (after a ReLU) to its top-left input', async () => {
    for (const shape of [
      [2, 4, 6, 8],
      [1, 4, 4, 3],
    ]) {
      const input = {
        shape,
        values: new Float32Array(shape.reduce((a, b) => a * b)),
        dtype: 'float32' as const,
      };
      const attrs = { filterSize: 2, strides: 2, pad: 'valid' };
      const output = await runOn('cpu', 'MaxPool', { x: input }, attrs);
      const dy = randomInput(output.shape);
      const inputs = { dy, input, output: { ...output, dtype: 'float32' as const } };
      await expectSameOnWasmAndCpu('MaxPoolGrad', inputs, attrs);
      const dx = await runOn('wasm', 'MaxPoolGrad', inputs, attrs);
      const [, , width, channels] = shape as [number, number, number, number];
      const topLeft = dx.values.filter((_, i) => {
        const pixel = Math.floor(i / channels);
        return (pixel % width) % 2 === 0 && Math.floor(pixel / width) % 2 === 0;
      });
      expect(Array.from(topLeft)).toEqual(Array.from(dy.values));
      expect(dx.values.filter((v) => v !== 0).length).toBe(dy.values.length);
    }
  });
});

describe("AvgPoolGrad on wasm (a fast loop for 2×2 tiles, else the backend's own kernel)", () => {
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  // [x shape, pool size, strides, padding]: LeNet-5's pools, random even-sized images (the
  // fast loop), and geometries left to the backend's own kernel.
  const cases: [number[], number | [number, number], number | [number, number], string][] = [
    [[8, 28, 28, 6], 2, 2, 'valid'],
    [[8, 10, 10, 16], 2, 2, 'valid'],
    ...Array.from({ length: 10 }, (_, i): [number[], number, number, string] => [
      [pick(1, 3), 2 * pick(1, 6), 2 * pick(1, 6), pick(1, 6)],
      2,
      2,
      i % 2 === 0 ? 'valid' : 'same',
    ]),
    [[2, 7, 6, 3], 2, 2, 'valid'],
    [[2, 7, 7, 3], 2, 2, 'same'],
    [[2, 8, 7, 3], 3, 2, 'same'],
    [[3, 5, 6, 2], [2, 3], [1, 2], 'valid'],
    [[2, 6, 6, 2], 3, 1, 'same'],
  ];
  it.each(cases)('x %j, pool %j, strides %j, %s', async (xShape, filterSize, strides, pad) => {
    const input = randomInput(xShape);
    const output = await runOn('cpu', 'AvgPool', { x: input }, { filterSize, strides, pad });
    await expectSameOnWasmAndCpu(
      'AvgPoolGrad',
      { dy: randomInput(output.shape), input },
      { filterSize, strides, pad },
    );
  });
});

describe('UnsortedSegmentSum on wasm (the gradient of Embedding)', () => {
  // TF.js flattens the ids of a gather to one dimension before calling it.
  const cases: [string, () => [Input, Input, number]][] = [
    ['rows of a matrix', () => [randomInput([6, 4]), ints([6], [0, 2, 2, 4, 1, 0]), 5]],
    [
      'ids outside [0, numSegments) are dropped',
      () => [randomInput([5, 3, 2]), ints([5], [-1, 3, 7, 3, 0]), 4],
    ],
    ['a vector', () => [randomInput([7]), ints([7], [1, 1, 1, 0, 2, 2, 1]), 3]],
    [
      'whole numbers',
      () => [randomInput([6, 2], { integers: 9, int32: true }), ints([6], [2, 0, 2, 1, 0, 2]), 3],
    ],
    [
      'an Embedding batch',
      () => [randomInput([400, 32]), randomInput([400], { integers: 300, int32: true }), 300],
    ],
  ];
  it.each(cases)('%s', async (_, make) => {
    const [x, segmentIds, numSegments] = make();
    await expectSameOnWasmAndCpu('UnsortedSegmentSum', { x, segmentIds }, { numSegments });
  });
});

describe('BatchMatMul on wasm, with transposed operands sent to XNNPACK', () => {
  // [a shape, b shape, transposeA, transposeB]: the products of Dense backpropagation, and
  // the cases left to TF.js' own kernel (batched, untransposed).
  const cases: [number[], number[], boolean, boolean][] = [
    [[64, 784], [64, 128], true, false],
    [[64, 10], [128, 10], false, true],
    [[7, 5], [3, 7], true, true],
    [[1, 6, 4], [1, 6, 3], true, false],
    [[3, 4, 5], [3, 6, 5], false, true],
    [[8, 9], [9, 4], false, false],
  ];
  it.each(cases)('a %j · b %j (transposeA %s, transposeB %s)', async (aShape, bShape, tA, tB) => {
    await expectSameOnWasmAndCpu(
      'BatchMatMul',
      { a: randomInput(aShape), b: randomInput(bShape) },
      { transposeA: tA, transposeB: tB },
    );
  });
});

describe('depthwise convolution gradients on wasm', () => {
  // [x shape, filter shape [h, w, in, multiplier], strides, padding]
  const cases: [number[], number[], number, string][] = [
    [[2, 7, 7, 3], [3, 3, 3, 2], 1, 'same'],
    [[1, 9, 8, 2], [3, 3, 2, 1], 2, 'valid'],
    [[2, 5, 6, 4], [2, 2, 4, 3], 1, 'valid'],
  ];
  it.each(cases)('x %j, filter %j, strides %j, %s', async (xShape, filterShape, s, pad) => {
    const dyShape = convOutShape(xShape, filterShape, s, pad, true);
    const attrs = { strides: s, pad, dilations: 1 };
    await expectSameOnWasmAndCpu(
      'DepthwiseConv2dNativeBackpropFilter',
      { x: randomInput(xShape), dy: randomInput(dyShape) },
      { ...attrs, filterShape },
    );
    await expectSameOnWasmAndCpu(
      'DepthwiseConv2dNativeBackpropInput',
      { dy: randomInput(dyShape), filter: randomInput(filterShape) },
      { ...attrs, inputShape: xShape },
    );
  });
});

describe('the cpu kernels Neurite replaces', () => {
  it('are ResizeNearestNeighborGrad (wrong) and UnsortedSegmentSum (very slow)', () => {
    expect([...CPU_KERNEL_FIXES].sort()).toEqual([
      'ResizeNearestNeighborGrad',
      'UnsortedSegmentSum',
    ]);
  });

  // The cpu backend's own UnsortedSegmentSum is right, only slow: compare with it before it
  // is replaced. Its ResizeNearestNeighborGrad is wrong: compare with wasm's (native) one.
  const segmentCases: [Input, Input, number][] = [
    [randomInput([6, 4]), ints([6], [0, 2, 2, 4, 1, 0]), 5],
    [randomInput([5, 3, 2]), ints([5], [-1, 3, 7, 3, 0]), 4],
    [randomInput([40, 8]), randomInput([40], { integers: 30, int32: true }), 30],
  ];

  it('UnsortedSegmentSum gives what the original cpu kernel gives', async () => {
    const original = [];
    for (const [x, segmentIds, numSegments] of segmentCases) {
      original.push(await runOn('cpu', 'UnsortedSegmentSum', { x, segmentIds }, { numSegments }));
    }
    registerCpuGradientFixes();
    for (const [i, [x, segmentIds, numSegments]] of segmentCases.entries()) {
      const fixed = await runOn('cpu', 'UnsortedSegmentSum', { x, segmentIds }, { numSegments });
      expectClose(fixed, original[i]!);
    }
  });

  // [image shape, new size, alignCorners]
  const resizeCases: [number[], [number, number], boolean][] = [
    [[2, 4, 5, 3], [8, 10], false],
    [[3, 3, 3, 1], [9, 9], false],
    [[2, 4, 4, 2], [7, 7], true],
    [[2, 5, 3, 2], [3, 7], false],
  ];
  it.each(resizeCases)(
    'ResizeNearestNeighborGrad of %j resized to %j (alignCorners %s) matches wasm',
    async (imageShape, size, alignCorners) => {
      registerCpuGradientFixes();
      const images = randomInput(imageShape);
      const dy = randomInput([imageShape[0]!, ...size, imageShape[3]!]);
      await expectSameOnWasmAndCpu(
        'ResizeNearestNeighborGrad',
        { images, dy },
        { alignCorners, halfPixelCenters: false, size },
      );
    },
  );

  it('ResizeNearestNeighborGrad of a 2× UpSampling2D sums each 2×2 block', async () => {
    registerCpuGradientFixes();
    const images = randomInput([3, 4, 5, 2]);
    const dy = randomInput([3, 8, 10, 2]);
    const attrs = { alignCorners: false, halfPixelCenters: false, size: [8, 10] };
    const grad = await runOn('cpu', 'ResizeNearestNeighborGrad', { images, dy }, attrs);
    const blockSums = tf.tidy(() => {
      const summed = tf.avgPool(tf.tensor4d(dy.values, dy.shape as never), 2, 2, 'valid').mul(4);
      return { shape: summed.shape, values: summed.dataSync() };
    });
    expectClose(grad, blockSums);
  });
});

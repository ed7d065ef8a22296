import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { AssembledFunction } from './wasm-module-bytes';
import {
  functionsOnBackendMemory,
  get,
  I32,
  moduleOnImportedMemory,
  set,
  simd,
  uleb,
  V128,
} from './wasm-module-bytes';

/**
 * The filter gradient of a convolution with one input channel (the first layer of a network
 * on grey images), four filters at a time with WebAssembly SIMD, in a small module on the wasm
 * backend's memory (its bytes are written out below; no compiler is needed).
 *
 *   dW[i, j, 0, k] = Σ over batch b and output positions (p, q) of
 *                    x[b, p·sh + i − padTop, q·sw + j − padLeft] · dy[b, p, q, k]
 *
 * Through XNNPACK (the general kernel in wasm-gradients.ts) this costs mostly the copying and
 * packing of dy, new at every step, for very little arithmetic; here each filter tap (i, j)
 * runs once over the positions where it falls inside the image, its K sums held in registers.
 * The sums are float32 as in XNNPACK, in another order than the cpu backend's, so the results
 * agree to float rounding.
 */

const add = [0x6a];
const mul = [0x6c];
const loadVector = (offset: number) => [...simd(0x00), 0x00, ...uleb(offset)];
const storeVector = (offset: number) => [...simd(0x0b), 0x00, ...uleb(offset)];
const loadFloat = [0x2a, 0x00, 0x00];
const splat = simd(0x13);
const addFloats = simd(0xe4);
const mulFloats = simd(0xe6);

// Parameters, all byte addresses or byte steps: x at the tap's first position and its steps
// between output rows and columns; dy at the first position and its steps between output
// rows and columns; the output rows and columns; the sums to add to (4·groups of them).
const [X, X_ROW, X_COLUMN, DY, DY_ROW, DY_COLUMN, ROWS, COLUMNS, SUMS] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8,
];
const [R, Q, XP, DP, XV] = [9, 10, 11, 12, 13];
const sum = (g: number) => 14 + g;
/** Each output row's sums, added to the totals once per row: float32 sums of a few dozen
 * terms lose far less than one running sum over a whole image. */
const rowSum = (g: number, groups: number) => 14 + groups + g;
const zeroVector = [...simd(0x0c), ...Array.from({ length: 16 }, () => 0)]; // v128.const 0

/** The function for `groups` groups of four filters (K = 4·groups). */
function tapFunction(groups: number): AssembledFunction {
  const code: number[] = [];
  for (let g = 0; g < groups; g++) code.push(...get(SUMS), ...loadVector(16 * g), ...set(sum(g)));
  code.push(0x41, 0x00, ...set(R));
  code.push(0x02, 0x40, 0x03, 0x40); // block, loop (rows)
  code.push(...get(R), ...get(ROWS), 0x4e, 0x0d, 0x01); // r ≥ rows: br_if 1
  code.push(...get(X), ...get(R), ...get(X_ROW), ...mul, ...add, ...set(XP));
  code.push(...get(DY), ...get(R), ...get(DY_ROW), ...mul, ...add, ...set(DP));
  for (let g = 0; g < groups; g++) code.push(...zeroVector, ...set(rowSum(g, groups)));
  code.push(0x41, 0x00, ...set(Q));
  code.push(0x02, 0x40, 0x03, 0x40); // block, loop (columns)
  code.push(...get(Q), ...get(COLUMNS), 0x4e, 0x0d, 0x01); // q ≥ columns: br_if 1
  code.push(...get(XP), ...loadFloat, ...splat, ...set(XV));
  for (let g = 0; g < groups; g++) {
    code.push(...get(rowSum(g, groups)), ...get(XV), ...get(DP), ...loadVector(16 * g));
    code.push(...mulFloats, ...addFloats, ...set(rowSum(g, groups)));
  }
  code.push(...get(XP), ...get(X_COLUMN), ...add, ...set(XP));
  code.push(...get(DP), ...get(DY_COLUMN), ...add, ...set(DP));
  code.push(...get(Q), 0x41, 0x01, ...add, ...set(Q));
  code.push(0x0c, 0x00, 0x0b, 0x0b); // br 0, end loop, end block
  for (let g = 0; g < groups; g++) {
    code.push(...get(sum(g)), ...get(rowSum(g, groups)), ...addFloats, ...set(sum(g)));
  }
  code.push(...get(R), 0x41, 0x01, ...add, ...set(R));
  code.push(0x0c, 0x00, 0x0b, 0x0b);
  for (let g = 0; g < groups; g++) code.push(...get(SUMS), ...get(sum(g)), ...storeVector(16 * g));
  code.push(0x0b);
  return {
    name: `tap${groups}`,
    params: Array.from({ length: 9 }, () => I32),
    locals: [
      [4, I32],
      [1 + 2 * groups, V128],
    ],
    code,
  };
}

/** Filters per call, in groups of four: up to 16 filters' sums stay in registers. */
const MAX_GROUPS = 4;

function moduleBytes(): Uint8Array {
  const groups = Array.from({ length: MAX_GROUPS }, (_, i) => i + 1);
  return moduleOnImportedMemory(groups.map(tapFunction));
}

type TapFunction = (...args: number[]) => void;

/** tap1 … tap4 by number of groups less one; undefined where SIMD cannot run here. */
function tapFunctions(backend: BackendWasm): TapFunction[] | undefined {
  const exports = functionsOnBackendMemory(backend, 'convFilterTaps', moduleBytes);
  return exports && Array.from({ length: MAX_GROUPS }, (_, i) => exports[`tap${i + 1}`]!);
}

/** Whether the SIMD path runs on this backend (else XNNPACK's general kernel does). */
export function oneChannelFilterSimdAvailable(backend: BackendWasm): boolean {
  return tapFunctions(backend) !== undefined;
}

export interface OneChannelFilterGeometry {
  readonly batch: number;
  readonly inHeight: number;
  readonly inWidth: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly filterHeight: number;
  readonly filterWidth: number;
  readonly outChannels: number;
  readonly strideHeight: number;
  readonly strideWidth: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/** Filters rounded up to a multiple of 4: the sums conv2dFilterGradOneChannel writes per tap. */
export function paddedFilters(outChannels: number): number {
  return 4 * Math.ceil(outChannels / 4);
}

/**
 * Whether conv2dFilterGradOneChannel can run this geometry on this backend. With filters not
 * in fours, the last group of four also reads the next position's first values (its sums are
 * thrown away), up to 12 bytes past dy's end, which must still lie in the heap.
 */
export function oneChannelFilterGradFits(
  backend: BackendWasm,
  inChannels: number,
  outChannels: number,
  dy: Float32Array,
): boolean {
  return (
    inChannels === 1 &&
    outChannels <= 4 * MAX_GROUPS &&
    dy.byteOffset + dy.byteLength + 16 <= dy.buffer.byteLength &&
    tapFunctions(backend) !== undefined
  );
}

/**
 * Writes the filter gradient of x ([N, H, W, 1]) and dy ([N, oH, oW, K]) into `sums`
 * ([fH, fW, 1, paddedFilters(K)]; its first K values per tap are dW's). All three are views
 * on the heap. Only where oneChannelFilterGradFits.
 */
export function conv2dFilterGradOneChannel(
  backend: BackendWasm,
  x: Float32Array,
  dy: Float32Array,
  sums: Float32Array,
  g: OneChannelFilterGeometry,
): void {
  const { batch, inHeight: H, inWidth: W, outHeight, outWidth, outChannels: K } = g;
  const padded = paddedFilters(K);
  const tap = tapFunctions(backend)![padded / 4 - 1]!;
  const { strideHeight: sh, strideWidth: sw, padTop, padLeft } = g;
  sums.fill(0);
  for (let i = 0; i < g.filterHeight; i++) {
    // The output rows p whose tap row i falls inside the image: p·sh + i − padTop in [0, H).
    const pFirst = Math.max(0, Math.ceil((padTop - i) / sh));
    const pEnd = Math.min(outHeight, Math.floor((H - 1 + padTop - i) / sh) + 1);
    if (pEnd <= pFirst) continue;
    for (let j = 0; j < g.filterWidth; j++) {
      const qFirst = Math.max(0, Math.ceil((padLeft - j) / sw));
      const qEnd = Math.min(outWidth, Math.floor((W - 1 + padLeft - j) / sw) + 1);
      if (qEnd <= qFirst) continue;
      const tapSums = sums.byteOffset + (i * g.filterWidth + j) * padded * 4;
      for (let b = 0; b < batch; b++) {
        const xFirst = (b * H + pFirst * sh + i - padTop) * W + qFirst * sw + j - padLeft;
        const dyFirst = ((b * outHeight + pFirst) * outWidth + qFirst) * K;
        tap(
          x.byteOffset + xFirst * 4,
          sh * W * 4,
          sw * 4,
          dy.byteOffset + dyFirst * 4,
          outWidth * K * 4,
          K * 4,
          pEnd - pFirst,
          qEnd - qFirst,
          tapSums,
        );
      }
    }
  }
}

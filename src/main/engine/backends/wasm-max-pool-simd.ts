import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { PoolGeometry } from './gradient-loops';
import {
  functionsOnBackendMemory,
  get,
  I32,
  moduleOnImportedMemory,
  set,
  simd,
  V128,
} from './wasm-module-bytes';

/**
 * The gradient of 2×2 stride-2 max pooling, four channels at a time with WebAssembly SIMD, in
 * a small module that shares the wasm backend's memory (no compiler is needed to build it:
 * the bytes are written out below). The JavaScript loop (gradient-loops.ts) takes about 4 ns a
 * window; four windows at a time take a fraction of that.
 *
 * The choice is TensorFlow's, lane by lane: starting from −∞, each of the window's four
 * inputs in order (top left, top right, bottom left, bottom right) becomes the best if it is
 * greater than the best so far, and the last input to do so is the first largest one. NaN is
 * never greater, so a window of NaN or −∞ passes nothing back. The chosen input gets dy's
 * bits unchanged, the others +0, exactly as the JavaScript loop writes them.
 */

// Instructions.
const add = [0x6a];
const mul = [0x6c];
const shiftLeftOne = [0x41, 0x01, 0x74]; // i32.const 1, i32.shl
const load = [...simd(0x00), 0x00, 0x00]; // v128.load, align 1, offset 0
const store = [...simd(0x0b), 0x00, 0x00];
const greater = simd(0x44); // f32x4.gt
const and = simd(0x4e);
const andNot = simd(0x4f); // a & ~b
const or = simd(0x50);
const bitselect = simd(0x52); // (a & c) | (b & ~c)
// f32.const −∞ (0xff800000), f32x4.splat
const minusInfinity = [0x43, 0x00, 0x00, 0x80, 0xff, ...simd(0x13)];

// Parameters: the byte addresses of one row of windows in x, dx and dy; the bytes of an image
// row (W·C·4) and of a pixel's channels (C·4, a multiple of 16); the windows in the row.
const [X, DX, DY, ROW, PIXEL, COLUMNS] = [0, 1, 2, 3, 4, 5];
// Locals.
const [OX, C, XA, DA] = [6, 7, 8, 9];
const [V0, V1, V2, V3, G, BEST, M0, M1, M2, M3, LATER] = [
  10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
];

function body(): number[] {
  const windowOffset = [...get(OX), ...get(PIXEL), ...mul, ...shiftLeftOne, ...get(C), ...add];
  return [
    ...[0x41, 0x00, ...set(OX)], // ox = 0
    ...[0x02, 0x40, 0x03, 0x40], // block, loop (windows)
    ...[...get(OX), ...get(COLUMNS), 0x4e, 0x0d, 0x01], // ox ≥ columns: br_if 1
    ...[0x41, 0x00, ...set(C)], // c = 0
    ...[0x02, 0x40, 0x03, 0x40], // block, loop (channels, 16 bytes at a time)
    ...[...get(C), ...get(PIXEL), 0x4e, 0x0d, 0x01], // c ≥ pixel: br_if 1
    ...[...get(X), ...windowOffset, ...add, ...set(XA)],
    ...[...get(DX), ...windowOffset, ...add, ...set(DA)],
    ...[...get(XA), ...load, ...set(V0)],
    ...[...get(XA), ...get(PIXEL), ...add, ...load, ...set(V1)],
    ...[...get(XA), ...get(ROW), ...add, ...load, ...set(V2)],
    ...[...get(XA), ...get(ROW), ...add, ...get(PIXEL), ...add, ...load, ...set(V3)],
    // g = dy[ox·C + c]
    ...[...get(DY), ...get(OX), ...get(PIXEL), ...mul, ...add, ...get(C), ...add, ...load],
    ...set(G),
    ...minusInfinity,
    ...set(BEST),
    ...[...get(V0), ...get(BEST), ...greater, ...set(M0)],
    ...[...get(V0), ...get(BEST), ...get(M0), ...bitselect, ...set(BEST)],
    ...[...get(V1), ...get(BEST), ...greater, ...set(M1)],
    ...[...get(V1), ...get(BEST), ...get(M1), ...bitselect, ...set(BEST)],
    ...[...get(V2), ...get(BEST), ...greater, ...set(M2)],
    ...[...get(V2), ...get(BEST), ...get(M2), ...bitselect, ...set(BEST)],
    ...[...get(V3), ...get(BEST), ...greater, ...set(M3)],
    // Each input keeps g where it became the best and no later input did.
    ...[...get(DA), ...get(PIXEL), ...add, ...get(ROW), ...add],
    ...[...get(G), ...get(M3), ...and, ...store],
    ...[...get(M3), ...set(LATER)],
    ...[...get(DA), ...get(ROW), ...add],
    ...[...get(G), ...get(M2), ...get(LATER), ...andNot, ...and, ...store],
    ...[...get(LATER), ...get(M2), ...or, ...set(LATER)],
    ...[...get(DA), ...get(PIXEL), ...add],
    ...[...get(G), ...get(M1), ...get(LATER), ...andNot, ...and, ...store],
    ...[...get(LATER), ...get(M1), ...or, ...set(LATER)],
    ...get(DA),
    ...[...get(G), ...get(M0), ...get(LATER), ...andNot, ...and, ...store],
    ...[...get(C), 0x41, 0x10, ...add, ...set(C)], // c += 16
    ...[0x0c, 0x00, 0x0b, 0x0b], // br 0, end loop, end block
    ...[...get(OX), 0x41, 0x01, ...add, ...set(OX)], // ox += 1
    ...[0x0c, 0x00, 0x0b, 0x0b], // br 0, end loop, end block
    0x0b, // end function
  ];
}

function moduleBytes(): Uint8Array {
  return moduleOnImportedMemory([
    {
      name: 'maxPoolGrad2x2',
      params: [I32, I32, I32, I32, I32, I32],
      locals: [
        [4, I32],
        [11, V128],
      ],
      code: body(),
    },
  ]);
}

type RowFunction = (
  x: number,
  dx: number,
  dy: number,
  rowBytes: number,
  pixelBytes: number,
  columns: number,
) => void;

/** Undefined where the JavaScript loop does the work (no SIMD, or a hidden memory). */
function rowFunction(backend: BackendWasm): RowFunction | undefined {
  return functionsOnBackendMemory(backend, 'maxPoolGrad2x2', moduleBytes)?.['maxPoolGrad2x2'];
}

/** Whether the SIMD path runs on this backend (else the JavaScript loop does the work). */
export function maxPoolGradSimdAvailable(backend: BackendWasm): boolean {
  return rowFunction(backend) !== undefined;
}

/** What the 2×2 stride-2 case reads of a pooling's geometry: the rest is fixed. */
export type TwoByTwoGeometry = Pick<
  PoolGeometry,
  'batch' | 'inHeight' | 'inWidth' | 'channels' | 'outHeight' | 'outWidth'
>;

/**
 * Runs the SIMD gradient of 2×2 stride-2 max pooling (no padding on the top or left) over
 * the full windows of float32 tensors on the heap, given as views. With an odd height or
 * width, the last input row or column is no full window's: `dx` must then be zero-filled
 * beforehand, and windows cut short ("same") are left to the caller. Returns false, having
 * done nothing, where it cannot: channels not a multiple of 4, no SIMD.
 */
export function maxPoolGrad2x2Simd(
  backend: BackendWasm,
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  g: TwoByTwoGeometry,
): boolean {
  const { batch, inHeight: H, inWidth: W, channels: C, outHeight, outWidth } = g;
  if (C % 4 !== 0) return false;
  const run = rowFunction(backend);
  if (!run) return false;
  const rowBytes = W * C * 4;
  const pixelBytes = C * 4;
  const fullRows = Math.floor(H / 2);
  const fullColumns = Math.floor(W / 2);
  for (let b = 0; b < batch; b++) {
    for (let oy = 0; oy < fullRows; oy++) {
      const xRow = (b * H + 2 * oy) * W * C * 4;
      const dyRow = (b * outHeight + oy) * outWidth * C * 4;
      run(
        x.byteOffset + xRow,
        dx.byteOffset + xRow,
        dy.byteOffset + dyRow,
        rowBytes,
        pixelBytes,
        fullColumns,
      );
    }
  }
  return true;
}

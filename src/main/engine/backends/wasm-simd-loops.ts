import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { AssembledFunction, MemoryFunction } from './wasm-module-bytes';
import {
  F32,
  functionsOnBackendMemory,
  I32,
  moduleOnImportedMemory,
  simd,
  sleb,
  uleb,
  V128,
} from './wasm-module-bytes';

/**
 * Element-wise loops (the optimizers' updates, a per-channel bias and its gradient, ReLU's
 * gradient) as a small WebAssembly module with SIMD, sharing the wasm backend's memory so it
 * reads and writes tensors where they lie. A JavaScript loop that rounds every operation with
 * Math.fround takes about 9 ns per weight (1 ms per Adam step for a 100,000-weight network);
 * four float32 lanes at a time take a tenth of that.
 *
 * WebAssembly's f32x4 add, sub, mul, div and sqrt are IEEE float32 operations on each lane, so
 * a loop written here with TF.js' operations in TF.js' order gives its numbers bit for bit,
 * as the JavaScript loops in fused-optimizers.ts do. The module is assembled here, byte by
 * byte, from the expressions below (no compiler is needed to build Neurite).
 *
 * An update handles whole groups of four numbers and returns how many it did; the caller does
 * the rest (at most three) in JavaScript.
 */

type Expr =
  | { readonly load: string }
  | { readonly constant: string }
  | { readonly value: string }
  | {
      readonly op: 'add' | 'sub' | 'mul' | 'div' | 'gt' | 'ne';
      readonly a: Expr;
      readonly b: Expr;
    }
  | { readonly sqrt: Expr }
  /** Lane by lane: `then` where `mask` (a comparison) holds, else `otherwise`. */
  | { readonly then: Expr; readonly otherwise: Expr; readonly mask: Expr };

type Statement =
  { readonly let: string; readonly be: Expr } | { readonly store: string; readonly be: Expr };

interface UpdateDefinition {
  /** Tensors, by the byte offset of their first value. */
  readonly arrays: readonly string[];
  /**
   * Tensors read and written cyclically: at the element index modulo a period (a bias of C
   * channels along the rows of a [rows, C] tensor). The period, in bytes, is a parameter
   * after the end, a multiple of 16.
   */
  readonly cyclic?: readonly string[];
  /** float32 numbers, the same for every weight. */
  readonly constants: readonly string[];
  readonly body: readonly Statement[];
}

const load = (name: string): Expr => ({ load: name });
const k = (name: string): Expr => ({ constant: name });
const val = (name: string): Expr => ({ value: name });
const add = (a: Expr, b: Expr): Expr => ({ op: 'add', a, b });
const sub = (a: Expr, b: Expr): Expr => ({ op: 'sub', a, b });
const mul = (a: Expr, b: Expr): Expr => ({ op: 'mul', a, b });
const div = (a: Expr, b: Expr): Expr => ({ op: 'div', a, b });
const sqrt = (a: Expr): Expr => ({ sqrt: a });
const gt = (a: Expr, b: Expr): Expr => ({ op: 'gt', a, b });
const ne = (a: Expr, b: Expr): Expr => ({ op: 'ne', a, b });
const choose = (mask: Expr, then: Expr, otherwise: Expr): Expr => ({ then, otherwise, mask });

/**
 * The updates, operation for operation as TF.js' optimizers compute them (tfjs-core 4.22,
 * src/optimizers/*_optimizer.ts), and as the JavaScript loops in fused-optimizers.ts do.
 */
export const UPDATES = {
  /** w ← (−α)·g + w */
  sgd: {
    arrays: ['g', 'w'],
    constants: ['c'],
    body: [{ store: 'w', be: add(mul(k('c'), load('g')), load('w')) }],
  },
  /** a ← β·a + g; w ← (−α)·a + w */
  momentum: {
    arrays: ['g', 'w', 'a'],
    constants: ['c', 'beta'],
    body: [
      { let: 'next', be: add(mul(k('beta'), load('a')), load('g')) },
      { store: 'a', be: val('next') },
      { store: 'w', be: add(mul(k('c'), val('next')), load('w')) },
    ],
  },
  /** s ← s + g²; w ← (g / √(s + ε))·(−α) + w */
  adagrad: {
    arrays: ['g', 'w', 's'],
    constants: ['rate', 'epsilon'],
    body: [
      { let: 'g', be: load('g') },
      { let: 'next', be: add(load('s'), mul(val('g'), val('g'))) },
      { store: 's', be: val('next') },
      {
        store: 'w',
        be: add(mul(div(val('g'), sqrt(add(val('next'), k('epsilon')))), k('rate')), load('w')),
      },
    ],
  },
  /** s ← s·ρ + g²·(1−ρ); m ← m·μ + (g·α) / √(s + ε); w ← w − m */
  rmsprop: {
    arrays: ['g', 'w', 's', 'm'],
    constants: ['decay', 'rest', 'momentum', 'rate', 'epsilon'],
    body: [
      { let: 'g', be: load('g') },
      {
        let: 's',
        be: add(mul(load('s'), k('decay')), mul(mul(val('g'), val('g')), k('rest'))),
      },
      {
        let: 'm',
        be: add(
          mul(load('m'), k('momentum')),
          div(mul(val('g'), k('rate')), sqrt(add(val('s'), k('epsilon')))),
        ),
      },
      { store: 's', be: val('s') },
      { store: 'm', be: val('m') },
      { store: 'w', be: sub(load('w'), val('m')) },
    ],
  },
  /**
   * m ← m·β₁ + g·(1−β₁); v ← v·β₂ + g²·(1−β₂);
   * w ← ((m / c₁) / (√(v / c₂) + ε))·(−α) + w, with cᵢ = 1 − βᵢᵗ
   */
  adam: {
    arrays: ['g', 'w', 'm', 'v'],
    constants: [
      'beta1',
      'rest1',
      'beta2',
      'rest2',
      'correction1',
      'correction2',
      'epsilon',
      'rate',
    ],
    body: [
      { let: 'g', be: load('g') },
      { let: 'm', be: add(mul(load('m'), k('beta1')), mul(val('g'), k('rest1'))) },
      {
        let: 'v',
        be: add(mul(load('v'), k('beta2')), mul(mul(val('g'), val('g')), k('rest2'))),
      },
      { store: 'm', be: val('m') },
      { store: 'v', be: val('v') },
      {
        store: 'w',
        be: add(
          mul(
            div(
              div(val('m'), k('correction1')),
              add(sqrt(div(val('v'), k('correction2'))), k('epsilon')),
            ),
            k('rate'),
          ),
          load('w'),
        ),
      },
    ],
  },
  /** out ← x + b, b repeating along x's last axis (a bias of C channels, C a multiple of 4) */
  biasAdd: {
    arrays: ['x', 'out'],
    cyclic: ['b'],
    constants: [],
    body: [{ store: 'out', be: add(load('x'), load('b')) }],
  },
  /**
   * s ← s + x, s repeating along x's last axis: each channel's sum over the rows, added up row
   * after row (s starts at zero).
   */
  sumRows: {
    arrays: ['x'],
    cyclic: ['s'],
    constants: [],
    body: [{ store: 's', be: add(load('s'), load('x')) }],
  },
  /**
   * out ← dy · step(x), ReLU's gradient as TF.js computes it (mul(dy, cast(step(x)))), where
   * step(x) is 1 for x > 0, NaN for NaN and 0 otherwise.
   */
  reluGrad: {
    arrays: ['dy', 'x', 'out'],
    constants: ['one', 'zero'],
    body: [
      { let: 'x', be: load('x') },
      {
        let: 'step',
        be: choose(
          ne(val('x'), val('x')),
          val('x'),
          choose(gt(val('x'), k('zero')), k('one'), k('zero')),
        ),
      },
      { store: 'out', be: mul(load('dy'), val('step')) },
    ],
  },
} as const satisfies Record<string, UpdateDefinition>;

export type UpdateName = keyof typeof UPDATES;

// ---------------------------------------------------------------------------------------
// The assembler: just what these functions need.

const OP = { add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, sqrt: 0xe3, gt: 0x44, ne: 0x42 } as const;
const BITSELECT = 0x52;

/**
 * One function: (array byte offsets…, end byte offset, constants…) → nothing; it runs the body
 * for the byte offsets 0, 16, 32… below the end.
 */
function assemble(name: string, definition: UpdateDefinition): AssembledFunction {
  const cyclic = definition.cyclic ?? [];
  const arrays = [...definition.arrays, ...cyclic];
  const constants = definition.constants;
  const endParam = arrays.length;
  const periodParam = cyclic.length > 0 ? endParam + 1 : -1;
  const firstConstant = endParam + (cyclic.length > 0 ? 2 : 1);
  const params = [
    ...arrays.map(() => I32),
    I32,
    ...(cyclic.length > 0 ? [I32] : []),
    ...constants.map(() => F32),
  ];
  // Locals after the parameters: the byte offset, the cyclic byte offset, the splatted
  // constants, the let values.
  const offset = params.length;
  const cycle = offset + 1;
  const splat = (i: number) => offset + 2 + i;
  const lets = [...new Set(definition.body.flatMap((s) => ('let' in s ? [s.let] : [])))];
  const letLocal = (name: string) => offset + 2 + constants.length + lets.indexOf(name);

  const address = (array: string): number[] => [
    0x20,
    ...uleb(arrays.indexOf(array)),
    0x20,
    ...uleb(cyclic.includes(array) ? cycle : offset),
    0x6a, // i32.add
  ];
  const expr = (e: Expr): number[] => {
    if ('load' in e) return [...address(e.load), ...simd(0x00), 0x00, 0x00];
    if ('constant' in e) return [0x20, ...uleb(splat(constants.indexOf(e.constant)))];
    if ('value' in e) return [0x20, ...uleb(letLocal(e.value))];
    if ('sqrt' in e) return [...expr(e.sqrt), ...simd(OP.sqrt)];
    if ('mask' in e)
      return [...expr(e.then), ...expr(e.otherwise), ...expr(e.mask), ...simd(BITSELECT)];
    return [...expr(e.a), ...expr(e.b), ...simd(OP[e.op])];
  };

  const body: number[] = [];
  constants.forEach((_, i) =>
    body.push(0x20, ...uleb(firstConstant + i), ...simd(0x13), 0x21, ...uleb(splat(i))),
  );
  body.push(0x02, 0x40, 0x03, 0x40); // block, loop
  body.push(0x20, ...uleb(offset), 0x20, ...uleb(endParam), 0x4f, 0x0d, 0x01); // i ≥ end: br_if 1
  for (const statement of definition.body) {
    if ('let' in statement)
      body.push(...expr(statement.be), 0x21, ...uleb(letLocal(statement.let)));
    else body.push(...address(statement.store), ...expr(statement.be), ...simd(0x0b), 0x00, 0x00);
  }
  body.push(0x20, ...uleb(offset), 0x41, ...sleb(16), 0x6a, 0x21, ...uleb(offset)); // i += 16
  if (cyclic.length > 0) {
    // j += 16, back to 0 at the period: select(0, j, j = period).
    body.push(0x20, ...uleb(cycle), 0x41, ...sleb(16), 0x6a, 0x21, ...uleb(cycle));
    body.push(0x41, 0x00, 0x20, ...uleb(cycle), 0x20, ...uleb(cycle));
    body.push(0x20, ...uleb(periodParam), 0x46, 0x1b, 0x21, ...uleb(cycle));
  }
  body.push(0x0c, 0x00, 0x0b, 0x0b); // br 0, end loop, end block
  body.push(0x0b); // end function

  const vectors = constants.length + lets.length;
  const locals: [number, number][] = [
    [2, I32],
    ...(vectors > 0 ? [[vectors, V128] as [number, number]] : []),
  ];
  return { name, params, locals, code: body };
}

function moduleBytes(): Uint8Array {
  const names = Object.keys(UPDATES) as UpdateName[];
  return moduleOnImportedMemory(names.map((name) => assemble(name, UPDATES[name])));
}

// ---------------------------------------------------------------------------------------

type UpdateFunction = MemoryFunction;

/** The updates, running on this backend's memory; undefined where wasm SIMD is missing. */
function updatesFor(backend: BackendWasm): Record<UpdateName, UpdateFunction> | undefined {
  // Without them (no SIMD, or a backend build that hides its memory) the JavaScript loops do
  // the whole update.
  return functionsOnBackendMemory(backend, 'updates', moduleBytes);
}

/** Whether the SIMD updates run on this backend (else the JavaScript loops do everything). */
export function simdUpdatesAvailable(backend: BackendWasm): boolean {
  return updatesFor(backend) !== undefined;
}

/**
 * Runs an update on the first multiple of four of `size` weights: `offsets` are the tensors'
 * byte offsets in the order of the definition's arrays, then its cyclic arrays; `constants`
 * its float32 numbers. Returns how many weights it updated (0 where SIMD is missing).
 */
export function runSimdUpdate(
  backend: BackendWasm,
  name: UpdateName,
  offsets: readonly number[],
  size: number,
  constants: readonly number[],
): number {
  const updates = updatesFor(backend);
  if (!updates) return 0;
  const whole = size - (size % 4);
  updates[name](...offsets, whole * 4, ...constants);
  return whole;
}

/**
 * Runs a loop with cyclic arrays over all `size` elements (a multiple of `period`, itself a
 * multiple of 4). Returns false, having done nothing, where SIMD is missing.
 */
export function runSimdCyclic(
  backend: BackendWasm,
  name: 'biasAdd' | 'sumRows',
  offsets: readonly number[],
  size: number,
  period: number,
): boolean {
  const updates = updatesFor(backend);
  if (!updates) return false;
  updates[name](...offsets, size * 4, period * 4);
  return true;
}

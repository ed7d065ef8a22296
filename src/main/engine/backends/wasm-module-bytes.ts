import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Small WebAssembly modules written out byte by byte, that work on the wasm backend's own
 * memory: the SIMD loops of the optimizers, the bias kernels and the pooling and filter
 * gradients. No compiler is needed to build Neurite: each kernel file writes its function's
 * instructions with the helpers below, and this file wraps them in a module that imports the
 * backend's memory as `env.memory` and exports each function by name.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** An unsigned LEB128 number, as WebAssembly writes sizes, counts and indices. */
export function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** A signed LEB128 number, as `i32.const` takes its operand. */
export function sleb(value: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    bytes.push(done ? byte : byte | 0x80);
    if (done) return bytes;
  }
}

export const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const named = (text: string): number[] =>
  vector([...new TextEncoder().encode(text)].map((b) => [b]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** local.get and local.set. */
export const get = (local: number): number[] => [0x20, ...uleb(local)];
export const set = (local: number): number[] => [0x21, ...uleb(local)];
/** An instruction of the SIMD proposal (prefix 0xfd), by its opcode. */
export const simd = (op: number): number[] => [0xfd, ...uleb(op)];

export interface AssembledFunction {
  /** The name it is exported under. */
  readonly name: string;
  /** Parameter types (I32, F32 …); every function returns nothing. */
  readonly params: readonly number[];
  /** Locals after the parameters, as runs of [count, type]. */
  readonly locals: readonly (readonly [count: number, type: number])[];
  /** The instructions, ending with the function's `end` (0x0b). */
  readonly code: readonly number[];
}

/** A module of `functions` that imports its memory as env.memory. */
export function moduleOnImportedMemory(functions: readonly AssembledFunction[]): Uint8Array {
  const bodies = functions.map((f) => {
    const body = [...vector(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.code];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vector(functions.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0x00]))),
    ...section(2, vector([[...named('env'), ...named('memory'), 0x02, 0x00, 0x00]])),
    ...section(3, vector(functions.map((_, i) => uleb(i)))),
    ...section(7, vector(functions.map((f, i) => [...named(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vector(bodies)),
  ]);
}

export type MemoryFunction = (...args: number[]) => void;

/** The part of the WebAssembly API used here (the project's TypeScript libraries omit it). */
interface WebAssemblyApi {
  Memory: abstract new (...args: never[]) => object;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

const instances = new WeakMap<BackendWasm, Map<string, Record<string, MemoryFunction> | null>>();

/**
 * The exported functions of the module `key`, instantiated once per backend on its memory.
 * Undefined where that cannot be: a WebAssembly engine without SIMD, or a backend build that
 * hides its memory; the caller then does the work in JavaScript.
 */
export function functionsOnBackendMemory(
  backend: BackendWasm,
  key: string,
  bytes: () => Uint8Array,
): Record<string, MemoryFunction> | undefined {
  let made = instances.get(backend);
  if (!made) {
    made = new Map();
    instances.set(backend, made);
  }
  if (!made.has(key)) {
    let exports: Record<string, MemoryFunction> | null = null;
    try {
      const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
      const memory = (backend.wasm as unknown as { asm?: { memory?: object } }).asm?.memory;
      if (memory instanceof api.Memory) {
        const instance = new api.Instance(new api.Module(bytes()), { env: { memory } });
        exports = instance.exports as Record<string, MemoryFunction>;
      }
    } catch {
      exports = null;
    }
    made.set(key, exports);
  }
  return made.get(key) ?? undefined;
}

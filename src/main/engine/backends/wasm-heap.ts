import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';

/**
 * Direct access to the float32 values of tensors that live on the WebAssembly backend, for
 * code that updates many small tensors in one JavaScript pass instead of a kernel per
 * operation (see fused-optimizers.ts). Only for float32 tensors of the active wasm backend.
 */

interface WasmTensorData {
  /** The number the C++ side knows the tensor by. */
  id: number;
  readonly memoryOffset: number;
  readonly refCount: number;
}

interface WasmInternals {
  dataIdNextNumber: number;
  readonly wasm: {
    readonly HEAPU8: Uint8Array;
    readonly tfjs: {
      registerTensor(id: number, size: number, memoryOffset: number): void;
      disposeData(id: number): void;
    };
  };
}

/** The wasm backend when it is the active one, else undefined. */
export function activeWasmBackend(): BackendWasm | undefined {
  return tf.getBackend() === 'wasm' ? (tf.backend() as BackendWasm) : undefined;
}

function dataOf(backend: BackendWasm, tensor: tf.Tensor): WasmTensorData | undefined {
  const map = (backend as unknown as { dataIdMap: { get(id: object): unknown } }).dataIdMap;
  return map.get(tensor.dataId) as WasmTensorData | undefined;
}

/** Whether the tensor's values live in this backend's heap as float32 (and so can be viewed). */
export function onWasmHeap(backend: BackendWasm, tensor: tf.Tensor): boolean {
  return tensor.dtype === 'float32' && !tensor.isDisposed && dataOf(backend, tensor) !== undefined;
}

/**
 * The tensor's values in place on the heap. The view is valid until the next allocation on
 * the backend (a growing heap replaces its buffer), so take views after allocating.
 */
export function heapView(backend: BackendWasm, tensor: tf.Tensor): Float32Array {
  const data = dataOf(backend, tensor)!;
  const heap = (backend as unknown as WasmInternals).wasm.HEAPU8;
  return new Float32Array(heap.buffer, data.memoryOffset, tensor.size);
}

/** Where the tensor's first value lies in the heap, in bytes. */
export function heapOffset(backend: BackendWasm, tensor: tf.Tensor): number {
  return dataOf(backend, tensor)!.memoryOffset;
}

/**
 * Makes sure the variable owns its values alone, so that writing them in place changes no
 * other tensor. TF.js shares one buffer between tensors (a reshape, a value saved for the
 * gradient, a clone on wasm where Identity shares): a variable whose buffer is shared gets a
 * copy of its own first, as variable.assign would have given it.
 */
export function ownValues(backend: BackendWasm, variable: tf.Variable): void {
  if (dataOf(backend, variable)!.refCount === 1) return;
  const copy = tf.tensor(heapView(backend, variable).slice(), variable.shape, 'float32');
  variable.assign(copy);
  copy.dispose();
}

/**
 * Tells the C++ side that a tensor's values were written in place. XNNPACK packs the weights
 * of a matrix product or a convolution once and reuses the packed copy for as long as the
 * weights tensor keeps its number; a new number (the values stay where they are) makes it
 * pack the new values. Without this a network trains on its first weights forever.
 */
export function valuesChanged(backend: BackendWasm, tensor: tf.Tensor): void {
  const internals = backend as unknown as WasmInternals;
  const data = dataOf(backend, tensor)!;
  const id = internals.dataIdNextNumber++;
  // Forgets the old number and what is cached under it (it frees no memory: JS owns that).
  internals.wasm.tfjs.disposeData(data.id);
  internals.wasm.tfjs.registerTensor(id, tensor.size, data.memoryOffset);
  data.id = id;
}

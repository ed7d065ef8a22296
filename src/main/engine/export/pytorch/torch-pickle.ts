/**
 * The data.pkl of a PyTorch weights file: a Python pickle (protocol 2) of an OrderedDict from
 * names to tensors, exactly the shape torch.save gives a state dict and the only things
 * `torch.load(path, weights_only=True)` accepts. No npm library writes these, and a state
 * dict needs only a dozen of pickle's opcodes, so they are written here one by one.
 *
 * Each tensor is pickled as the call `torch._utils._rebuild_tensor_v2(storage, 0, size,
 * stride, False, OrderedDict())`. Its storage is not in the pickle: a "persistent id"
 * ('storage', torch.FloatStorage, '<n>', 'cpu', <element count>) names the file
 * `data/<n>` of the zip around it, which holds the raw little-endian values.
 */

import { rowMajorStrides } from '../permute-axes';

/** A tensor of the state dict; its values are in storage `data/<its index>`. */
export interface PickledTensor {
  readonly key: string;
  readonly dtype: 'float32' | 'int64';
  /** Its shape; [] for a single number. */
  readonly shape: readonly number[];
}

/** The storage class torch names for each element type. */
const STORAGE_CLASS: Readonly<Record<PickledTensor['dtype'], string>> = {
  float32: 'FloatStorage',
  int64: 'LongStorage',
};

/** Pickle opcodes (Python's Lib/pickle.py names them the same). */
const OP = {
  PROTO: 0x80,
  GLOBAL: 0x63, // c: push module.name, both given as text lines
  EMPTY_TUPLE: 0x29, // )
  MARK: 0x28, // (
  TUPLE: 0x74, // t: the items since the mark, as a tuple
  TUPLE1: 0x85,
  TUPLE2: 0x86,
  TUPLE3: 0x87,
  REDUCE: 0x52, // R: call the callable below the argument tuple
  BINPERSID: 0x51, // Q: the object a persistent id names
  BININT1: 0x4b, // K: 1-byte unsigned int
  BININT2: 0x4d, // M: 2-byte unsigned int
  BININT: 0x4a, // J: 4-byte signed int
  BINUNICODE: 0x58, // X: UTF-8 string with a 4-byte length
  NEWFALSE: 0x89,
  SETITEMS: 0x75, // u: set the key/value pairs since the mark into the dict below
  STOP: 0x2e, // .
} as const;

/** The pickled state dict: an OrderedDict of the tensors, in their order. */
export function stateDictPickle(tensors: readonly PickledTensor[]): Uint8Array {
  const out = new PickleWriter();
  out.op(OP.PROTO).byte(2);
  out.global('collections', 'OrderedDict').op(OP.EMPTY_TUPLE).op(OP.REDUCE);
  if (tensors.length > 0) {
    out.op(OP.MARK);
    tensors.forEach((tensor, index) => {
      out.string(tensor.key);
      pickleTensor(out, tensor, String(index));
    });
    out.op(OP.SETITEMS);
  }
  out.op(OP.STOP);
  return out.bytes();
}

function pickleTensor(out: PickleWriter, tensor: PickledTensor, storageKey: string): void {
  const count = tensor.shape.reduce((a, b) => a * b, 1);
  out.global('torch._utils', '_rebuild_tensor_v2');
  out.op(OP.MARK);
  // The storage, by persistent id.
  out.op(OP.MARK);
  out.string('storage');
  out.global('torch', STORAGE_CLASS[tensor.dtype]);
  out.string(storageKey);
  out.string('cpu');
  out.int(count);
  out.op(OP.TUPLE);
  out.op(OP.BINPERSID);
  // Storage offset, size, stride (row-major: the last axis is contiguous).
  out.int(0);
  out.tuple(tensor.shape);
  out.tuple(rowMajorStrides(tensor.shape));
  // requires_grad, and the backward hooks torch.save always writes as an empty OrderedDict.
  out.op(OP.NEWFALSE);
  out.global('collections', 'OrderedDict').op(OP.EMPTY_TUPLE).op(OP.REDUCE);
  out.op(OP.TUPLE);
  out.op(OP.REDUCE);
}

/** Appends opcodes and their arguments to a growing buffer. */
class PickleWriter {
  private buffer = new Uint8Array(1024);
  private length = 0;

  op(code: number): this {
    return this.byte(code);
  }

  byte(value: number): this {
    this.reserve(1);
    this.buffer[this.length++] = value;
    return this;
  }

  /** `module.name`, which the unpickler looks up (weights_only allows only torch's own). */
  global(module: string, name: string): this {
    this.op(OP.GLOBAL);
    return this.raw(new TextEncoder().encode(`${module}\n${name}\n`));
  }

  string(text: string): this {
    const utf8 = new TextEncoder().encode(text);
    this.op(OP.BINUNICODE);
    this.uint32(utf8.length);
    return this.raw(utf8);
  }

  /** A whole number in the shortest opcode that holds it. */
  int(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
      throw new Error(`A weights file cannot hold the size ${value}.`);
    }
    if (value < 0x100) return this.op(OP.BININT1).byte(value);
    if (value < 0x10000)
      return this.op(OP.BININT2)
        .byte(value & 0xff)
        .byte(value >>> 8);
    this.op(OP.BININT);
    return this.uint32(value);
  }

  /** A tuple of whole numbers: () and up to 3 items have opcodes of their own. */
  tuple(values: readonly number[]): this {
    if (values.length === 0) return this.op(OP.EMPTY_TUPLE);
    const short = [OP.TUPLE1, OP.TUPLE2, OP.TUPLE3][values.length - 1];
    if (short === undefined) this.op(OP.MARK);
    for (const value of values) this.int(value);
    return this.op(short ?? OP.TUPLE);
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private uint32(value: number): this {
    this.reserve(4);
    new DataView(this.buffer.buffer).setUint32(this.length, value, true);
    this.length += 4;
    return this;
  }

  private raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + more));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}

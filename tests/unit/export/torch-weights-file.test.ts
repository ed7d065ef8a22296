import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { permuteAxes } from '../../../src/main/engine/export/permute-axes';
import { stateDictPickle } from '../../../src/main/engine/export/pytorch/torch-pickle';
import type { TorchTensor } from '../../../src/main/engine/export/pytorch/torch-weights-file';
import { torchWeightsFile } from '../../../src/main/engine/export/pytorch/torch-weights-file';

/**
 * weights.pt's bytes: the zip layout torch.load expects and the pickle inside it. That PyTorch
 * really loads them is for the integration tests, which ask Debian's PyTorch.
 */

const float32 = (values: number[]) => new Uint8Array(Float32Array.from(values).buffer);

const tensors: TorchTensor[] = [
  { key: 'hidden.weight', dtype: 'float32', shape: [2, 3], data: float32([1, 2, 3, 4, 5, 6]) },
  { key: 'hidden.bias', dtype: 'float32', shape: [2], data: float32([0.5, -0.5]) },
  { key: 'bn.num_batches_tracked', dtype: 'int64', shape: [], data: new Uint8Array(8) },
];

/** Where each file's data starts in a zip, read from its local headers. */
function dataOffsets(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const offsets = new Map<string, number>();
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extraLength;
    offsets.set(name, start);
    at = start + size;
  }
  return offsets;
}

describe('torchWeightsFile', () => {
  const file = torchWeightsFile(tensors);

  it('holds the pickle, one data file per tensor, the byte order and the format version', () => {
    const files = unzipSync(file);
    expect(Object.keys(files)).toEqual([
      'archive/data.pkl',
      'archive/byteorder',
      'archive/data/0',
      'archive/data/1',
      'archive/data/2',
      'archive/version',
    ]);
    expect(files['archive/data/1']).toEqual(float32([0.5, -0.5]));
    expect(new TextDecoder().decode(files['archive/byteorder'])).toBe('little');
    expect(new TextDecoder().decode(files['archive/version'])).toBe('3\n');
    expect(files['archive/data.pkl']).toEqual(stateDictPickle(tensors));
  });

  it('stores every file uncompressed, its data at a multiple of 64 bytes as torch.save does', () => {
    const offsets = dataOffsets(file);
    expect(offsets.size).toBe(6);
    for (const [name, offset] of offsets) expect(offset % 64, name).toBe(0);
    const view = new DataView(file.buffer, file.byteOffset);
    expect(view.getUint16(8, true)).toBe(0); // compression method: stored
  });

  it('is the same bytes every time', () => {
    expect(torchWeightsFile(tensors)).toEqual(file);
  });
});

describe('stateDictPickle', () => {
  const text = new TextDecoder('latin1').decode(stateDictPickle(tensors));

  it('is protocol 2, an OrderedDict of tensors rebuilt from storages torch.load may read', () => {
    expect(text.startsWith('\x80\x02ccollections\nOrderedDict\n)R(')).toBe(true);
    expect(text.endsWith('u.')).toBe(true);
    expect(text.match(/ctorch\._utils\n_rebuild_tensor_v2\n/g)).toHaveLength(3);
    expect(text).toContain('ctorch\nFloatStorage\n');
    expect(text).toContain('ctorch\nLongStorage\n');
  });

  it('names each tensor, its storage, its size and its row-major strides', () => {
    // 'hidden.weight': storage '0' with 6 values, offset 0, size (2, 3), stride (3, 1).
    expect(text).toContain(
      'X\x0d\x00\x00\x00hidden.weight' +
        'ctorch._utils\n_rebuild_tensor_v2\n((X\x07\x00\x00\x00storagectorch\nFloatStorage\n' +
        'X\x01\x00\x00\x000X\x03\x00\x00\x00cpuK\x06tQK\x00K\x02K\x03\x86K\x03K\x01\x86\x89',
    );
    // A single number: size () and stride ().
    expect(text).toContain('X\x01\x00\x00\x002X\x03\x00\x00\x00cpuK\x01tQK\x00))\x89');
  });

  it('holds an empty OrderedDict for a network without weights', () => {
    expect(new TextDecoder('latin1').decode(stateDictPickle([]))).toBe(
      '\x80\x02ccollections\nOrderedDict\n)R.',
    );
  });
});

describe('permuteAxes', () => {
  it("turns a Keras Dense kernel (inputs, units) into PyTorch's (units, inputs)", () => {
    const { values, shape } = permuteAxes(Float32Array.from([1, 2, 3, 4, 5, 6]), [3, 2], [1, 0]);
    expect(shape).toEqual([2, 3]);
    expect(Array.from(values)).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it("turns a Keras Conv2D kernel (height, width, channels, filters) into PyTorch's", () => {
    const shape = [2, 3, 4, 5];
    const values = Float32Array.from({ length: 120 }, (_, i) => i);
    const permuted = permuteAxes(values, shape, [3, 2, 0, 1]);
    expect(permuted.shape).toEqual([5, 4, 2, 3]);
    // PyTorch's [f][c][h][w] is Keras' [h][w][c][f].
    const at = (h: number, w: number, c: number, f: number) => ((h * 3 + w) * 4 + c) * 5 + f;
    expect(permuted.values[((4 * 4 + 1) * 2 + 1) * 3 + 2]).toBe(at(1, 2, 1, 4));
    expect(permuted.values[((2 * 4 + 3) * 2 + 0) * 3 + 1]).toBe(at(0, 1, 3, 2));
  });

  it('refuses an order that is not one of the axes', () => {
    expect(() => permuteAxes(new Float32Array(6), [2, 3], [0, 0])).toThrow(
      '[0, 0] does not reorder 2 axes.',
    );
  });
});

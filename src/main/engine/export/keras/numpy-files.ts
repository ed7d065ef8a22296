import { zipSync } from 'fflate';

/**
 * NumPy's own files, written without NumPy: `.npy` (one array) as NumPy's format document
 * (numpy.lib.format, version 1.0) describes it, and `.npz`, a zip of `.npy` files, which
 * `numpy.load` opens as a dictionary of arrays.
 */

/** A float32 array and its shape, its values in row-major (C) order, as TF.js keeps them. */
export interface NumpyArray {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

const MAGIC = [0x93, ...new TextEncoder().encode('NUMPY')];
/** NumPy pads the header so the data starts on a multiple of 64 bytes. */
const ALIGNMENT = 64;

/** One array as a `.npy` file: little-endian float32, C order. */
export function npyFile(array: NumpyArray): Uint8Array {
  const count = array.shape.reduce((a, b) => a * b, 1);
  if (count !== array.values.length) {
    throw new Error(
      `An array of shape (${array.shape.join(', ')}) needs ${count} values, not ${array.values.length}.`,
    );
  }
  const shape = array.shape.length === 1 ? `(${array.shape[0]!},)` : `(${array.shape.join(', ')})`;
  const dictionary = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  // magic (6) + version (2) + header length (2) + header, ending in a newline.
  const unpadded = MAGIC.length + 4 + dictionary.length + 1;
  const padding = (ALIGNMENT - (unpadded % ALIGNMENT)) % ALIGNMENT;
  const header = `${dictionary}${' '.repeat(padding)}\n`;
  const headerStart = MAGIC.length + 4;
  const bytes = new Uint8Array(headerStart + header.length + count * 4);
  bytes.set(MAGIC, 0);
  bytes[MAGIC.length] = 1; // version 1.0
  bytes[MAGIC.length + 1] = 0;
  new DataView(bytes.buffer).setUint16(MAGIC.length + 2, header.length, true);
  bytes.set(new TextEncoder().encode(header), headerStart);
  const data = new DataView(bytes.buffer, headerStart + header.length);
  array.values.forEach((value, i) => data.setFloat32(i * 4, value, true));
  return bytes;
}

/**
 * Arrays by key as an `.npz` file: `numpy.load(file)[key]` gives each back. Stored without
 * compression, as numpy.savez does, and with a fixed date, so the same arrays always give the
 * same bytes.
 */
export function npzFile(arrays: ReadonlyMap<string, NumpyArray>): Uint8Array {
  // A local date: zip stores the date in local time, so a UTC one would move with the zone.
  const mtime = new Date(2020, 0, 1);
  return zipSync(
    Object.fromEntries(
      [...arrays].map(([key, array]) => [`${key}.npy`, [npyFile(array), { level: 0, mtime }]]),
    ),
  );
}

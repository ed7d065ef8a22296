/**
 * Python literals and comments for generated code. Numbers keep their value exactly (a
 * layer's epsilon must be the same number in Python), except values Neurite computes for the
 * file, which are rounded to the digits a person would write.
 */

/** A number as Python writes it: `3`, `0.001`, `1e-07` reads back as the same double. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) {
    throw new Error(`Cannot write ${value} as a Python number.`);
  }
  return String(value);
}

/** A number worked out for the file (1 − 0.99), rounded to 12 significant digits: `0.01`. */
export function pyRounded(value: number): string {
  return pyNumber(Number(value.toPrecision(12)));
}

/** A tuple of whole numbers: `(3,)`, `(5, 5)`. */
export function pyTuple(values: readonly number[]): string {
  return values.length === 1
    ? `(${pyNumber(values[0]!)},)`
    : `(${values.map(pyNumber).join(', ')})`;
}

/** Text for a `#` comment on one line: a student's label may hold line breaks. */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

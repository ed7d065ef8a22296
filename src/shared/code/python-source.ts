/**
 * Small pieces of Python source, written the way a person would type them, for the code
 * generators. Pure: no node, no TF.js.
 */

/** A string literal in double quotes, with what Python needs escaped. */
export function pythonString(text: string): string {
  // JSON's escapes (\", \\, \n, \uXXXX) mean the same in a Python string literal.
  return JSON.stringify(text);
}

/** A number as Python reads it: 4, 0.01, 1e-7. */
export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} cannot be written as a Python number.`);
  return String(value);
}

/** A tuple of sizes, `(3, 3)` or `(784,)`; an unknown size is None. */
export function pythonTuple(values: readonly (number | null)[]): string {
  const items = values.map((v) => (v === null ? 'None' : pythonNumber(v)));
  return items.length === 1 ? `(${items[0]!},)` : `(${items.join(', ')})`;
}

/** A plain value of a layer's settings: a number, a string, a boolean, None or a tuple. */
export function pythonValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pythonNumber(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v === 'number')) {
    return pythonTuple(value as (number | null)[]);
  }
  throw new Error(`${JSON.stringify(value)} cannot be written as a plain Python value.`);
}

/** A comment's text on one line (a label may hold line breaks). */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The longest line the generators write before they put a call's arguments one per line. */
export const LINE_LENGTH = 88;

/**
 * `start(arg, key=value, …)` followed by `after`, indented by `indent`, laid out as black
 * would: on one line when it fits; else, when only `after` (a call on inputs, `(x)`) makes it
 * too long, those inputs on a line of their own; else one argument per line. An argument of
 * several lines (a call laid out at `indent` + 4 spaces) always takes the last way.
 */
export function pythonCall(
  indent: string,
  start: string,
  args: readonly string[],
  after = '',
): string {
  const call = `${indent}${start}(${args.join(', ')})`;
  const oneLineArgs = args.every((arg) => !arg.includes('\n'));
  if (oneLineArgs && (call.length + after.length <= LINE_LENGTH || args.length === 0)) {
    return `${call}${after}`;
  }
  const applied = /^\((.+)\)$/.exec(after);
  if (oneLineArgs && applied && call.length + 1 <= LINE_LENGTH) {
    return `${call}(\n${indent}    ${applied[1]!}\n${indent})`;
  }
  const inner = `${indent}    `;
  return [`${indent}${start}(`, ...args.map((arg) => `${inner}${arg},`), `${indent})${after}`].join(
    '\n',
  );
}

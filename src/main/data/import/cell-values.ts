/**
 * How a CSV cell is read: what counts as empty, and what counts as a number. Shared by header
 * detection, column typing and the importers so they never disagree about a cell.
 */

/** Markers that spreadsheets, R, pandas and the UCI files use for "no value". */
const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'nan', '?', 'null']);

export function isMissingCell(cell: string): boolean {
  return MISSING_MARKERS.has(cell.trim().toLowerCase());
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** "1,5": the decimal comma that spreadsheets in many languages write in ;-separated files. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * The number a cell holds, or undefined. Plain decimal notation only: "0x10", "1_000" and
 * "Infinity" are text, so a typo is reported instead of silently becoming a number.
 */
export function parseNumberCell(cell: string, decimalComma: boolean): number | undefined {
  const text = cell.trim();
  if (DECIMAL.test(text)) return Number(text);
  if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return undefined;
}

export function isDecimalCommaNumber(cell: string): boolean {
  return DECIMAL_COMMA.test(cell.trim());
}

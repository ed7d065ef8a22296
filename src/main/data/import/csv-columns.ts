import { excerpt } from '../../../shared/text/excerpt';
import { datasetError } from '../errors';
import { isMissingCell, parseNumberCell } from './cell-values';
import type { Table, TableRow } from './csv-table';

/** A column's name for messages and feature names: its header, or "column 3" (1-based). */
export function columnName(table: Table, column: number): string {
  const name = table.header?.[column];
  return name !== undefined && name !== '' ? name : `column ${column + 1}`;
}

/**
 * Finds the column a setting points at: a header name (exact, then ignoring case and spaces)
 * or a 0-based index. `role` says what the column is for, in the message when it is not found.
 */
export function resolveColumn(table: Table, ref: string | number, role: string): number {
  const available = () =>
    table.header
      ? `Its columns are: ${table.header.map((name, i) => `"${columnName(table, i)}"`).join(', ')}.`
      : `Its columns are numbered 0 to ${table.columnCount - 1}.`;
  if (typeof ref === 'number') {
    if (ref < table.columnCount) return ref;
    throw datasetError(
      'unknown-column',
      `${table.fileName} has ${table.columnCount} columns (numbered 0 to ${table.columnCount - 1}), so there is no column ${ref} to use as the ${role}. ${available()}`,
    );
  }
  if (!table.header) {
    const asNumber = Number(ref);
    if (Number.isInteger(asNumber) && asNumber >= 0 && asNumber < table.columnCount)
      return asNumber;
    throw datasetError(
      'unknown-column',
      `${table.fileName} has no header row, so its columns have no names and "${ref}" cannot be found. Give the ${role} as a column number (0 is the first column), or add a header row to the file.`,
    );
  }
  const exact = table.header.indexOf(ref);
  if (exact >= 0) return exact;
  const simplify = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();
  const loose = table.header.findIndex((name) => simplify(name) === simplify(ref));
  if (loose >= 0) return loose;
  throw datasetError(
    'unknown-column',
    `${table.fileName} has no column called "${ref}" to use as the ${role}. ${available()}`,
  );
}

export interface CellAt {
  readonly row: TableRow;
  readonly value: string;
}

/** What a column holds, to decide between numbers and categories. */
export interface ColumnProfile {
  readonly column: number;
  readonly name: string;
  readonly numberCount: number;
  readonly textCount: number;
  readonly missingCount: number;
  readonly firstText?: CellAt;
  readonly firstMissing?: CellAt;
  /** The first number beyond float32's range, which would become Infinity in training. */
  readonly firstTooLarge?: CellAt;
  /** Whether every number is a whole number. */
  readonly allIntegers: boolean;
  readonly distinctValues: number;
}

/** The largest float32: training computes in 32-bit numbers, beyond this is Infinity. */
const FLOAT32_MAX = 3.4028234663852886e38;

export function profileColumn(table: Table, column: number): ColumnProfile {
  let numberCount = 0;
  let textCount = 0;
  let missingCount = 0;
  let firstText: CellAt | undefined;
  let firstMissing: CellAt | undefined;
  let firstTooLarge: CellAt | undefined;
  let allIntegers = true;
  const distinct = new Set<string | number>();
  for (const row of table.rows) {
    const value = row.cells[column] ?? '';
    if (isMissingCell(value)) {
      missingCount += 1;
      firstMissing ??= { row, value };
      continue;
    }
    const number = parseNumberCell(value, table.decimalComma);
    if (number === undefined) {
      textCount += 1;
      firstText ??= { row, value };
      distinct.add(value);
    } else {
      numberCount += 1;
      if (Math.abs(number) > FLOAT32_MAX) firstTooLarge ??= { row, value };
      if (!Number.isInteger(number)) allIntegers = false;
      distinct.add(number);
    }
  }
  return {
    column,
    name: columnName(table, column),
    numberCount,
    textCount,
    missingCount,
    ...(firstText ? { firstText } : {}),
    ...(firstMissing ? { firstMissing } : {}),
    ...(firstTooLarge ? { firstTooLarge } : {}),
    allIntegers,
    distinctValues: distinct.size,
  };
}

/**
 * Numbers when most filled cells are numbers: then the few words among them are typos the
 * student should see, not categories.
 */
export function isNumberColumn(profile: ColumnProfile): boolean {
  return profile.numberCount > profile.textCount;
}

/**
 * Refuses a number column that has words in it, naming the first one, or a number too large
 * to train with (it would become Infinity, and the loss NaN).
 */
export function requireNumbers(table: Table, profile: ColumnProfile): void {
  const cell = profile.firstText;
  if (cell) {
    throw datasetError(
      'not-a-number',
      `${table.fileName}: line ${cell.row.line}, column "${profile.name}" holds "${cell.value}", which is not a number, while the rest of that column is numbers. Correct that cell${profile.textCount > 1 ? ` (the column has ${profile.textCount} such cells)` : ''}, or empty it and choose what to do with empty cells.`,
    );
  }
  const huge = profile.firstTooLarge;
  if (huge) {
    throw datasetError(
      'not-a-number',
      `${table.fileName}: line ${huge.row.line}, column "${profile.name}" holds ${excerpt(huge.value.trim())}, which is too large to train with: Neurite computes with 32-bit numbers, which go up to about 3.4 × 10^38. Correct that cell, or write the column in larger units (thousands, millions).`,
    );
  }
}

/** Class names and each cell's class index, for a label column. */
export interface ClassLabels {
  readonly names: readonly string[];
  /** The class index of a filled cell. */
  indexOf(cell: string): number;
}

/**
 * Classes in a sensible order: by value when the labels are numbers ("2" before "10"),
 * otherwise alphabetically, so the same file always gives the same class numbers.
 */
export function classLabels(
  table: Table,
  column: number,
  rows: readonly TableRow[] = table.rows,
): ClassLabels {
  const cells = rows.map((row) => row.cells[column] ?? '').filter((cell) => !isMissingCell(cell));
  const numbers = cells.map((cell) => parseNumberCell(cell, table.decimalComma));
  if (numbers.every((number) => number !== undefined)) {
    const values = [...new Set(numbers)].sort((a, b) => a - b);
    const index = new Map(values.map((value, i) => [value, i]));
    return {
      names: values.map(String),
      indexOf: (cell) => index.get(parseNumberCell(cell, table.decimalComma) ?? NaN) ?? -1,
    };
  }
  const names = [...new Set(cells)].sort(
    (a, b) =>
      a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  const index = new Map(names.map((name, i) => [name, i]));
  return { names, indexOf: (cell) => index.get(cell.trim()) ?? -1 };
}

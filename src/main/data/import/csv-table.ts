import Papa from 'papaparse';
import { basename } from 'node:path';
import { datasetError } from '../errors';
import { nounFor } from '../wording';
import { isDecimalCommaNumber, isMissingCell, parseNumberCell } from './cell-values';

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'vertical bar',
};

export interface TableRow {
  /** 1-based line of the file where the row starts, for messages. */
  readonly line: number;
  readonly cells: readonly string[];
}

/** A delimited text file cut into trimmed cells, every row as wide as the first. */
export interface Table {
  readonly fileName: string;
  readonly delimiter: Delimiter;
  /** Cells like "1,5" are numbers (a ;-separated file from a spreadsheet). */
  readonly decimalComma: boolean;
  /** The header row's names, when the file has one. */
  readonly header?: readonly string[];
  readonly columnCount: number;
  readonly rows: readonly TableRow[];
}

export interface TableOptions {
  readonly delimiter: Delimiter | 'auto';
  readonly header: 'auto' | 'yes' | 'no';
}

/**
 * Splits CSV/TSV text into rows, finding the delimiter and the header row when asked to, and
 * refuses files a student must fix first: empty ones, broken quotes, rows of the wrong width.
 */
export function parseTable(rawText: string, path: string, options: TableOptions): Table {
  const fileName = basename(path);
  const text = rawText.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    throw datasetError(
      'empty-file',
      `${fileName} is empty. A data file needs a row per example, with values separated by commas.`,
    );
  }
  const delimiter = options.delimiter === 'auto' ? sniffDelimiter(text, path) : options.delimiter;
  const allRows = splitRows(text, delimiter, fileName);
  if (allRows.length === 0) {
    throw datasetError('empty-file', `${fileName} has only empty lines. Add rows of data to it.`);
  }
  const decimalComma =
    delimiter === ';' && allRows.some((row) => row.cells.some(isDecimalCommaNumber));
  const [first, ...rest] = allRows as [TableRow, ...TableRow[]];
  const hasHeader =
    options.header === 'yes' ||
    (options.header === 'auto' && looksLikeHeader(first.cells, rest, decimalComma));
  const rows = hasHeader ? rest : allRows;
  const columnCount = first.cells.length;
  const widthSource = hasHeader ? 'the header has' : `line ${first.line} has`;
  for (const row of rows) {
    if (row.cells.length !== columnCount) {
      throw datasetError(
        'ragged-row',
        `${fileName}: line ${row.line} has ${row.cells.length} ${nounFor(row.cells.length, 'value')} but ${widthSource} ${columnCount}. Every line needs one value per column: look for a missing or extra ${DELIMITER_NAMES[delimiter]} on line ${row.line}.`,
      );
    }
  }
  if (rows.length === 0) {
    throw datasetError(
      'empty-file',
      `${fileName} has a header row but no data rows. Add at least one row of values below the header.`,
    );
  }
  return {
    fileName,
    delimiter,
    decimalComma,
    ...(hasHeader ? { header: first.cells } : {}),
    columnCount,
    rows,
  };
}

/** Rows with their file lines; rows whose cells are all blank are left out. */
function splitRows(text: string, delimiter: Delimiter, fileName: string): TableRow[] {
  const rows: TableRow[] = [];
  let rowStart = 0;
  let line = 1;
  let countedUpTo = 0;
  const lineAt = (offset: number): number => {
    for (let i = countedUpTo; i < offset; i += 1) if (text.charCodeAt(i) === 10) line += 1;
    countedUpTo = Math.max(countedUpTo, offset);
    return line;
  };
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    step: (result) => {
      const startLine = lineAt(rowStart);
      rowStart = result.meta.cursor;
      const quoteError = result.errors.find((error) => error.type === 'Quotes');
      if (quoteError) {
        throw datasetError(
          'corrupt-csv',
          `${fileName}: line ${startLine} has a quote mark (") that is never closed, so the rest of the file cannot be read. Close or remove the quote on that line.`,
        );
      }
      const cells = result.data.map((cell) => cell.trim());
      if (cells.every((cell) => cell === '')) return;
      rows.push({ line: startLine, cells });
    },
  });
  return rows;
}

/**
 * The delimiter that cuts the first lines into the same number of cells, at least two.
 * Spreadsheets that write decimal commas separate cells with ";", so when both "," and ";"
 * fit and the commas all sit inside numbers, ";" wins.
 */
function sniffDelimiter(text: string, path: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const fits: { delimiter: Delimiter; width: number; rows: string[][] }[] = [];
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(sample, {
      delimiter,
      newline: '\n',
      preview: 50,
      skipEmptyLines: 'greedy',
    });
    const rows = parsed.data;
    if (rows.length === 0) continue;
    const width = mostCommon(rows.map((row) => row.length));
    const matching = rows.filter((row) => row.length === width).length;
    // The last sampled line may be cut in the middle; allow one odd row out of many.
    if (width >= 2 && matching >= rows.length - (rows.length > 10 ? 1 : 0)) {
      fits.push({ delimiter, width, rows });
    }
  }
  if (fits.length === 0) return /\.(tsv|tab)$/i.test(path) ? '\t' : ',';
  const semicolon = fits.find((fit) => fit.delimiter === ';');
  if (semicolon && fits.some((fit) => fit.delimiter === ',')) {
    const commaCells = semicolon.rows.flat().filter((cell) => cell.includes(','));
    if (commaCells.length > 0 && commaCells.every(isDecimalCommaNumber)) return ';';
  }
  const tab = fits.find((fit) => fit.delimiter === '\t');
  if (tab && /\.(tsv|tab)$/i.test(path)) return '\t';
  return fits.reduce((best, fit) => (fit.width > best.width ? fit : best)).delimiter;
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

/**
 * A first row is a header when it names a column whose other cells are all numbers, or, in a
 * table of words only, when none of its words comes back further down its column.
 */
function looksLikeHeader(
  first: readonly string[],
  rest: readonly TableRow[],
  decimalComma: boolean,
): boolean {
  const isNumber = (cell: string) => parseNumberCell(cell, decimalComma) !== undefined;
  const sample = rest.slice(0, 500);
  const wordsOnly = first.every((cell) => !isMissingCell(cell) && !isNumber(cell));
  if (sample.length === 0) return wordsOnly;
  for (let column = 0; column < first.length; column += 1) {
    const name = first[column] ?? '';
    if (isMissingCell(name) || isNumber(name)) continue;
    const values = sample
      .map((row) => row.cells[column])
      .filter((cell): cell is string => cell !== undefined && !isMissingCell(cell));
    if (values.length > 0 && values.every(isNumber)) return true;
  }
  return (
    wordsOnly && first.every((name, column) => !sample.some((row) => row.cells[column] === name))
  );
}

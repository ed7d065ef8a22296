import {
  claimedFigure,
  FIGURES_PART_WORDS,
  gradesCsv,
} from '../../../../shared/labs/grade-columns';
import type { LabGradeRow } from '../../../../shared/labs/lab-api';

/**
 * The teacher's table as data: its columns, its order and its CSV (in that order). Plain TypeScript, so the
 * sorting and the file are tested without a page.
 */

export type CellValue = string | number | undefined;

export interface GradeColumn {
  readonly key: string;
  readonly title: string;
  /** What sorting compares; undefined (nothing to show) sorts last either way. */
  readonly value: (row: LabGradeRow) => CellValue;
  /** What the cell says. */
  readonly text: (row: LabGradeRow) => string;
}

export interface SortOrder {
  readonly key: string;
  readonly descending: boolean;
}

export { claimedFigure } from '../../../../shared/labs/grade-columns';
export type { ClaimedFigure } from '../../../../shared/labs/grade-columns';

const figureText = (value: number | undefined, figure: 'accuracy' | 'loss') =>
  value === undefined
    ? ''
    : figure === 'accuracy'
      ? `${(value * 100).toFixed(1)}%`
      : value.toPrecision(4);

/** Every goal id the rows name, in the lab's order (a problem row names none). */
export function goalIds(rows: readonly LabGradeRow[]): string[] {
  const ids: string[] = [];
  for (const row of rows)
    for (const goal of row.goals) if (!ids.includes(goal.id)) ids.push(goal.id);
  return ids;
}

const whenGraded = (row: LabGradeRow) => (row.problem === null ? undefined : '');

export function gradeColumns(rows: readonly LabGradeRow[]): GradeColumn[] {
  const figure = (f: 'accuracy' | 'loss', part: 'recomputed' | 'claimed', title: string) => ({
    key: `${part}-${f}`,
    title,
    value: (row: LabGradeRow) => claimedFigure(row, f)[part],
    text: (row: LabGradeRow) => figureText(claimedFigure(row, f)[part], f),
  });
  return [
    {
      key: 'student',
      title: 'Student',
      value: (row) => row.student ?? undefined,
      text: (row) => row.student ?? '',
    },
    { key: 'file', title: 'File', value: (row) => row.file, text: (row) => row.file },
    {
      key: 'met',
      title: 'Goals met',
      value: (row) => whenGraded(row) ?? (row.total === 0 ? 0 : row.met / row.total),
      text: (row) => (row.problem === null ? `${row.met}/${row.total}` : ''),
    },
    {
      key: 'hints',
      title: 'Hints shown',
      value: (row) => whenGraded(row) ?? row.hintsShown,
      text: (row) => (row.problem === null ? String(row.hintsShown) : ''),
    },
    {
      // A run that kept no test part is judged on its validation part, else its training part.
      key: 'part',
      title: 'Figures on',
      value: (row) => (row.best ? FIGURES_PART_WORDS[row.best.part] : undefined),
      text: (row) => (row.best ? FIGURES_PART_WORDS[row.best.part] : ''),
    },
    figure('accuracy', 'recomputed', 'Accuracy'),
    figure('accuracy', 'claimed', 'Claimed accuracy'),
    figure('loss', 'recomputed', 'Loss'),
    figure('loss', 'claimed', 'Claimed loss'),
    // The goals last: a lab has many, and the totals above must not scroll out of sight.
    ...goalIds(rows).map((id): GradeColumn => ({
      key: `goal:${id}`,
      title: id,
      value: (row) => {
        const goal = row.goals.find((g) => g.id === id);
        return goal === undefined ? undefined : goal.met ? 1 : 0;
      },
      text: (row) => {
        const goal = row.goals.find((g) => g.id === id);
        return goal === undefined ? '' : goal.met ? '✓' : '✗';
      },
    })),
  ];
}

/** Compares two cells: numbers as numbers, words as words; empty cells last either way. */
function compare(a: CellValue, b: CellValue, descending: boolean): number {
  const emptyA = a === undefined || a === '';
  const emptyB = b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  const order =
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
  return descending ? -order : order;
}

/** The rows in a column's order; rows that tie keep the order they were graded in. */
export function sortRows(
  rows: readonly LabGradeRow[],
  columns: readonly GradeColumn[],
  order: SortOrder | undefined,
): LabGradeRow[] {
  const column = order && columns.find((c) => c.key === order.key);
  if (!order || !column) return [...rows];
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        compare(column.value(a.row), column.value(b.row), order.descending) || a.index - b.index,
    )
    .map(({ row }) => row);
}

/** Clicking a header: sort by it, or turn its order round when it already sorts. */
export function nextOrder(order: SortOrder | undefined, key: string): SortOrder {
  return order?.key === key ? { key, descending: !order.descending } : { key, descending: false };
}

/**
 * The table as CSV, in the order it is sorted on the page: the columns `neurite grade --csv`
 * writes (src/shared/labs/grade-columns.ts), not the page's, so both files read the same.
 */
export function gradesCsvInOrder(
  rows: readonly LabGradeRow[],
  order: SortOrder | undefined,
): string {
  return gradesCsv(sortRows(rows, gradeColumns(rows), order), goalIds(rows));
}

import Papa from 'papaparse';
import type { LabGradeRow } from '../../../../shared/labs/lab-api';

/**
 * The teacher's table as data: its columns, its order and its CSV. Plain TypeScript, so the
 * sorting and the file are tested without a page.
 */

export type CellValue = string | number | undefined;

export interface GradeColumn {
  readonly key: string;
  readonly title: string;
  /** What sorting compares; undefined (nothing to show) sorts last either way. */
  readonly value: (row: LabGradeRow) => CellValue;
  /** What the cell and the CSV say. */
  readonly text: (row: LabGradeRow) => string;
}

export interface SortOrder {
  readonly key: string;
  readonly descending: boolean;
}

/** A figure the submission claims, and what its weights gave when Neurite recomputed it. */
export interface ClaimedFigure {
  readonly recomputed: number | undefined;
  readonly claimed: number | undefined;
  /** The claim is not what the weights give (beyond what another machine's rounding explains). */
  readonly differs: boolean;
}

const PART_PREFIX: Readonly<Record<FiguresPart, string>> = {
  train: '',
  validation: 'val_',
  test: 'test_',
};

type FiguresPart = NonNullable<LabGradeRow['best']>['part'];

/** Which part of the data a row's figures are on, in the table's words. */
const PART_WORDS: Readonly<Record<FiguresPart, string>> = {
  train: 'training',
  validation: 'validation',
  test: 'test',
};

/**
 * A recomputation on another machine or backend can differ in the last digits; a claim that
 * is off by more than this was not made by these weights on this data.
 */
function differs(claimed: number, recomputed: number): boolean {
  return Math.abs(claimed - recomputed) > Math.max(1e-3, 0.01 * Math.abs(recomputed));
}

/** The accuracy or loss of a row's best run: recomputed, and as the file claims it. */
export function claimedFigure(row: LabGradeRow, figure: 'accuracy' | 'loss'): ClaimedFigure {
  const best = row.best;
  if (!best) return { recomputed: undefined, claimed: undefined, differs: false };
  const recomputed = figure === 'loss' ? best.recomputed.loss : best.recomputed.metrics[figure];
  // A run's stored figures name another part's than training's with a prefix (val_loss,
  // test_accuracy) when they hold several parts.
  const claimed = best.claimed?.[`${PART_PREFIX[best.part]}${figure}`] ?? best.claimed?.[figure];
  return {
    recomputed,
    claimed,
    differs: claimed !== undefined && recomputed !== undefined && differs(claimed, recomputed),
  };
}

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
      value: (row) => (row.best ? PART_WORDS[row.best.part] : undefined),
      text: (row) => (row.best ? PART_WORDS[row.best.part] : ''),
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
 * The table as CSV for a spreadsheet: the columns as shown, plus whether a claimed figure
 * differs and why a file could not be graded.
 */
export function gradesCsv(rows: readonly LabGradeRow[], columns: readonly GradeColumn[]): string {
  const header = [...columns.map((c) => c.title), 'Claims differ', 'Problem'];
  const body = rows.map((row) => [
    ...columns.map((c) => c.text(row)),
    claimedFigure(row, 'accuracy').differs || claimedFigure(row, 'loss').differs ? 'yes' : '',
    row.problem ?? '',
  ]);
  // A student types their own name: one that starts with = or + must not become a formula
  // when the teacher opens the file in a spreadsheet.
  return Papa.unparse([header, ...body], { escapeFormulae: true });
}

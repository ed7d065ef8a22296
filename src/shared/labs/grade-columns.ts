import type { LabGradeRow } from './lab-api';
import { formatFigure } from './run-goals';

/**
 * The grading table's columns as a file holds them: `neurite grade --csv` and the Collect
 * dialog's "Export CSV" write the same columns in the same formats, so a teacher's spreadsheet
 * reads either. The met and total goals are two columns: "11/11" in one cell is read as a date.
 */

export interface GradeFileColumn {
  readonly title: string;
  readonly cell: (row: LabGradeRow) => string;
}

type FiguresPart = NonNullable<LabGradeRow['best']>['part'];

/** Which part of the data a row's figures are on, in the table's words. */
export const FIGURES_PART_WORDS: Readonly<Record<FiguresPart, string>> = {
  train: 'training',
  validation: 'validation',
  test: 'test',
};

/** A run's stored figures name another part's than training's with a prefix (val_loss). */
const PART_PREFIX: Readonly<Record<FiguresPart, string>> = {
  train: '',
  validation: 'val_',
  test: 'test_',
};

/** A figure the submission claims, and what its weights gave when Neurite recomputed it. */
export interface ClaimedFigure {
  readonly recomputed: number | undefined;
  readonly claimed: number | undefined;
  /** The claim is not what the weights give (beyond what another machine's rounding explains). */
  readonly differs: boolean;
}

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
  const claimed = best.claimed?.[`${PART_PREFIX[best.part]}${figure}`] ?? best.claimed?.[figure];
  return {
    recomputed,
    claimed,
    differs: claimed !== undefined && recomputed !== undefined && differs(claimed, recomputed),
  };
}

const number = (value: number | undefined) => (value === undefined ? '' : formatFigure(value));
/** A figure only a graded submission has; a row that says why it was not graded leaves it. */
const graded = (row: LabGradeRow, text: string) => (row.problem === null ? text : '');

/**
 * file, student, handed in (ISO time), problem, goals met, goals total, hints, the best run's
 * part, its recomputed accuracy and loss and the claimed ones, then a yes/no column per goal.
 */
export function gradeFileColumns(goalIds: readonly string[]): GradeFileColumn[] {
  const figure = (f: 'accuracy' | 'loss', which: 'recomputed' | 'claimed', title: string) => ({
    title,
    cell: (row: LabGradeRow) => number(claimedFigure(row, f)[which]),
  });
  return [
    { title: 'file', cell: (row) => row.file },
    { title: 'student', cell: (row) => row.student ?? '' },
    { title: 'handed in', cell: (row) => row.handedInAt ?? '' },
    { title: 'problem', cell: (row) => row.problem ?? '' },
    { title: 'goals met', cell: (row) => graded(row, String(row.met)) },
    { title: 'goals total', cell: (row) => graded(row, String(row.total)) },
    { title: 'hints', cell: (row) => graded(row, String(row.hintsShown)) },
    { title: 'figures on', cell: (row) => (row.best ? FIGURES_PART_WORDS[row.best.part] : '') },
    figure('accuracy', 'recomputed', 'accuracy'),
    figure('loss', 'recomputed', 'loss'),
    figure('accuracy', 'claimed', 'claimed accuracy'),
    figure('loss', 'claimed', 'claimed loss'),
    ...goalIds.map((id) => ({
      title: id,
      cell: (row: LabGradeRow) => {
        const goal = row.goals.find((g) => g.id === id);
        return goal === undefined ? '' : goal.met ? 'yes' : 'no';
      },
    })),
  ];
}

/**
 * A cell as CSV writes it: quoted when it holds a comma, quote or line break; a text that a
 * spreadsheet would run as a formula (a student may type "=cmd()" as their name) gets a
 * leading apostrophe.
 */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows, in the order given, as CSV: a header line, a line per row, a final newline. */
export function gradesCsv(rows: readonly LabGradeRow[], goalIds: readonly string[]): string {
  const columns = gradeFileColumns(goalIds);
  const lines = [
    columns.map((column) => csvCell(column.title)),
    ...rows.map((row) => columns.map((column) => csvCell(column.cell(row)))),
  ];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

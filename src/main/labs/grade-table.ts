import type { LabGradeRow } from '../../shared/labs/lab-api';
import type { LabDocument } from '../../shared/labs/lab-document';
import { labGoals } from '../../shared/labs/lab-document';
import { formatFigure } from '../../shared/labs/run-goals';

/** The teacher's table: a header and one row of text cells per submission. */
export interface GradeTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The table `neurite grade` prints and writes as CSV: who, when, why a file could not be
 * graded, each goal (yes/no), the count met, the hints opened, and the best run's figures
 * computed again from its weights beside the ones its file claims.
 */
export function gradeTable(lab: LabDocument, rows: readonly LabGradeRow[]): GradeTable {
  const goalIds = labGoals(lab).map(({ goal }) => goal.id);
  const metrics = [
    ...new Set(rows.flatMap((row) => Object.keys(row.best?.recomputed.metrics ?? {}))),
  ].sort((a, b) => (a === 'accuracy' ? -1 : b === 'accuracy' ? 1 : a.localeCompare(b)));
  const measures = ['loss', ...metrics];
  const header = [
    'file',
    'student',
    'handed in',
    ...goalIds,
    'met',
    'total',
    'hints',
    'runs',
    'best run',
    'epochs',
    'figures on',
    ...measures,
    ...measures.map((measure) => `claimed ${measure}`),
    // Last, so that a long sentence does not push the figures out of sight in a terminal.
    'problem',
  ];
  const figure = (value: number | undefined) => (value === undefined ? '' : formatFigure(value));
  const cells = rows.map((row) => {
    const met = new Map(row.goals.map((goal) => [goal.id, goal.met]));
    const best = row.best;
    const recomputed = (measure: string) =>
      measure === 'loss' ? best?.recomputed.loss : best?.recomputed.metrics[measure];
    return [
      row.file,
      row.student ?? '',
      row.handedInAt ? row.handedInAt.slice(0, 16).replace('T', ' ') : '',
      ...goalIds.map((id) => (met.has(id) ? (met.get(id) ? 'yes' : 'no') : '')),
      row.problem ? '' : String(row.met),
      String(row.total),
      row.problem ? '' : String(row.hintsShown),
      row.problem ? '' : String(row.runs),
      best?.runId ?? '',
      best ? String(best.epochs) : '',
      best ? `${best.part} (${best.recomputed.examples})` : '',
      ...measures.map((measure) => figure(recomputed(measure))),
      ...measures.map((measure) => figure(best?.claimed?.[measure])),
      row.problem ?? '',
    ];
  });
  return { header, rows: cells };
}

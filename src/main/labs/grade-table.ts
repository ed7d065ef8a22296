import { claimedFigure, gradesCsv } from '../../shared/labs/grade-columns';
import type { LabGradeRow } from '../../shared/labs/lab-api';
import type { LabDocument } from '../../shared/labs/lab-document';
import { labGoals } from '../../shared/labs/lab-document';
import { formatFigure } from '../../shared/labs/run-goals';
import { renderTable } from '../cli/text-table';

/** The terminal a teacher reads the table in is at least this wide. */
export const TERMINAL_WIDTH = 100;

/** The lab's goal ids, in its order: the CSV's last columns. */
export function labGoalIds(lab: LabDocument): string[] {
  return labGoals(lab).map(({ goal }) => goal.id);
}

/** The table as `neurite grade --csv` writes it: the columns the Collect dialog exports too. */
export function gradeCsv(lab: LabDocument, rows: readonly LabGradeRow[]): string {
  return gradesCsv(rows, labGoalIds(lab));
}

const PART_SHORT = { train: 'train', validation: 'val', test: 'test' } as const;

/** At most `width` characters, cut with an ellipsis. */
function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** A figure in at most 7 characters: 0.9333, 12.35, 1.2e-4. */
function short(value: number | undefined): string {
  if (value === undefined) return '';
  const text = formatFigure(value);
  return text.length <= 7 ? text : value.toExponential(1);
}

/** Words wrapped to the terminal, each line indented. */
function wrapped(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(' ')) {
    if (line.length > indent.length && line.length + 1 + word.length > TERMINAL_WIDTH) {
      lines.push(line);
      line = indent;
    }
    line += line.length > indent.length ? ` ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** What a row's one line has no room for: the goals not met, a claim its weights do not give, why it was not graded. */
function details(row: LabGradeRow): string[] {
  if (row.problem !== null) return wrapped(`not graded: ${row.problem}`, '    ');
  const lines: string[] = [];
  const unmet = row.goals.filter((goal) => !goal.met).map((goal) => goal.id);
  if (unmet.length > 0) lines.push(...wrapped(`not met: ${unmet.join(', ')}`, '    '));
  const accuracy = claimedFigure(row, 'accuracy');
  const loss = claimedFigure(row, 'loss');
  if (accuracy.differs || loss.differs) {
    const claims = [
      accuracy.differs ? `accuracy ${short(accuracy.claimed)}` : '',
      loss.differs ? `loss ${short(loss.claimed)}` : '',
    ].filter((text) => text !== '');
    lines.push(
      ...wrapped(`⚠ the file claims ${claims.join(' and ')}: its weights do not give it`, '    '),
    );
  }
  return lines;
}

/**
 * The table `neurite grade` prints, within 100 columns: a line per submission (who, when, the
 * goals met of the total, the hints opened, the best run's part and recomputed figures), and
 * under it the goals not met, a claim its weights do not give and why a file was not graded.
 * The yes/no of each goal is in the CSV and the JSON.
 */
export function terminalGradeTable(rows: readonly LabGradeRow[]): string {
  const cells = rows.map((row) => {
    const graded = row.problem === null;
    return [
      fit(row.file, 26),
      fit(row.student ?? '', 14),
      row.handedInAt ? row.handedInAt.slice(0, 16).replace('T', ' ') : '',
      graded ? `${row.met}/${row.total}` : '',
      graded ? String(row.hintsShown) : '',
      row.best ? PART_SHORT[row.best.part] : '',
      short(claimedFigure(row, 'accuracy').recomputed),
      short(claimedFigure(row, 'loss').recomputed),
    ];
  });
  const table = renderTable(
    [
      { title: 'file' },
      { title: 'student' },
      { title: 'handed in' },
      { title: 'met', align: 'right' },
      { title: 'hints', align: 'right' },
      { title: 'part' },
      { title: 'accuracy', align: 'right' },
      { title: 'loss', align: 'right' },
    ],
    cells,
  ).split('\n');
  const [header, rule] = table;
  const body = rows.flatMap((row, i) => [table[i + 2]!, ...details(row)]);
  return [header!, rule!, ...body].join('\n') + '\n';
}

import { fireEvent, screen, within } from '@testing-library/react';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { GradeTable } from '../../src/renderer/src/labs/collect/GradeTable';
import { gradesCsvInOrder } from '../../src/renderer/src/labs/collect/grade-table';
import type { LabGradeRow } from '../../src/shared/labs/lab-api';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost } from './render-with-host';

/** The teacher's table of graded submissions: columns, sorting, problem rows and the CSV. */

/** Each student's run has its own id, as real runs do. */
let runs = 0;

function graded(
  student: string,
  met: readonly boolean[],
  figures: { accuracy: number; loss: number; claimed?: Record<string, number> | null },
  hintsShown = 0,
): LabGradeRow {
  return {
    file: `${student.toLowerCase()}.neurite`,
    student,
    handedInAt: '2026-12-07T10:00:00.000Z',
    problem: null,
    goals: met.map((m, i) => ({ id: `goal-${i + 1}`, met: m, detail: m ? 'seen' : 'not yet' })),
    met: met.filter(Boolean).length,
    total: met.length,
    hintsShown,
    runs: 1,
    best: {
      runId: `00000000-0000-4000-8000-${String((runs += 1)).padStart(12, '0')}`,
      epochs: 30,
      part: 'test',
      claimed:
        figures.claimed === undefined
          ? { test_accuracy: figures.accuracy, test_loss: figures.loss }
          : figures.claimed,
      recomputed: { examples: 4, loss: figures.loss, metrics: { accuracy: figures.accuracy } },
    },
  };
}

const damaged: LabGradeRow = {
  file: 'broken.neurite',
  student: null,
  handedInAt: null,
  problem: 'This file is damaged: ask the student to hand it in again.',
  goals: [],
  met: 0,
  total: 0,
  hintsShown: 0,
  runs: 0,
  best: null,
};

const rows = [
  graded('Chloé', [true, true], { accuracy: 1, loss: 0.05 }, 2),
  graded('Ana', [true, false], { accuracy: 0.75, loss: 0.4 }),
  damaged,
  graded('Ben', [false, false], { accuracy: 0.5, loss: 0.7, claimed: { accuracy: 1, loss: 0.01 } }),
];

function renderTable() {
  renderWithHost(new FakeHost(), <GradeTable rows={rows} />);
  return screen.getByRole('table', { name: 'Submissions' });
}

const firstColumn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]!.textContent);

/** The table's columns for these rows: the student, the figures, then one per goal. */
const COLUMNS = [
  'Student',
  'File',
  'Goals met',
  'Hints shown',
  'Figures on',
  'Accuracy',
  'Claimed accuracy',
  'Loss',
  'Claimed loss',
  'goal-1',
  'goal-2',
];

describe('the submissions table', () => {
  it('shows students × goals with ticks, met/total, hints and figures', () => {
    const table = renderTable();
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(header).toEqual(COLUMNS);
    const chloe = within(table).getAllByRole('row')[1]!;
    expect(
      within(chloe)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Chloé',
      'chloé.neurite',
      '2/2',
      '2',
      'test',
      '100.0%',
      '100.0%',
      '0.05000',
      '0.05000',
      '✓',
      '✓',
    ]);
  });

  it('flags a claimed figure that the weights do not give', () => {
    const table = renderTable();
    const ben = within(table).getAllByRole('row')[4]!;
    const flagged = ben.querySelectorAll('.grade-claim-differs');
    expect([...flagged].map((c) => c.textContent)).toEqual(['⚠ 100.0%', '⚠ 0.01000']);
    const chloe = within(table).getAllByRole('row')[1]!;
    expect(chloe.querySelectorAll('.grade-claim-differs')).toHaveLength(0);
  });

  it('shows the sentence of a file that could not be graded', () => {
    const table = renderTable();
    const broken = within(table).getAllByRole('row')[3]!;
    expect(within(broken).getAllByRole('cell').at(-1)!.textContent).toBe(damaged.problem);
  });

  it('sorts by a column when its header is clicked, and turns round on a second click', () => {
    const table = renderTable();
    fireEvent.click(within(table).getByRole('button', { name: 'Student' }));
    // A file without a student's name sorts last either way.
    expect(firstColumn(table)).toEqual([
      'ana.neurite',
      'ben.neurite',
      'chloé.neurite',
      'broken.neurite',
    ]);
    fireEvent.click(within(table).getByRole('button', { name: /Student/ }));
    expect(firstColumn(table)).toEqual([
      'chloé.neurite',
      'ben.neurite',
      'ana.neurite',
      'broken.neurite',
    ]);
    expect(within(table).getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe(
      'descending',
    );

    fireEvent.click(within(table).getByRole('button', { name: 'Accuracy' }));
    expect(firstColumn(table)).toEqual([
      'ben.neurite',
      'ana.neurite',
      'chloé.neurite',
      'broken.neurite',
    ]);
  });

  it('exports the CSV `neurite grade` writes, in the order the table is sorted', () => {
    const withFormula = [...rows, graded('=cmd()', [true, true], { accuracy: 1, loss: 0.1 })];
    const csv = gradesCsvInOrder(withFormula, { key: 'met', descending: true });
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(table[0]).toEqual([
      ...['file', 'student', 'handed in', 'problem', 'goals met', 'goals total', 'hints'],
      ...['figures on', 'accuracy', 'loss', 'claimed accuracy', 'claimed loss'],
      ...['goal-1', 'goal-2'],
    ]);
    // Most goals met first, as the table shows them: Chloé and =cmd() (in the order graded),
    // Ana, Ben, and the file that could not be graded last.
    expect(table.slice(1).map((line) => line[1])).toEqual(['Chloé', "'=cmd()", 'Ana', 'Ben', '']);
    expect(table[3]).toEqual([
      'ana.neurite',
      'Ana',
      '2026-12-07T10:00:00.000Z',
      '',
      '1',
      '2',
      '0',
      'test',
      '0.75',
      '0.4',
      '0.75',
      '0.4',
      'yes',
      'no',
    ]);
    expect(table[4]!.slice(8, 12)).toEqual(['0.5', '0.7', '1', '0.01']);
    // A file that could not be graded says why, and shows no totals.
    expect(table[5]!.slice(0, 7)).toEqual(['broken.neurite', '', '', damaged.problem, '', '', '']);
  });

  it('flags both files of the same work handed in under two names', () => {
    const ana = graded('Ana', [true, true], { accuracy: 1, loss: 0.05 });
    const copy = { ...ana, file: 'zoe.neurite', student: 'Zoé' };
    // The same run handed in at another time is another hand-in, not a copy.
    const later = { ...ana, file: 'ana-again.neurite', handedInAt: '2026-12-07T11:00:00.000Z' };
    renderWithHost(new FakeHost(), <GradeTable rows={[ana, rows[1]!, copy, later]} />);
    const table = screen.getByRole('table', { name: 'Submissions' });
    const fileCells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]!.textContent);
    expect(fileCells).toEqual([
      'ana.neurite ⚠ the same work as zoe.neurite',
      'ana.neurite',
      'zoe.neurite ⚠ the same work as ana.neurite',
      'ana-again.neurite',
    ]);
  });
});

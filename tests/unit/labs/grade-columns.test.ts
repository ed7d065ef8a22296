import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { gradeFileColumns, gradesCsv } from '../../../src/shared/labs/grade-columns';
import type { LabGradeRow } from '../../../src/shared/labs/lab-api';

/*
 * The one grading table a file holds, for `neurite grade --csv` and the Collect dialog alike:
 * its columns, their formats, and a CSV that a spreadsheet reads as written.
 */

const row: LabGradeRow = {
  file: 'ana, week 3.neurite',
  student: 'Ana "the" Student',
  handedInAt: '2026-12-07T10:00:00.000Z',
  problem: null,
  goals: [
    { id: 'learned', met: true, detail: 'seen' },
    { id: 'why', met: false, detail: 'not yet' },
  ],
  met: 1,
  total: 2,
  hintsShown: 3,
  runs: 1,
  best: {
    runId: 'r',
    epochs: 30,
    part: 'validation',
    claimed: { val_accuracy: 0.98765, val_loss: 0.0123456 },
    recomputed: { examples: 30, loss: 0.5, metrics: { accuracy: 0.75 } },
  },
};

const damaged: LabGradeRow = {
  ...row,
  file: 'broken.neurite',
  student: '=HYPERLINK("x")',
  handedInAt: null,
  problem: 'This file is damaged: ask the student to hand it in again.',
  goals: [],
  met: 0,
  total: 0,
  best: null,
};

describe('the grading table in a file', () => {
  it('has the columns in order: who, when, why not, totals, the best run, then each goal', () => {
    expect(gradeFileColumns(['learned', 'why']).map((column) => column.title)).toEqual([
      ...['file', 'student', 'handed in', 'problem', 'goals met', 'goals total', 'hints'],
      ...['figures on', 'accuracy', 'loss', 'claimed accuracy', 'claimed loss', 'learned', 'why'],
    ]);
  });

  it('writes CSV that reads back cell for cell, with no totals for a file not graded', () => {
    const csv = gradesCsv([row, damaged], ['learned', 'why']);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [, first, second] = Papa.parse<string[]>(csv.trimEnd()).data;
    expect(first).toEqual([
      ...['ana, week 3.neurite', 'Ana "the" Student', '2026-12-07T10:00:00.000Z', ''],
      ...['1', '2', '3', 'validation', '0.75', '0.5', '0.9877', '0.01235', 'yes', 'no'],
    ]);
    // A name a spreadsheet would run as a formula is written as text.
    expect(second).toEqual([
      ...['broken.neurite', `'=HYPERLINK("x")`, '', damaged.problem, '', '', ''],
      ...['', '', '', '', '', '', ''],
    ]);
  });
});

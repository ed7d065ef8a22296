import { describe, expect, it } from 'vitest';
import { terminalGradeTable } from '../../../src/main/labs/grade-table';
import type { LabGradeRow } from '../../../src/shared/labs/lab-api';

/* The table `neurite grade` prints: a line per submission within 100 columns, details under it. */

const goals = Array.from({ length: 14 }, (_, i) => ({
  id: `a-rather-long-goal-id-${i + 1}`,
  met: i % 3 === 0,
  detail: '',
}));

const claiming: LabGradeRow = {
  file: 'perceptron - Maria Magdalena Lovelace-Hopper, group B.neurite',
  student: 'Maria Magdalena Lovelace-Hopper',
  handedInAt: '2026-12-07T10:42:13.000Z',
  problem: null,
  goals,
  met: 5,
  total: 14,
  hintsShown: 12,
  runs: 3,
  best: {
    runId: 'r',
    epochs: 300,
    part: 'validation',
    claimed: { val_accuracy: 1, val_loss: 0.000012345 },
    recomputed: { examples: 30, loss: 123.456789, metrics: { accuracy: 0.933333 } },
  },
};

const damaged: LabGradeRow = {
  ...claiming,
  file: 'broken.neurite',
  student: null,
  handedInAt: null,
  problem: 'This file is damaged: ask the student to hand it in again, or open it to see why.',
  goals: [],
  met: 0,
  total: 0,
  best: null,
};

describe('terminalGradeTable', () => {
  it('fits 100 columns, and lists under each line what it has no room for', () => {
    const lines = terminalGradeTable([claiming, damaged]).split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^file +student +handed in +met +hints +part +accuracy +loss$/);
    expect(lines[2]).toMatch(
      /^perceptron - Maria Magdal… +Maria Magdale… +2026-12-07 10:42 +5\/14 +12 +val +0\.9333 +123\.5$/,
    );
    expect(lines[3]).toMatch(/^ {4}not met: a-rather-long-goal-id-2, a-rather-long-goal-id-3, /);
    const claims = lines.find((line) => line.includes('claims'));
    expect(claims).toBe(
      '    ⚠ the file claims accuracy 1 and loss 1.2e-5: its weights do not give it',
    );
    // A file that could not be graded: no totals, and why.
    const broken = lines.findIndex((line) => line.startsWith('broken.neurite'));
    expect(lines[broken]).toBe('broken.neurite');
    expect(lines[broken + 1]).toBe(`    not graded: ${damaged.problem}`);
  });
});

import type { LabGradeRow } from '../../../../shared/labs/lab-api';

/**
 * Which submissions are the same work under other file names: the same best run (run ids are
 * random, so two students never train the same one) handed in at the same moment. A copied
 * file renamed for another student is seen this way.
 *
 * Gives, for each such row, the other files it is the same work as.
 */
export function sameWork(rows: readonly LabGradeRow[]): Map<LabGradeRow, string[]> {
  const byWork = new Map<string, LabGradeRow[]>();
  for (const row of rows) {
    if (row.problem !== null || !row.best || row.handedInAt === null) continue;
    const key = `${row.best.runId} ${row.handedInAt}`;
    byWork.set(key, [...(byWork.get(key) ?? []), row]);
  }
  const same = new Map<LabGradeRow, string[]>();
  for (const group of byWork.values()) {
    if (group.length < 2) continue;
    for (const row of group)
      same.set(
        row,
        group.filter((other) => other !== row).map((other) => other.file),
      );
  }
  return same;
}

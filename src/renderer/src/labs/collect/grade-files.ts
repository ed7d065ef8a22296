import type { ApiClient } from '../../../../shared/api/client';
import type { LabGradeRow, LabRef } from '../../../../shared/labs/lab-api';
import { describeError } from '../../api';
import { readFileAsBase64 } from '../../projects/read-file';

/** A row for a file Neurite could not grade at all, saying why, so the others still are. */
function unreadRow(file: string, problem: string): LabGradeRow {
  return {
    file,
    student: null,
    handedInAt: null,
    problem,
    goals: [],
    met: 0,
    total: 0,
    hintsShown: 0,
    runs: 0,
    best: null,
  };
}

/**
 * Grades submissions one after the other (each loads a network and recomputes its test
 * figures; many at once would only make each slower), reporting each row as it comes.
 * Stops between files when `signal` aborts.
 */
export async function gradeFiles(
  api: ApiClient,
  lab: LabRef,
  files: readonly File[],
  onRow: (row: LabGradeRow, done: number) => void,
  signal: AbortSignal,
): Promise<void> {
  for (const [index, file] of files.entries()) {
    if (signal.aborted) return;
    let row: LabGradeRow;
    try {
      row = await api.call('labs.grade', {
        lab,
        submission: { fileName: file.name, base64: await readFileAsBase64(file) },
      });
    } catch (error) {
      row = unreadRow(
        file.name,
        describeError(
          error,
          'Neurite could not grade this file. Ask the student to hand it in again.',
        ),
      );
    }
    if (signal.aborted) return;
    onRow(row, index + 1);
  }
}

/** The submissions among picked files (a folder holds other files too). */
export function submissionFiles(files: Iterable<File>): File[] {
  return [...files]
    .filter((file) => file.name.toLowerCase().endsWith('.neurite'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

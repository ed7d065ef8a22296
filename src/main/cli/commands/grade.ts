import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LabGradeRow } from '../../../shared/labs/lab-api';
import type { LabDocument } from '../../../shared/labs/lab-document';
import { LAB_ID_PATTERN, MAX_LAB_BYTES } from '../../../shared/labs/lab-document';
import { gradeSubmission, unreadableRow } from '../../labs/grade-submission';
import { gradeCsv, terminalGradeTable } from '../../labs/grade-table';
import { LabFileError, LabNotFoundError, loadLabText, resolveLab } from '../../labs/lab-source';
import { ARCHIVE_SUFFIX } from '../../services/store/project-file-format';
import { MAX_PROJECT_FILE_BYTES } from '../../services/store/limits';
import { defaultResourcesDir } from '../../services/resources-dir';
import { keptWorker } from '../../services/workers/kept-worker';
import { forkWorkerLauncher } from '../../services/workers/worker-launcher';
import type { CliIO } from '../io';
import { EXIT_OK, EXIT_USAGE } from '../io';

export const GRADE_USAGE = `Usage: neurite grade <lab> <submission files or folders…> [--csv out.csv] [--json]

Grades lab submissions (the .neurite files students make with "Hand in"): every goal checked
again from each file's network, runs and answers, and each finished run's figures computed
again from its weights on the lab's own data, so a file that claims more than its weights give
does not get it. A folder stands for the .neurite files in it.
  <lab>            a lab file (.neurite-lab.yaml), or the id of a built-in lab (e.g. perceptron)
  --csv <file>     also write the table as CSV: a row per submission, a yes/no column per goal
                   (the columns the Collect dialog's Export CSV writes)
  --json           print {"lab": …, "rows": [...]} instead of the table, at full precision
Exit code: 0 every submission graded, 2 a lab, file or folder that cannot be used, or a
submission that could not be graded (the table says why, and so does each line on stderr).
`;

/** A user's mistake that stops the command before any grading. */
class Unusable extends Error {}

export async function gradeCommand(args: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: {
        csv: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${GRADE_USAGE}`);
    return EXIT_USAGE;
  }
  const { values: flags, positionals } = parsed;
  if (flags.help) {
    io.stdout(GRADE_USAGE);
    return EXIT_OK;
  }
  const [labArgument, ...paths] = positionals;
  if (!labArgument || paths.length === 0) {
    io.stderr(`neurite grade needs a lab and at least one submission.\n\n${GRADE_USAGE}`);
    return EXIT_USAGE;
  }
  let lab: LabDocument;
  let files: string[];
  try {
    lab = await readLab(labArgument);
    files = submissionFiles(paths);
  } catch (error) {
    if (error instanceof Unusable || error instanceof LabFileError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof LabNotFoundError) {
      io.stderr(`${error.message} Or give the path of a lab file.\n`);
      return EXIT_USAGE;
    }
    throw error;
  }

  const worker = keptWorker(forkWorkerLauncher());
  const rows: LabGradeRow[] = [];
  try {
    for (const file of files) rows.push(await gradeFile(lab, file, worker.ask.bind(worker)));
  } finally {
    worker.close();
  }

  if (flags.json) {
    io.stdout(`${JSON.stringify({ lab: lab.id, rows })}\n`);
  } else {
    io.stdout(terminalGradeTable(rows));
    const graded = rows.filter((row) => row.problem === null).length;
    io.stdout(
      `\n${graded} of ${rows.length} ${rows.length === 1 ? 'submission' : 'submissions'} graded against "${lab.title}" (${lab.id}).\n`,
    );
  }
  for (const row of rows) {
    if (row.problem !== null) io.stderr(`${row.file}: ${row.problem}\n`);
  }
  if (flags.csv !== undefined) {
    try {
      writeFileSync(flags.csv, gradeCsv(lab, rows));
    } catch (error) {
      io.stderr(`Cannot write "${flags.csv}": ${(error as NodeJS.ErrnoException).message}\n`);
      return EXIT_USAGE;
    }
  }
  return rows.some((row) => row.problem !== null) ? EXIT_USAGE : EXIT_OK;
}

/** A lab file's path, or a built-in lab's id. */
async function readLab(argument: string): Promise<LabDocument> {
  if (existsSync(argument) && statSync(argument).isFile()) {
    const size = statSync(argument).size;
    if (size > MAX_LAB_BYTES) {
      throw new Unusable(
        `"${argument}" is ${Math.ceil(size / 1024)} KB; a lab file is a short text file (at most ${MAX_LAB_BYTES / 1024 / 1024} MB).`,
      );
    }
    return loadLabText(path.basename(argument), readFileSync(argument, 'utf8')).lab;
  }
  if (!LAB_ID_PATTERN.test(argument)) {
    throw new Unusable(`There is no lab file "${argument}", and it is not a built-in lab's id.`);
  }
  return (await resolveLab(defaultResourcesDir(), { builtin: argument })).lab;
}

/** The files to grade: each file given, and the .neurite files of each folder given. */
function submissionFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    if (!existsSync(given)) {
      throw new Unusable(`There is no file or folder "${given}".`);
    }
    if (!statSync(given).isDirectory()) {
      files.push(given);
      continue;
    }
    const inside = readdirSync(given)
      .filter((name) => name.endsWith(ARCHIVE_SUFFIX))
      .sort()
      .map((name) => path.join(given, name))
      .filter((file) => statSync(file).isFile());
    if (inside.length === 0) {
      throw new Unusable(`The folder "${given}" has no ${ARCHIVE_SUFFIX} files to grade.`);
    }
    files.push(...inside);
  }
  return files;
}

async function gradeFile(
  lab: LabDocument,
  file: string,
  ask: Parameters<typeof gradeSubmission>[2],
): Promise<LabGradeRow> {
  const fileName = path.basename(file);
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > MAX_PROJECT_FILE_BYTES) {
      return unreadableRow(
        lab,
        fileName,
        `too large: the file is ${Math.ceil(size / 1024 / 1024)} MB; a submission holds at most ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB`,
      );
    }
    bytes = readFileSync(file);
  } catch (error) {
    return unreadableRow(
      lab,
      fileName,
      `cannot be read: ${(error as NodeJS.ErrnoException).message}`,
    );
  }
  return gradeSubmission(lab, { fileName, bytes }, ask);
}

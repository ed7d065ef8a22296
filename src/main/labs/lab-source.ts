import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabRef, LabSummary } from '../../shared/labs/lab-api';
import type { LabDocument } from '../../shared/labs/lab-document';
import { LAB_FILE_SUFFIX, labGoals } from '../../shared/labs/lab-document';
import type { LabProblem } from '../../shared/labs/parse-lab';
import { describeLabProblems, parseLab } from '../../shared/labs/parse-lab';

/** A lab read and checked, with the text it was read from (what a project keeps). */
export interface LoadedLab {
  readonly lab: LabDocument;
  readonly source: string;
  readonly fileName: string;
}

/** A lab file that cannot be used: its problems, each with its line and field. */
export class LabFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: readonly LabProblem[],
  ) {
    super(describeLabProblems(fileName, problems));
    this.name = 'LabFileError';
  }
}

/** A lab that is not there: no built-in lab by that id. */
export class LabNotFoundError extends Error {
  constructor(id: string, known: readonly string[]) {
    super(`There is no built-in lab called "${id}". The built-in labs are: ${known.join(', ')}.`);
    this.name = 'LabNotFoundError';
  }
}

/** The folder of the labs that come with Neurite, in the resources folder. */
export function builtinLabsDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'labs');
}

/** Reads a lab file's text; throws LabFileError with every problem. */
export function loadLabText(fileName: string, text: string): LoadedLab {
  const parsed = parseLab(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new LabFileError(fileName, parsed.problems);
  return { lab: parsed.lab, source: text, fileName };
}

/**
 * Every built-in lab, in the course's order (their files are numbered). A built-in lab that
 * does not read is a bug in Neurite, so it throws rather than being left out.
 */
export async function builtinLabs(resourcesDir: string): Promise<LoadedLab[]> {
  const folder = builtinLabsDir(resourcesDir);
  const files = (await readdir(folder)).filter((file) => file.endsWith(LAB_FILE_SUFFIX)).sort();
  return Promise.all(
    files.map(async (file) => loadLabText(file, await readFile(path.join(folder, file), 'utf8'))),
  );
}

/** The lab a reference names: a built-in one by id, or the text of a lab file. */
export async function resolveLab(resourcesDir: string, ref: LabRef): Promise<LoadedLab> {
  if ('text' in ref) return loadLabText(ref.fileName, ref.text);
  const labs = await builtinLabs(resourcesDir);
  const found = labs.find((loaded) => loaded.lab.id === ref.builtin);
  if (!found) {
    throw new LabNotFoundError(
      ref.builtin,
      labs.map((loaded) => loaded.lab.id),
    );
  }
  return found;
}

export function labSummary(lab: LabDocument): LabSummary {
  return {
    id: lab.id,
    title: lab.title,
    learn: lab.learn,
    steps: lab.steps.length,
    goals: labGoals(lab).length,
    data: lab.data.name,
  };
}

/** The file name a lab is handed out as: its id and the lab suffix. */
export function labFileName(lab: LabDocument): string {
  return `${lab.id}${LAB_FILE_SUFFIX}`;
}

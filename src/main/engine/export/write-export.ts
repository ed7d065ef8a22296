import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { writeProblemInWords } from '../../data/write-problem';
import { ExportError } from './export-error';
import type { ExportFiles } from './export-network';

/**
 * Writes an export's files into the folder `out`, whole or not at all: they go into a
 * temporary folder beside it first, which then takes its place. An existing folder is
 * replaced only when it holds nothing but files of the same names (an earlier export).
 * `what` names the export in messages ("the figures").
 */
export function writeExportFolder(out: string, files: ExportFiles, what = 'the model'): void {
  const target = path.resolve(out);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      throw new ExportError(
        'bad-output',
        `"${out}" is a file. Give the name of a folder to write ${what} into.`,
      );
    }
    const others = readdirSync(target).filter((name) => !files.has(name));
    if (others.length > 0) {
      throw new ExportError(
        'bad-output',
        `"${out}" already holds other files (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}). Give a new folder, or an empty one.`,
      );
    }
  }
  const parent = path.dirname(target);
  if (!existsSync(parent)) {
    throw new ExportError(
      'bad-output',
      `The folder "${path.dirname(out)}" does not exist. Make it first, or give another place for "${path.basename(out)}".`,
    );
  }
  const staging = `${target}.partial-${process.pid}`;
  const earlier = `${target}.earlier-${process.pid}`;
  let movedAside = false;
  try {
    // Made on its own, never with recursive mkdir, which does not return on some special
    // folders (such as /proc).
    mkdirSync(staging);
    for (const [name, bytes] of files) writeFileSync(path.join(staging, name), bytes);
    // An earlier export steps aside until the new one is in its place, and comes back if it
    // cannot be: the student never ends up with neither.
    if (existsSync(target)) {
      renameSync(target, earlier);
      movedAside = true;
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (movedAside && !existsSync(target)) renameSync(earlier, target);
    throw new ExportError(
      'bad-output',
      `${capitalized(what)} could not be written to "${out}" (${writeProblemInWords(error)}). Give a folder you can write to.`,
    );
  }
  if (movedAside) rmSync(earlier, { recursive: true, force: true });
}

/**
 * Writes an export of one file to the file `out`, whole or not at all (through a temporary
 * file beside it). An existing file of that name is replaced; a folder is not. `what` names
 * the export in messages ("the predictions").
 */
export function writeExportFile(out: string, bytes: Uint8Array, what = 'the model'): void {
  const target = path.resolve(out);
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new ExportError(
      'bad-output',
      `"${out}" is a folder. Give the name of a file to write ${what} to.`,
    );
  }
  if (!existsSync(path.dirname(target))) {
    throw new ExportError(
      'bad-output',
      `The folder "${path.dirname(out)}" does not exist. Make it first, or give another place for "${path.basename(out)}".`,
    );
  }
  const staging = `${target}.partial-${process.pid}`;
  try {
    writeFileSync(staging, bytes);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { force: true });
    throw new ExportError(
      'bad-output',
      `${capitalized(what)} could not be written to "${out}" (${writeProblemInWords(error)}). Give a place you can write to.`,
    );
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import { lstat, mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeProblemInWords } from './write-problem';

/**
 * Folders the user names for output (`neurite train --out`, `explain --out`), made and checked
 * before any work is done, so a place that cannot hold files is said at once instead of after
 * a long training run.
 *
 * Node's `mkdir(…, { recursive: true })` never returns for a path under /proc (it retries
 * ENOENT forever at full CPU), so folders are made one level at a time, each step bounded.
 */

/** File systems that hold no user files: the kernel's views of processes, devices and itself. */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

/** A folder that cannot be used, with the sentence that says why and what to do. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/**
 * Makes `folder` (and the folders above it that are missing), one level at a time. Throws
 * OutputFolderError naming the folder and the reason.
 */
export async function makeFolder(folder: string): Promise<string> {
  const target = path.resolve(folder);
  const missing: string[] = [];
  let existing = target;
  // Walk up to the deepest part of the path that exists (at most one step per path part).
  for (;;) {
    const found = await lstat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (!(found instanceof Error)) break;
    if (found.code !== 'ENOENT') throw folderError(target, found);
    const parent = path.dirname(existing);
    if (parent === existing) throw folderError(target, found);
    missing.unshift(existing);
    existing = parent;
  }
  await checkExisting(target, existing);
  for (const part of missing) {
    try {
      await mkdir(part);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw folderError(target, error);
    }
  }
  return target;
}

/**
 * Makes the folder and proves a file can be written in it (a small file, removed again):
 * a read-only disk or a folder without permission is found before training, not after.
 */
export async function checkOutputFolder(folder: string): Promise<string> {
  const target = await makeFolder(folder);
  const probe = path.join(target, `.neurite-write-check-${process.pid}`);
  try {
    await writeFile(probe, 'Neurite checks it can write here.\n');
  } catch (error) {
    throw folderError(target, error);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  return target;
}

/** A folder in the system's temporary folder for output that could not go where it was asked. */
export async function rescueFolder(what: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return makeFolder(path.join(os.tmpdir(), 'neurite-saved', `${what}-${stamp}-${process.pid}`));
}

async function checkExisting(target: string, existing: string): Promise<void> {
  const link = await lstat(existing);
  if (link.isSymbolicLink()) {
    const resolved = await stat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (resolved instanceof Error) {
      throw new OutputFolderError(
        `Cannot save in "${target}": "${existing}" is a link to a place that does not exist. Choose another folder, or make the place the link points to.`,
      );
    }
  }
  const real = await realpath(existing);
  const virtual = VIRTUAL_ROOTS.find((root) => real === root || real.startsWith(`${root}/`));
  if (virtual) {
    throw new OutputFolderError(
      `Cannot save in "${target}": ${virtual} is the system's own view of the computer, not a place for files. Choose a folder in your home folder instead.`,
    );
  }
  if (!(await stat(existing)).isDirectory()) {
    throw new OutputFolderError(
      `Cannot save in "${target}": "${existing}" is a file, not a folder. Choose another folder.`,
    );
  }
}

function folderError(target: string, error: unknown): OutputFolderError {
  return new OutputFolderError(
    `Cannot save in "${target}": ${writeProblemInWords(error)}. Choose another folder.`,
  );
}

import { spawn, execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runNeurite } from '../../fixtures/cli';

/**
 * `neurite train --out` and stopping, as a user meets them: a folder that cannot take the model
 * is refused before any training (exit 2, no trainer started), a disk that fills during the
 * run loses nothing, one Ctrl+C stops and saves, and a trainer never outlives its command.
 * The signal tests run the built command (`npm run build`) in a process group of its own,
 * as a terminal does.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = path.join(root, 'bin', 'neurite.js');
const XOR_MLP = path.join(root, 'resources/templates/xor-mlp.json');
const XOR_FLAGS = [
  ...['--data', 'xor', '--batch-size', '4', '--lr', '0.05'],
  ...['--validation', 'none', '--backend', 'cpu'],
];

const folders: string[] = [];
const mounts: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'neurite-cli-out-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const mount of mounts) execFileSync('umount', [mount]);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/**
 * A small tmpfs of `kb` KiB at a fresh folder (the machines that run the tests let root mount
 * one); with `readOnly`, mounted read-only.
 */
function tmpfs(kb: number, readOnly = false): string {
  const folder = tempDir();
  const options = `size=${kb}k${readOnly ? ',ro' : ''}`;
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', folder]);
  mounts.push(folder);
  return folder;
}

async function refusedOut(out: string) {
  const started = Date.now();
  const run = await runNeurite('train', XOR_MLP, ...XOR_FLAGS, '--epochs', '5', '--out', out);
  expect(run.code).toBe(2);
  // Refused before a trainer started: no "Training on …" line, and in well under a second.
  expect(run.stdout).not.toMatch(/Epoch/);
  expect(Date.now() - started).toBeLessThan(5_000);
  return run.stderr.trim();
}

describe('neurite train --out checks the folder before training', () => {
  it('refuses /proc and /sys at once instead of looping on mkdir', async () => {
    expect(await refusedOut('/proc/neurite-model')).toBe(
      'Cannot save in "/proc/neurite-model": /proc is the system\'s own view of the computer, not a place for files. Choose a folder in your home folder instead.',
    );
    expect(await refusedOut('/sys/neurite/model')).toMatch(
      /^Cannot save in "\/sys\/neurite\/model": \/sys is the system's own view/,
    );
  });

  it('refuses a path under a file, a file, and a dangling link, naming what is in the way', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'my notes');
    expect(await refusedOut(path.join(file, 'model'))).toBe(
      `Cannot save in "${path.join(file, 'model')}": part of the path is a file, not a folder. Choose another folder.`,
    );
    expect(await refusedOut(file)).toBe(
      `Cannot save in "${file}": "${file}" is a file, not a folder. Choose another folder.`,
    );
    const link = path.join(dir, 'link');
    symlinkSync(path.join(dir, 'gone'), link);
    expect(await refusedOut(path.join(link, 'model'))).toMatch(
      /is a link to a place that does not exist/,
    );
  });

  it('refuses a read-only disk (a read-only tmpfs)', async () => {
    const readOnly = tmpfs(64, true);
    expect(await refusedOut(path.join(readOnly, 'model'))).toBe(
      `Cannot save in "${path.join(readOnly, 'model')}": that place is read-only. Choose another folder.`,
    );
  });

  it('saves the model somewhere safe, and says where, when the disk fills during the run', async () => {
    // A 16 KiB tmpfs with 8 KiB taken: room for the check's small file, not for every file
    // of the model.
    const small = tmpfs(16);
    writeFileSync(path.join(small, 'filler'), Buffer.alloc(8 * 1024));
    const out = path.join(small, 'model');
    const run = await runNeurite('train', XOR_MLP, ...XOR_FLAGS, '--epochs', '20', '--out', out);
    expect(run.code).toBe(0);
    const said = `${run.stdout}\n${run.stderr}`;
    const rescued = /The trained model was saved in "([^"]+)" instead/.exec(said)?.[1];
    expect(said).toContain(`Cannot save in "${out}": the disk is full.`);
    expect(rescued).toBeDefined();
    folders.push(rescued!);
    expect(readdirSync(rescued!).sort()).toEqual(
      expect.arrayContaining(['model.json', 'weights.bin', 'network.json', 'training.json']),
    );
  });
});

/** The built command, started as a terminal starts it: in a process group of its own. */
function startTraining(out: string): { child: ChildProcess; output: () => string } {
  expect(existsSync(path.join(root, 'out', 'main', 'cli.js')), 'run "npm run build" first').toBe(
    true,
  );
  const child = spawn(
    process.execPath,
    [bin, 'train', XOR_MLP, ...XOR_FLAGS, '--epochs', '100000', '--out', out],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

function trainerOf(pid: number): number | undefined {
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(Number);
  return children[0];
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('stopping neurite train', () => {
  it('stops and saves on one Ctrl+C, which reaches the trainer too', async () => {
    const out = path.join(tempDir(), 'model');
    const { child, output } = startTraining(out);
    await expect.poll(output, { timeout: 30_000 }).toMatch(/Epoch \d+\/100000/);
    process.kill(-child.pid!, 'SIGINT');
    expect(await exitOf(child)).toBe(130);
    expect(output()).toMatch(
      /Stopped after epoch \d+, batch \d+ of \d+\. The weights so far are in /,
    );
    expect(output()).not.toMatch(/failed|unexpectedly/i);
    expect(existsSync(path.join(out, 'model.json'))).toBe(true);
  });

  it('stops and saves on SIGTERM too', async () => {
    const out = path.join(tempDir(), 'model');
    const { child, output } = startTraining(out);
    await expect.poll(output, { timeout: 30_000 }).toMatch(/Epoch \d+\/100000/);
    process.kill(child.pid!, 'SIGTERM');
    expect(await exitOf(child)).toBe(130);
    expect(existsSync(path.join(out, 'model.json'))).toBe(true);
  });

  it('ends the trainer when the command is killed outright', async () => {
    const out = path.join(tempDir(), 'model');
    const { child, output } = startTraining(out);
    await expect.poll(output, { timeout: 30_000 }).toMatch(/Epoch \d+\/100000/);
    const trainer = trainerOf(child.pid!);
    expect(trainer).toBeDefined();
    process.kill(child.pid!, 'SIGKILL');
    await exitOf(child);
    await expect.poll(() => isRunning(trainer!), { timeout: 20_000 }).toBe(false);
  });
});

// The folder made for a model is created one level at a time, with what is missing above it.
it('makes every missing folder above --out', async () => {
  const out = path.join(tempDir(), 'a', 'b', 'c');
  mkdirSync(path.dirname(path.dirname(out)));
  const run = await runNeurite('train', XOR_MLP, ...XOR_FLAGS, '--epochs', '3', '--out', out);
  expect(run.code).toBe(0);
  expect(existsSync(path.join(out, 'model.json'))).toBe(true);
});

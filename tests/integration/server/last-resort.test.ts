import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A failure that no handler catches does not take the server down: the process writes it to
 * problems.log, tells every open window, and goes on serving with everything saved intact.
 * Run in a process of its own, as `neurite serve` runs, since the test runner keeps its own
 * handlers for such failures.
 */

const run = promisify(execFile);
const child = fileURLToPath(new URL('../../fixtures/server/last-resort-child.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'neurite-last-resort-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the last resort of a serving process', () => {
  it('records an uncaught failure, tells the windows and keeps serving', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', child, dataDir], {
      timeout: 60_000,
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const problems = lines
      .filter((line) => line['name'] === 'app.problem')
      .map((line) => (line['payload'] as { message: string }).message);
    expect(problems.sort()).toEqual([
      "Something went wrong inside Neurite (a promise nobody awaited). Your saved work is safe. The details are in problems.log in Neurite's data folder, to send with a bug report.",
      "Something went wrong inside Neurite (a timer nobody guarded). Your saved work is safe. The details are in problems.log in Neurite's data folder, to send with a bug report.",
    ]);
    expect(lines.at(-1)).toEqual({ projects: ['After the fault', 'Before the fault'] });
    const log = readFileSync(path.join(dataDir, 'problems.log'), 'utf8');
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z Error: a timer nobody guarded\n\s+at /m);
    expect(log).toContain('Error: a promise nobody awaited');
  });
});

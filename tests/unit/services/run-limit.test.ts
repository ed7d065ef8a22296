import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  defaultMaxRuns,
  maxRunsVariableProblem,
  readMaxRuns,
} from '../../../src/main/services/run-limit';
import { serveCommand } from '../../../src/main/server/serve-command';

/** How many runs may train at once: one per core unless NEURITE_MAX_RUNS or --max-runs says. */
describe('the number of runs that may train at once', () => {
  it('is one per CPU core by default', () => {
    expect(defaultMaxRuns({})).toBe(availableParallelism());
    expect(defaultMaxRuns({ NEURITE_MAX_RUNS: '' })).toBe(availableParallelism());
  });

  it('is set by NEURITE_MAX_RUNS, and a value that is no count is not taken', () => {
    expect(defaultMaxRuns({ NEURITE_MAX_RUNS: '3' })).toBe(3);
    expect(defaultMaxRuns({ NEURITE_MAX_RUNS: ' 12 ' })).toBe(12);
    expect(defaultMaxRuns({ NEURITE_MAX_RUNS: '0' })).toBe(availableParallelism());
    expect(defaultMaxRuns({ NEURITE_MAX_RUNS: 'many' })).toBe(availableParallelism());
  });

  it('says so when NEURITE_MAX_RUNS is no count, and nothing when it is one or unset', () => {
    expect(maxRunsVariableProblem({ NEURITE_MAX_RUNS: 'many' })).toBe(
      `NEURITE_MAX_RUNS is set to "many", which is not a number of runs, so up to ${availableParallelism()} runs train at once (one per core). Set it to a whole number of at least 1, or remove it.`,
    );
    expect(maxRunsVariableProblem({ NEURITE_MAX_RUNS: '4' })).toBeUndefined();
    expect(maxRunsVariableProblem({})).toBeUndefined();
  });

  it.each(['0', '-2', '1.5', 'two', ' '])('refuses %j with a sentence that says why', (text) => {
    expect(readMaxRuns(text)).toEqual({
      problem: `The number of runs that may train at once must be a whole number of at least 1, not "${text}".`,
    });
  });

  it('is refused by neurite serve --max-runs when it is no count, before anything opens', async () => {
    let stderr = '';
    const code = await serveCommand(
      ['--max-runs', '0'],
      { stdout: () => undefined, stderr: (text) => (stderr += text), isTTY: false },
      () => Promise.resolve(),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--max-runs: The number of runs that may train at once');
  });
});

import { availableParallelism } from 'node:os';

/** The environment variable that sets how many runs may train at once. */
export const MAX_RUNS_VARIABLE = 'NEURITE_MAX_RUNS';

/**
 * How many training runs may have a trainer process at once; runs started beyond it wait in
 * line for a free core. One per CPU core by default: a classroom computer shared by many
 * students stays responsive, and each run trains about as fast as it would alone.
 */
export function defaultMaxRuns(env: NodeJS.ProcessEnv = process.env): number {
  const set = env[MAX_RUNS_VARIABLE];
  if (set !== undefined && set.trim() !== '') {
    const value = readMaxRuns(set);
    if (typeof value === 'number') return value;
  }
  return Math.max(1, availableParallelism());
}

/** What to tell the user when NEURITE_MAX_RUNS is set to something that is not a count. */
export function maxRunsVariableProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env[MAX_RUNS_VARIABLE];
  if (set === undefined || set.trim() === '') return undefined;
  const value = readMaxRuns(set);
  if (typeof value === 'number') return undefined;
  return `${MAX_RUNS_VARIABLE} is set to "${set}", which is not a number of runs, so up to ${defaultMaxRuns(env)} runs train at once (one per core). Set it to a whole number of at least 1, or remove it.`;
}

/** A limit as typed (flag or variable): a whole number of at least 1, or why it is not one. */
export function readMaxRuns(text: string): number | { problem: string } {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 1) {
    return {
      problem: `The number of runs that may train at once must be a whole number of at least 1, not "${text}".`,
    };
  }
  return value;
}

/**
 * How the benchmarks measure in child processes: one fresh process per measurement, so a
 * backend, the kernels it compiled and its memory never carry over to the next. The script
 * runs itself again with `--child <args…>`; the child prints one JSON line, `{ "value": … }`
 * or `{ "unavailable": "why" }`.
 */
import { spawnSync } from 'node:child_process';

export type ChildRun<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The value of a `--name=value` option, if given. */
export function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** The arguments after `--child`, in a child; undefined in the parent. */
export function childArguments(): string[] | undefined {
  const at = process.argv.indexOf('--child');
  return at < 0 ? undefined : process.argv.slice(at + 1);
}

/** Runs `script` (the caller's own file) as a child with `args` and reads its answer. */
export function runChild<T>(script: string, args: readonly string[]): ChildRun<T> {
  const child = spawnSync(process.execPath, [...process.execArgv, script, '--child', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || !line) {
    return {
      ok: false,
      reason: (child.stderr || child.stdout).trim().split('\n').slice(-3).join(' '),
    };
  }
  const parsed = JSON.parse(line) as { value?: T; unavailable?: string };
  return parsed.unavailable === undefined
    ? { ok: true, value: parsed.value as T }
    : { ok: false, reason: parsed.unavailable };
}

/** In a child: measures, and prints the answer as runChild reads it. */
export async function answerParent(measure: () => Promise<unknown>): Promise<void> {
  try {
    process.stdout.write(`${JSON.stringify({ value: await measure() })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ unavailable: (error as Error).message })}\n`);
  }
}

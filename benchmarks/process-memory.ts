/**
 * Runs a command and samples the memory of it and of every process it starts, every 100 ms,
 * from /proc (Linux): VmRSS (resident memory now) and VmHWM (the most it has been resident,
 * which catches a peak between two samples). What a student's computer would have to hold.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface MemorySample {
  /** ms since the command started */
  readonly at: number;
  /** VmRSS of each process of the tree, by pid */
  readonly rss: ReadonlyMap<number, number>;
}

export interface ProcessPeak {
  readonly pid: number;
  /** The command line, shortened, to tell the CLI from the trainer. */
  readonly command: string;
  /** The largest VmHWM seen. */
  readonly peakBytes: number;
}

export interface MeasuredRun {
  readonly code: number | null;
  readonly wallMs: number;
  readonly samples: readonly MemorySample[];
  readonly peaks: readonly ProcessPeak[];
  /** Each stdout line with when it arrived (ms since the start). */
  readonly lines: readonly { readonly at: number; readonly text: string }[];
  readonly stderr: string;
}

const SAMPLE_MS = 100;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The pid and every descendant of it still running. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // The process ended while the list was read.
    }
  }
  const found: number[] = [];
  const visit = (pid: number) => {
    found.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return found;
}

function commandOf(pid: number): string {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return words
      .map((word) => (word.length > 60 ? `…${word.slice(-40)}` : word))
      .join(' ')
      .slice(0, 160);
  } catch {
    return '';
  }
}

export async function measureCommand(
  command: string,
  args: readonly string[],
  options: { readonly env?: NodeJS.ProcessEnv; readonly cwd?: string } = {},
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const samples: MemorySample[] = [];
  const peaks = new Map<number, ProcessPeak>();
  const lines: { at: number; text: string }[] = [];
  let stderr = '';
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const at = performance.now() - started;
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const text of parts) lines.push({ at, text });
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const sample = () => {
    if (child.pid === undefined) return;
    const rss = new Map<number, number>();
    for (const pid of tree(child.pid)) {
      const now = statusField(pid, 'VmRSS');
      const high = statusField(pid, 'VmHWM');
      if (now === undefined || high === undefined) continue;
      rss.set(pid, now);
      const known = peaks.get(pid);
      if (!known || high > known.peakBytes) {
        peaks.set(pid, { pid, command: known?.command || commandOf(pid), peakBytes: high });
      }
    }
    samples.push({ at: performance.now() - started, rss });
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  const code = await new Promise<number | null>((resolve) => {
    child.on('close', (exit) => resolve(exit));
  });
  clearInterval(timer);
  if (pending) lines.push({ at: performance.now() - started, text: pending });
  return {
    code,
    wallMs: performance.now() - started,
    samples,
    peaks: [...peaks.values()],
    lines,
    stderr,
  };
}

/** The memory of the whole tree at one sample: every process's VmRSS added up. */
export function totalRss(sample: MemorySample): number {
  let sum = 0;
  for (const bytes of sample.rss.values()) sum += bytes;
  return sum;
}

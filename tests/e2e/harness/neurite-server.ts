import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(REPO_ROOT, 'bin', 'neurite.js');
const BUILT_FILES = ['out/main/cli.js', 'out/renderer/index.html'];

/** The address line `neurite serve` prints (see src/main/server/serve-command.ts). */
const URL_LINE = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)\s*$/m;

export interface NeuriteServer {
  /** The full address to open, session token included. */
  readonly url: string;
  /** http://127.0.0.1:PORT, without the token. */
  readonly origin: string;
  readonly token: string;
  /** This server's own data folder, removed by stop(). */
  readonly dataDir: string;
  /** Everything the process has printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it lingers; removes the data folder. Safe to call twice. */
  stop(): Promise<ServerExit>;
}

export interface ServerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface StartOptions {
  readonly startTimeoutMs?: number;
  readonly stopTimeoutMs?: number;
}

/**
 * The tests drive the bundle `npm run build` writes, exactly as a user runs it; stale or
 * missing output would test something else, so say so plainly instead of failing later.
 */
export function assertBuilt(): void {
  const missing = BUILT_FILES.filter((file) => !existsSync(path.join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new Error(
      `The end-to-end tests run the built app, but ${missing.join(' and ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} missing. Run "npm run build" first ` +
        '(npm test builds before it tests).',
    );
  }
}

/**
 * Starts the built `neurite serve` as a real child process, with its own empty data folder
 * (its own database) and a port the system picks, and resolves once it prints its address.
 */
export async function startNeuriteServer(options: StartOptions = {}): Promise<NeuriteServer> {
  assertBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'neurite-e2e-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  let stopping: Promise<ServerExit> | undefined;
  const stop = (): Promise<ServerExit> =>
    (stopping ??= stopChild(child, exited, options.stopTimeoutMs ?? 10_000).finally(() =>
      rmSync(dataDir, { recursive: true, force: true }),
    ));

  try {
    const url = await waitForUrl(child, exited, () => output, options.startTimeoutMs ?? 30_000);
    const parsed = new URL(url);
    return {
      url,
      origin: parsed.origin,
      token: parsed.searchParams.get('token') ?? '',
      dataDir,
      output: () => output,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForUrl(
  child: ChildProcess,
  exited: Promise<ServerExit>,
  output: () => string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const match = URL_LINE.exec(output());
      if (match?.[1]) finish(() => resolve(match[1] as string));
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new Error(
            `neurite serve printed no address within ${timeoutMs} ms. It printed:\n${output()}`,
          ),
        ),
      );
    }, timeoutMs);
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      settle();
    };
    child.stdout?.on('data', check);
    void exited.then(({ code, signal }) => {
      finish(() =>
        reject(
          new Error(
            `neurite serve exited (${signal ?? `code ${code}`}) before printing its address. ` +
              `It printed:\n${output()}`,
          ),
        ),
      );
    });
    check();
  });
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<ServerExit>,
  timeoutMs: number,
): Promise<ServerExit> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const lingered = new Promise<'lingered'>((resolve) => {
    timer = setTimeout(() => resolve('lingered'), timeoutMs);
  });
  const first = await Promise.race([exited, lingered]);
  clearTimeout(timer);
  if (first !== 'lingered') return first;
  child.kill('SIGKILL');
  return exited;
}

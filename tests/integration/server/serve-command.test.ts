import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtRendererDir } from '../../../src/main/server/serve-command';
import { CSP_HEADER } from '../../../src/main/server/csp';
import { runNeurite } from '../../fixtures/cli';
import { connect } from './helpers';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin', 'neurite.js');

interface Serving {
  readonly child: ChildProcessWithoutNullStreams;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const started: Serving[] = [];
const folders: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'neurite-serve-bin-'));
  folders.push(dir);
  return dir;
}

/** Runs the built `neurite serve` as a user would, in its own process. */
function serve(...args: string[]): Serving {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd: tmpdir() });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const serving = { child, output: () => output, exited };
  started.push(serving);
  return serving;
}

async function printedUrl(serving: Serving): Promise<URL> {
  await expect.poll(() => serving.output(), { timeout: 30_000 }).toMatch(/http:\/\/\S+/);
  return new URL(/http:\/\/\S+/.exec(serving.output())![0]);
}

afterEach(async () => {
  for (const { child, exited } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('neurite serve (the built command)', () => {
  it('has been built', () => {
    expect(existsSync(path.join(root, 'out', 'main', 'cli.js')), 'run "npm run build" first').toBe(
      true,
    );
    expect(existsSync(path.join(root, 'out', 'renderer', 'index.html'))).toBe(true);
  });

  it('serves the built page and the API, then stops cleanly on Ctrl+C', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const serving = serve('--port', '0', '--data-dir', dataDir);
    const url = await printedUrl(serving);
    expect(url.hostname).toBe('127.0.0.1');
    const token = url.searchParams.get('token')!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(serving.output()).toContain(`Projects are kept in ${dataDir}`);

    // The real page, with its CSP, and the script it loads.
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP_HEADER);
    const html = await page.text();
    expect(html).toBe(readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8'));
    const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
    const js = await fetch(new URL(script, url));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    await js.arrayBuffer();

    // The API, backed by the real service and the data folder given.
    const { socket, inbox } = await connect(`ws://${url.host}/api?token=${token}`, {
      origin: url.origin,
    });
    expect(await inbox.request(1, 'app.info')).toMatchObject({
      ok: true,
      output: { transport: 'websocket', dataDir },
    });
    expect(await inbox.request(2, 'projects.create', { name: 'Served' })).toMatchObject({
      ok: true,
    });
    expect(await inbox.request(3, 'projects.list', {})).toMatchObject({
      ok: true,
      output: [{ name: 'Served' }],
    });
    expect(existsSync(dataDir)).toBe(true);

    const socketClosed = new Promise<number>((resolve) => socket.once('close', resolve));
    serving.child.kill('SIGINT');
    expect(await serving.exited).toBe(0);
    expect(await socketClosed).toBe(1001);
    expect(serving.output()).toContain('Stopping Neurite');
    await expect(fetch(url)).rejects.toThrow();
  });

  it('stops on SIGTERM as well', async () => {
    const serving = serve('--data-dir', tempDir());
    await printedUrl(serving);
    serving.child.kill('SIGTERM');
    expect(await serving.exited).toBe(0);
  });

  it('says so, and exits 2, when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const serving = serve('--port', String(port), '--data-dir', tempDir());
      expect(await serving.exited).toBe(2);
      expect(serving.output()).toContain(`Port ${port} is already in use.`);
    } finally {
      blocker.close();
    }
  });
});

describe('neurite serve options', () => {
  it('prints its usage for --help', async () => {
    const run = await runNeurite('serve', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: neurite serve [--port N] [--data-dir DIR]');
  });

  it.each([['abc'], ['-1'], ['70000'], ['1.5'], ['']])('refuses --port %j', async (port) => {
    const run = await runNeurite('serve', `--port=${port}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535');
  });

  it('refuses unknown options with the usage', async () => {
    const run = await runNeurite('serve', '--host', '0.0.0.0');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--host'");
    expect(run.stderr).toContain('Usage: neurite serve');
  });

  it('is listed by neurite --help', async () => {
    expect((await runNeurite('--help')).stdout).toMatch(/serve\s+open Neurite in a web browser/);
  });

  it('finds out/renderer from out/main and from a lazily loaded chunk in out/main/chunks', () => {
    const out = path.join(root, 'out');
    expect(builtRendererDir(path.join(out, 'main'))).toBe(path.join(out, 'renderer'));
    expect(builtRendererDir(path.join(out, 'main', 'chunks'))).toBe(path.join(out, 'renderer'));
  });
});

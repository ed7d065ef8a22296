import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin', 'neurite.js');

// The installed `neurite` command runs the bundle `npm run build` writes (npm test builds
// first); this checks that bundle, not the TypeScript sources.
describe('the built neurite command', () => {
  it('has been built', () => {
    expect(existsSync(path.join(root, 'out', 'main', 'cli.js')), 'run "npm run build" first').toBe(
      true,
    );
  });

  it('inspects a template from a shell, with a table and exit code 0', async () => {
    const template = path.join(root, 'resources', 'templates', 'xor-mlp.json');
    const { stdout, stderr } = await run(process.execPath, [bin, 'inspect', template]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/Total parameters:\s+17 \(68 bytes\)/);
  });

  it('exits 1 with the errors for an invalid network, and prints JSON on request', async () => {
    const fixture = path.join(root, 'tests', 'fixtures', 'graphs', 'conv-on-vector.json');
    const failure = await run(process.execPath, [bin, 'inspect', '--json', fixture]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect('code' in failure && failure.code).toBe(1);
    const json = JSON.parse(failure.stdout);
    expect(json.valid).toBe(false);
    expect(json.issues[0].message).toContain('Add a Reshape to 28×28×1 before it.');
  });

  it('trains with the built trainer process and saves the model', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'neurite-bin-train-'));
    const template = path.join(root, 'resources', 'templates', 'xor-mlp.json');
    const { stdout } = await run(process.execPath, [
      bin,
      'train',
      template,
      '--data',
      'xor',
      '--epochs',
      '200',
      '--batch-size',
      '4',
      '--lr',
      '0.05',
      '--validation',
      'none',
      '--out',
      out,
    ]);
    expect(stdout).toContain('Finished 200 epochs.');
    expect(existsSync(path.join(out, 'model.json'))).toBe(true);
    expect(existsSync(path.join(out, 'weights.bin'))).toBe(true);
  });

  it('trains a template with no options as the app does: its own data set and settings, to 100%', async () => {
    const template = path.join(root, 'resources', 'templates', 'xor-mlp.json');
    const { stdout } = await run(process.execPath, [bin, 'train', template]);
    expect(stdout).toContain(
      'with the data set and settings of the "XOR with a small MLP" template',
    );
    expect(stdout).toContain('Finished 300 epochs.');
    expect(stdout).toMatch(/training: +loss [\d.]+ accuracy 100\.00%/);
  });

  it('ends quietly when whatever reads its output stops early (| head -1)', async () => {
    const template = path.join(root, 'resources', 'templates', 'xor-mlp.json');
    const started = Date.now();
    // pipefail: the shell reports neurite's own exit status, not head's.
    const { stdout, stderr } = await run('bash', [
      '-o',
      'pipefail',
      '-c',
      `"${process.execPath}" "${bin}" train "${template}" --epochs 100000 --json | head -1; echo "status $?"`,
    ]);
    const [first, status] = stdout.trim().split('\n');
    expect(JSON.parse(first!)).toMatchObject({ type: 'started' });
    expect(status).toBe('status 141');
    expect(stderr).toBe('');
    // It stopped training rather than going on for 100,000 epochs with nobody listening.
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});

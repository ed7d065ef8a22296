import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');

// The backends are loaded with a require the bundler does not follow; this checks that the
// bundle `npm run build` writes (npm test builds first) still finds them at run time.
describe('neurite doctor, from the built bundle', () => {
  it('finds and starts a backend, and says why the faster ones cannot run', async () => {
    const { stdout, stderr } = await run(process.execPath, [
      path.join(root, 'bin', 'neurite.js'),
      'doctor',
      '--json',
    ]);
    // Not a word from Dawn either: the adapter is looked for in a child process.
    expect(stderr).toBe('');
    const report = JSON.parse(stdout);
    expect(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm']).toContain(report.backend.active);
    // The WebGPU packages are found from the bundle too: the attempt names its adapter.
    const webgpu = report.backend.tried.find((t: { backend: string }) => t.backend === 'webgpu');
    expect(webgpu.adapter.description.length).toBeGreaterThan(0);
    for (const attempt of report.backend.tried.slice(0, -1)) {
      expect(attempt.available).toBe(false);
      expect(attempt.reason.length).toBeGreaterThan(20);
    }
  });
});

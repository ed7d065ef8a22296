import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const electronDir = path.join(root, 'node_modules', 'electron');

/**
 * Electron's binary, if `npm install` could download it. Read from path.txt rather than by
 * requiring 'electron', which would try to download it here and now.
 */
function electronBinary(): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'Electron smoke test skipped: Electron\'s binary is not installed (npm install could not download it; run "npm rebuild electron" where the internet is reachable).',
  );
}

describe('the desktop app', () => {
  it.skipIf(!binary)(
    'opens a window, creates a project through IPC and trains XOR in a utility process',
    async () => {
      const userData = mkdtempSync(path.join(tmpdir(), 'neurite-electron-'));
      const app = await electron.launch({
        executablePath: binary!,
        args: [path.join(root, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`],
        env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'true' },
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        const outcome = await page.evaluate(async () => {
          type Outcome = { ok: boolean; output?: unknown; error?: { message: string } };
          const bridge = (
            globalThis as unknown as {
              neurite: {
                invoke(n: string, i: unknown): Promise<Outcome>;
                on(n: string, l: (p: unknown) => void): () => void;
              };
            }
          ).neurite;
          const created = await bridge.invoke('projects.create', {
            name: 'Smoke XOR',
            template: 'xor-mlp',
          });
          if (!created.ok) return { failed: created.error?.message };
          const project = created.output as { id: string };
          const finished = new Promise<unknown>((resolve) => {
            bridge.on('training.event', (payload) => {
              const event = (payload as { event: { type: string } }).event;
              if (['finished', 'stopped', 'failed'].includes(event.type)) resolve(event);
            });
          });
          const started = await bridge.invoke('training.start', {
            projectId: project.id,
            data: { source: 'builtin', name: 'xor' },
            config: {
              epochs: 300,
              batchSize: 4,
              validation: { kind: 'none' },
              optimizer: { type: 'adam', learningRate: 0.05 },
            },
            backend: 'auto',
          });
          if (!started.ok) return { failed: started.error?.message };
          return { final: await finished };
        });
        expect(outcome).toMatchObject({
          final: { type: 'finished', train: { metrics: { accuracy: 1 } } },
        });
      } finally {
        await app.close();
      }
    },
    120_000,
  );
});

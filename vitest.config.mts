import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // The page's components in a simulated DOM (happy-dom), talking to a fake Neurite
        // (tests/fixtures/fake-host.ts) instead of a server.
        plugins: [react()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Compiling networks with TF.js on the pure-JS backend takes a few seconds each.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // expect.poll waits for a state (a trainer's event, a file): longer than Vitest's 1 s
          // default on a machine busy with other tests.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Each test starts the built `neurite serve` and a browser context; Chromium starts
          // once per file. They share the machine's two CPUs, so files run one at a time.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // expect.poll waits for a state the page reaches; one look at the canvas takes many
          // round trips to Chromium, which on a busy machine exceed Vitest's 1 s default.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});

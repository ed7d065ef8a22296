import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      // The CLI runs under plain Node 20 as well as inside Electron's newer Node.
      target: 'node20',
      // `dependencies` (tfjs, better-sqlite3, zod, …) stay external: electron-vite's default.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src/main/app/index.ts'),
          cli: resolve(root, 'src/main/cli/index.ts'),
          // One training run per process (forked by the CLI and the app's trainer host).
          trainer: resolve(root, 'src/main/engine/trainer-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      rolldownOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
    plugins: [react()],
  },
});

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
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Compiling networks with TF.js on the pure-JS backend takes a few seconds each.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

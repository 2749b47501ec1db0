import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], root: '.' } },
      {
        // Builds small fixture sites: slower, and each build wants a core of its own.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          root: '.',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        // Runs Chromium against the built dist/ served locally (`npm run build` first).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          root: '.',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { LongestFirst } from './longest-first.ts';

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // A guard against hangs, not a timing goal (those live in `npm run bench`): some unit tests start a
        // script or a renderer, which takes longer than Vitest's 5 s default on a loaded 2-core machine.
        // isolate: false, because importing the renderers (unified, Shiki, KaTeX) again for each of a hundred files
        // cost more than the tests (118 s → 72 s); no unit test mocks a module or changes a global (eslint.config.js).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], root: '.', testTimeout: 30_000, isolate: false },
      },
      {
        // Builds fixture sites and copies of the project. Two files at a time: most build one site at a time on one
        // core. Every build keeps its caches apart (src/pipeline/build-cache.ts) and writes its own output folder.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          root: '.',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
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
          // Two spec files at a time: a browser test waits on the page as much as it computes, so two of them
          // share a 2-core machine well (each opens its own browser; the served site is read-only).
          maxWorkers: 2,
        },
      },
    ],
  },
});

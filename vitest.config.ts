import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { isolatedTestFiles } from './test/helpers/isolation.js';

const TESTS = ['test/**/*.test.ts'];
// Files that change process-wide state (mocks, fake timers, nock, env): a fresh process each.
const ISOLATED = isolatedTestFiles(import.meta.dirname);

// What both projects share. Not `extends: true`: the projects would inherit the global setup and
// run it once each, giving each its own shared-fixture directory (one generation per project).
const common = {
  // The quiet-machine defaults; test/helpers/setup-timeouts.ts stretches them by the measured load.
  testTimeout: 30_000,
  hookTimeout: 60_000,
  setupFiles: ['test/helpers/file-cpu.ts', 'test/helpers/setup-timeouts.ts'],
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    include: TESTS,
    // Vitest's default is one fork fewer than the cores: one fork on this 2-core machine, which left
    // a core idle for most of the run (issue #20). The test files share no state but the format
    // cache (atomic writes) and the shared-fixture directory (a lock), so they run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
    // One scratch directory per run for fixtures shared across files (test/helpers/shared-generation.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // The default output, then a table of the slowest files, so the next slow one shows (issue #20).
    reporters: ['default', './test/helpers/slowest-files.ts'],
    // The heaviest files first, even without vitest's results cache (a clean clone, CI).
    sequence: { sequencer: (await import('./test/helpers/sequencer.js')).default },
    projects: [
      { test: { ...common, name: 'isolated', include: ISOLATED } },
      // Importing the generator, ts-morph and TypeScript costs each isolated file about a second of
      // CPU; the files that leave no state behind share a process and those imports (issue #20).
      { test: { ...common, name: 'shared', include: TESTS, exclude: [...configDefaults.exclude, ...ISOLATED], isolate: false } },
    ],
  },
});

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The quiet-machine defaults; test/helpers/setup-timeouts.ts stretches them by the measured load.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['test/helpers/file-cpu.ts', 'test/helpers/setup-timeouts.ts'],
    pool: 'forks',
    // Vitest's default is one fork fewer than the cores: one fork on this 2-core machine, which left
    // a core idle for most of the run (issue #20). The test files share no state but the format
    // cache (atomic writes) and the shared-fixture directory (a lock), so they run side by side.
    maxWorkers: Math.max(2, availableParallelism()),
    // One scratch directory per run for fixtures shared across files (test/helpers/shared-generation.ts).
    globalSetup: ['test/helpers/global-setup.ts'],
    // The default output, then a table of the slowest files, so the next slow one shows (issue #20).
    reporters: ['default', './test/helpers/slowest-files.ts'],
  },
});

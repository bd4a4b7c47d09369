/**
 * Vitest global setup: one scratch directory per run for fixtures that test files share (see
 * shared-generation.ts), handed to the forks with `provide`, removed when the run ends. Nothing is
 * generated here, so running one unrelated test file costs nothing extra.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of this run's shared-fixture directory. */
    sharedFixtureDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'vitest-shared-'));
  project.provide('sharedFixtureDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}

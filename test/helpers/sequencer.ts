/**
 * The order vitest starts test files in (vitest.config.ts `sequence.sequencer`), so the run does
 * not end with one fork alone on a minute-long file while the other core idles (issue #20).
 *
 * Vitest orders files longest first only from its results cache (node_modules/.vite), which a
 * clean clone, and so CI, lacks: it then starts the largest files first, and the heaviest files
 * here are small (a fuzz shard is four lines). So the heavy files are named below with their
 * measured cost, and start first; every other file is ordered by its cached duration when there is
 * one, else by size, as vitest would.
 *
 * After the heavy files, isolated files come before the shared ones: a process that runs
 * non-isolated files is reused only while the next file in the queue is non-isolated too, so the
 * shared files must be one run (the few heavy ones cost a process start each, which is nothing
 * beside their minute).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * CPU seconds of the heaviest files (their fork plus the processes they wait for), from the
 * slowest-files table of a full run (2 cores, heavily loaded, so inflated alike). Only the order
 * matters: update them when the table shows a file missing here among the slowest.
 * test/generated/package.test.ts is left out on purpose: it installs the tarballs that
 * test/release/packages.test.ts builds and packs (test/release/packed.ts), so it should start
 * after that file and find them ready instead of building them itself while a core waits.
 */
export const HEAVY_FILES: Readonly<Record<string, number>> = {
  'test/release/spec-release.e2e.test.ts': 85,
  'test/fuzz/fuzz-2.test.ts': 77,
  'test/generator/bundle.test.ts': 70,
  'test/fuzz/fuzz.test.ts': 69,
  'test/corpus/corpus.test.ts': 58,
  'test/bench/smoke.test.ts': 38,
  'test/release/release-pr.test.ts': 38,
  'test/generator/named-types.test.ts': 33,
  'test/release/packages.test.ts': 30,
  'test/docs/examples.test.ts': 21,
  'test/docs/readme-examples.test.ts': 25,
  'test/generator/markdown.test.ts': 21,
  'test/mcp/tool-names.test.ts': 18,
};

export default class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const heavy = (spec: TestSpecification): number => HEAVY_FILES[relative(root, spec.moduleId)] ?? 0;
    const weight = (spec: TestSpecification): number => {
      const path = relative(root, spec.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      if (cached?.duration !== undefined) return cached.duration / 1000;
      return (this.ctx.cache.getFileStats(`${spec.project.name}:${path}`)?.size ?? 0) / 1e6;
    };
    const isolated = (spec: TestSpecification): number => (spec.project.config.isolate === false ? 1 : 0);
    return [...files].sort((a, b) => heavy(b) - heavy(a) || isolated(a) - isolated(b) || weight(b) - weight(a));
  }
}

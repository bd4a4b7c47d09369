import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { generate } from '../../generator/pipeline.js';
import { tempDir } from '../helpers/ir.js';
import { typeCheckDistinct } from '../helpers/type-check-distinct.js';
import { FROZEN_SPEC_FILE } from '../helpers/pinned.js';
import { mutate } from './mutate.js';
import { prng } from './prng.js';

/**
 * Mutation fuzzing of the generator: seeded and reproducible (FUZZ_SEED, FUZZ_COUNT), bounded in
 * count and in CPU time (FUZZ_SECONDS, per shard). Every mutant must end in either a client that
 * type-checks or one GeneratorError with a JSON pointer — never another exception — and a failure
 * must leave the output directory byte for byte as it was.
 *
 * The mutants are one seeded sequence, run in shards (one test file each: fuzz.test.ts,
 * fuzz-2.test.ts) so that two forks share the work (issue #20): shard k of n takes the k-th
 * contiguous slice of the sequence; every shard draws the mutants before its slice too (cheap) so
 * the random stream, and so each mutant, is the same however the run is split.
 *
 * The time bound is on this process's CPU time, not the wall clock: beside other CPU-bound
 * processes the wall clock runs on while the fuzzer waits for a core, and that is no failure.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 420);
const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const ROOT = join(import.meta.dirname, '..', '..');
const BASES = [
  FROZEN_SPEC_FILE,
  join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'petstore.json'),
  join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'polymorphism.json'),
  join(ROOT, 'node_modules', '@readme', 'oas-examples', '3.1', 'json', 'parameters-style.json'),
];

type Outcome = 'generated' | 'rejected' | 'crashed' | 'dirtied';

async function treeHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const full = join(entry.parentPath, entry.name);
    hash.update(full.slice(dir.length));
    if (entry.isFile()) hash.update(await readFile(full));
  }
  return hash.digest('hex');
}

async function sentinel(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'src', 'index.ts'), 'export const sentinel = 1;\n');
  await writeFile(join(dir, 'CHANGELOG.md'), '# kept\n');
  await writeFile(join(dir, 'codegen.lock.json'), '{}\n'); // an earlier generation's output
  return treeHash(dir);
}

/** Registers shard `shard` (0-based) of `shards`: mutants [COUNT·shard/shards, COUNT·(shard+1)/shards). */
export function fuzzShard(shard: number, shards: number): void {
  const from = Math.floor((COUNT * shard) / shards);
  const to = Math.floor((COUNT * (shard + 1)) / shards);
  const count = to - from;
  // Per shard, not per module: shards may share one process (a non-isolated vitest project).
  const tally = new Map<string, Record<Outcome, number>>();
  const crashes: string[] = [];

  afterAll(() => {
    const rows = [...tally].map(([kind, t]) => `  ${kind.padEnd(14)} generated ${String(t.generated).padStart(4)}  rejected ${String(t.rejected).padStart(4)}  crashed ${t.crashed}  dirtied ${t.dirtied}`);
    console.log(`generator fuzz (seed ${SEED}, mutants ${from}–${to - 1} of ${COUNT}):\n${rows.join('\n')}`);
  });

  describe('generator under mutated specs', () => {
    it(`mutants ${from}–${to - 1} of ${COUNT} seeded: a type-checking client or one GeneratorError, never a dirtied output`, async () => {
      const random = prng(SEED);
      const bases = await Promise.all(BASES.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as Parameters<typeof mutate>[0]));
      const work = await tempDir('fuzz-');
      const out = join(work, 'out');
      const okDir = join(work, 'ok');
      await mkdir(okDir);
      let clean = await sentinel(out);
      const successes: string[] = [];
      // The mutants before this shard's slice are drawn and dropped, so each is the same in any split.
      for (let skipped = 0; skipped < from; skipped++) mutate(bases[skipped % bases.length]!, random);
      const deadline = cpuSeconds() + SECONDS;
      let ran = from;
      for (; ran < to && cpuSeconds() < deadline; ran++) {
        const mutant = mutate(bases[ran % bases.length]!, random);
        const specFile = join(work, `m${ran}.${mutant.extension}`);
        await writeFile(specFile, mutant.text);
        const row = tally.get(mutant.kind) ?? { generated: 0, rejected: 0, crashed: 0, dirtied: 0 };
        tally.set(mutant.kind, row);
        try {
          // Prettier runs on one mutant in 25: formatting is not what is being fuzzed, and it is the slow stage.
          await generate({ spec: specFile, out, format: ran % 25 === 0 });
          row.generated++;
          const kept = join(okDir, `m${ran}`);
          await rename(out, kept);
          successes.push(kept);
          clean = await sentinel(out);
        } catch (error) {
          if (error instanceof GeneratorError && error.pointer.startsWith('#') && error.message.length > 0) row.rejected++;
          else {
            row.crashed++;
            crashes.push(`#${ran} ${mutant.kind}: ${(error as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error)}`);
          }
          if ((await treeHash(out)) !== clean) {
            row.dirtied++;
            clean = await sentinel(out);
          }
        }
        await rm(specFile, { force: true });
      }
      expect(crashes.slice(0, 5)).toEqual([]);
      expect([...tally.values()].reduce((n, t) => n + t.dirtied, 0)).toBe(0);
      expect(ran, `only mutants ${from}–${ran - 1} ran within ${SECONDS} s of CPU time`).toBe(to);
      expect(successes.length).toBeGreaterThan(count / 10);

      // One program type-checks every generated client, each distinct module once (mutants of one
      // base differ in a few modules; the runtime, identical in all, is one copy on disk).
      const runtime = join(work, 'runtime');
      await rename(join(successes[0]!, 'src', 'runtime'), runtime);
      for (const dir of successes) {
        await rm(join(dir, 'src', 'runtime'), { recursive: true, force: true });
        await symlink(runtime, join(dir, 'src', 'runtime'), 'dir');
      }
      const check = typeCheckDistinct(successes);
      console.log(`type-checked ${successes.length} clients: ${check.checked} of ${check.files} files distinct`);
      expect(check.diagnostics).toEqual([]);
      // The wall-clock limit only catches a hang: three times the CPU budget, for a loaded machine.
    }, (3 * SECONDS + 300) * 1000);
  });
}

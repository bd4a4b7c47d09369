/**
 * Fixtures computed once per test run, not once per test file (issue #20): the pinned spec's
 * generation, and expensive results several files need from the big real specs (GitHub's is 13 MB).
 * The first fork that asks computes the value and saves it in the run's shared directory; every
 * other fork waits for that file and reads it. Each call returns its own deserialised copy, so no
 * test sees another's mutation.
 *
 * Concurrency: `mkdir` of the lock directory is atomic, so exactly one fork computes; it writes
 * the result under a temporary name and renames it into place, so a reader never sees half a file.
 * A failure is saved too, and every caller gets the same error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import { inject } from 'vitest';
import { loadSpec, type LoadedSpec } from '../../generator/load/index.js';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { tempDir } from './ir.js';
import { GENERATED_DIR, SPEC_DIR } from './pinned.js';

type Saved<T> = { value: T } | { error: string };

const pending = new Map<string, Promise<Buffer>>();

/**
 * `produce()`'s value, computed once per run under `name` (a file name) and shared by every test
 * file that asks for the same name. `produce` gets a directory of its own to write files into,
 * which outlives the forks until the run ends. Without the global setup (another config), it
 * computes in this process.
 */
export async function sharedFixture<T>(name: string, produce: (dir: string) => Promise<T>): Promise<T> {
  let bytes = pending.get(name);
  if (!bytes) pending.set(name, (bytes = computeOnce(name, produce)));
  const saved = deserialize(await bytes) as Saved<T>;
  if ('error' in saved) throw new Error(`the shared fixture ${name} failed:\n${saved.error}`);
  return saved.value;
}

async function computeSaved<T>(produce: (dir: string) => Promise<T>, dir: string): Promise<Buffer> {
  let saved: Saved<T>;
  try {
    saved = { value: await produce(dir) };
  } catch (error) {
    saved = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  return serialize(saved);
}

async function computeOnce<T>(name: string, produce: (dir: string) => Promise<T>): Promise<Buffer> {
  const shared = inject('sharedFixtureDir');
  if (!shared) return computeSaved(produce, await tempDir(`${name}-`));
  const file = join(shared, `${name}.v8`);
  try {
    await mkdir(join(shared, `${name}.lock`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another fork is computing: wait for its file (the hook's timeout bounds the wait).
    for (;;) {
      try {
        return await readFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      await sleep(50);
    }
  }
  const dir = join(shared, `${name}.files`);
  await mkdir(dir);
  const result = await computeSaved(produce, dir);
  await writeFile(`${file}.tmp`, result);
  await rename(`${file}.tmp`, file);
  return result;
}

/**
 * `generate({ spec: 'spec', out: 'generated', check: true })`, shared by every test file of the
 * run.
 */
export function pinnedGeneration(): Promise<GenerateResult> {
  return sharedFixture('pinned-generation', () => generate({ spec: SPEC_DIR, out: GENERATED_DIR, check: true }));
}

const keyOf = (path: string): string => createHash('sha256').update(path).digest('hex').slice(0, 16);

/**
 * `generate({ spec, out })` with the default options, written once per run into a shared directory
 * (`dir`): for specs that several files generate the same way (the corpus test and the bundled-CLI
 * test both generate GitHub, Figma and two of the readme examples). Read the files, never write.
 */
export function generatedOnce(spec: string): Promise<{ dir: string; result: GenerateResult }> {
  return sharedFixture(`generated-${keyOf(resolve(spec))}`, async (root) => {
    const dir = join(root, 'client');
    return { dir, result: await generate({ spec, out: dir }) };
  });
}

/** `loadSpec(spec)` (validated and bundled), once per run: the GitHub spec takes seconds to load. */
export function loadedOnce(spec: string): Promise<LoadedSpec> {
  return sharedFixture(`loaded-${keyOf(resolve(spec))}`, () => loadSpec(spec));
}

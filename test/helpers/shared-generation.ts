/**
 * The pinned spec generated once per test run, not once per test file (issue #20): the first fork
 * that asks generates (check mode, formatted, exactly as `npm run check` does) and saves the result
 * in the run's shared directory; every other fork waits for that file and reads it. Each call
 * returns its own deserialised copy, so no test sees another's mutation.
 *
 * Concurrency: `mkdir` of the lock directory is atomic, so exactly one fork generates; it writes
 * the result under a temporary name and renames it into place, so a reader never sees half a file.
 * A failed generation is saved too, and every caller gets the same error.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import { inject } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { GENERATED_DIR, SPEC_DIR } from './pinned.js';

type Saved = { result: GenerateResult } | { error: string };

let bytes: Promise<Buffer> | undefined;

/**
 * `generate({ spec: 'spec', out: 'generated', check: true })`, shared by every test file of the
 * run. Without the global setup (another config), it generates in this process.
 */
export async function pinnedGeneration(): Promise<GenerateResult> {
  bytes ??= shared();
  const saved = deserialize(await bytes) as Saved;
  if ('error' in saved) throw new Error(`the shared generation of spec/ failed:\n${saved.error}`);
  return saved.result;
}

async function generateSaved(): Promise<Buffer> {
  let saved: Saved;
  try {
    saved = { result: await generate({ spec: SPEC_DIR, out: GENERATED_DIR, check: true }) };
  } catch (error) {
    saved = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  return serialize(saved);
}

async function shared(): Promise<Buffer> {
  const dir = inject('sharedFixtureDir');
  if (!dir) return generateSaved();
  const file = join(dir, 'pinned-generation.v8');
  try {
    await mkdir(join(dir, 'pinned-generation.lock'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another fork is generating: wait for its file (the hook's timeout bounds the wait).
    for (;;) {
      try {
        return await readFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      await sleep(50);
    }
  }
  const result = await generateSaved();
  await writeFile(`${file}.tmp`, result);
  await rename(`${file}.tmp`, file);
  return result;
}

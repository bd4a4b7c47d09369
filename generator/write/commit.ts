/**
 * Writes a package into its output directory without ever moving a file the generator does not own.
 *
 *   stage   changed files are written under `<out>/.notai-codegen/staging/files/` (same file system,
 *           so the later renames are atomic); a crash here leaves the previous output untouched,
 *           and the next write discards the staging directory.
 *   journal `staging/journal.json` (written to a temp name, then renamed: all or nothing) lists the
 *           files to move in and the stale ones to remove. Its appearance is the commit point.
 *   apply   stale files are removed, each staged file is renamed over its target, staging goes.
 *           A crash here is completed by the next write, which replays the journal first.
 *
 * Each file is replaced atomically (a reader sees its old or new bytes, never a mix); the package
 * as a whole is not: during the short apply phase, or after a crash in it until the next write,
 * some files are new and others old.
 */
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { staleFiles } from './owned.js';
import { INTERNAL_DIR, insideOutput } from './paths.js';
import { pauseAt } from './test-hook.js';

interface Journal {
  write: string[];
  remove: string[];
}

/** At most this many files in flight: one after another paid a thread-pool round trip each. */
const BATCH = 32;

const stagingOf = (root: string) => join(root, INTERNAL_DIR, 'staging');

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    // Each batch settles before the next starts (or the caller cleans up), so nothing lands late.
    const settled = await Promise.allSettled(items.slice(start, start + BATCH).map(run));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

async function readJournal(staging: string): Promise<Journal | undefined> {
  const text = await readFile(join(staging, 'journal.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const journal = JSON.parse(text) as Partial<Journal>;
    const strings = (list: unknown) => (Array.isArray(list) ? list.filter((rel): rel is string => typeof rel === 'string') : []);
    return { write: strings(journal.write), remove: strings(journal.remove) };
  } catch {
    // Cannot happen short of disk damage (it is renamed into place whole); the next write
    // rewrites every file that differs anyway, so dropping it loses only stale-file removal.
    return undefined;
  }
}

/** Removes the now-empty directories above a removed file, up to (not including) `root`. */
async function pruneEmptyParents(root: string, rel: string): Promise<void> {
  for (let dir = dirname(join(root, rel)); dir !== root && dir.startsWith(root + sep); dir = dirname(dir)) {
    const empty = await rmdir(dir).then(
      () => true,
      () => false, // not empty (or already gone): stop here
    );
    if (!empty) return;
  }
}

/** Removes stale files, then moves staged files into place; safe to run again after a crash. */
async function applyJournal(root: string, journal: Journal): Promise<void> {
  const staging = stagingOf(root);
  // Removals first: a stale file `src/x` must go before a new `src/x/y.ts` can be placed.
  for (const rel of journal.remove) {
    await rm(insideOutput(root, rel), { force: true });
    await pruneEmptyParents(root, rel);
  }
  const targets = journal.write.map((rel) => ({ from: join(staging, 'files', rel), to: insideOutput(root, rel) }));
  for (const dir of new Set(targets.map(({ to }) => dirname(to)))) await mkdir(dir, { recursive: true });
  const move = async ({ from, to }: { from: string; to: string }) => {
    try {
      await rename(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // moved by the run that was killed: already in place
      if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      // A directory where the generator now writes a file: the earlier design replaced it too.
      await rm(to, { recursive: true, force: true });
      await rename(from, to);
    }
  };
  const [first, ...rest] = targets;
  if (first) await move(first);
  await pauseAt('applying');
  await inBatches(rest, move);
  await rm(staging, { recursive: true, force: true });
}

/** Completes a write whose journal exists (it passed its commit point), or discards its staging. */
export async function recoverStaging(root: string): Promise<void> {
  const staging = stagingOf(root);
  const journal = await readJournal(staging);
  if (journal) await applyJournal(root, journal);
  await rm(staging, { recursive: true, force: true });
}

/** Stage, journal, apply (see the file comment). Only files whose bytes change are touched. */
export async function commitPackage(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  const changed: string[] = [];
  await inBatches([...files], async ([rel, text]) => {
    const current = await readFile(join(root, rel), 'utf8').catch(() => undefined);
    if (current !== text) changed.push(rel);
  });
  const remove = await staleFiles(root, files);
  if (changed.length === 0 && remove.length === 0) return;

  const staging = stagingOf(root);
  const journal: Journal = { write: changed.sort(), remove };
  await mkdir(staging, { recursive: true });
  try {
    const staged = changed.map((rel) => ({ rel, full: join(staging, 'files', rel) }));
    for (const dir of new Set(staged.map(({ full }) => dirname(full)))) await mkdir(dir, { recursive: true });
    await inBatches(staged, ({ rel, full }) => writeFile(full, files.get(rel)!));
    await pauseAt('staged');
    await writeFile(join(staging, 'journal.json.tmp'), JSON.stringify(journal));
    await rename(join(staging, 'journal.json.tmp'), join(staging, 'journal.json'));
  } catch (error) {
    // Before the commit point: the output is as it was; drop what was staged.
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await pauseAt('journaled');
  await applyJournal(root, journal);
}

/** Removes the internal directory once a write is done with it, so the output holds only the package. */
export async function tidyInternalDir(root: string): Promise<void> {
  const dir = join(root, INTERNAL_DIR);
  const entries = await readdir(dir).catch(() => undefined);
  if (entries?.length === 0) await rmdir(dir).catch(() => undefined);
}

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { GeneratorError } from './errors.js';

/** Top-level entries the generator owns in the output directory: what it emits. Anything else is carried over. */
function ownedEntries(files: Map<string, string>): Set<string> {
  return new Set([...files.keys()].map((p) => p.split('/')[0]!));
}

function assertInside(root: string, rel: string): string {
  const full = resolve(root, rel);
  if (!full.startsWith(root + sep)) throw new GeneratorError(`Refusing to write outside the output directory: ${rel}`, '#');
  return full;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const WRITE_BATCH = 32;

/**
 * Stage 5: atomic write. The whole package is written to a sibling temp directory first; entries
 * the generator does not own (CHANGELOG.md, dist/, node_modules/…) are moved across; then the
 * directories are swapped with two renames. A failure before the swap leaves `out` untouched.
 */
export async function writeAtomically(out: string, files: Map<string, string>): Promise<void> {
  const target = resolve(out);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${basename(target)}.staging-${suffix}`);
  const retired = join(parent, `.${basename(target)}.old-${suffix}`);
  try {
    const entries = [...files].map(([rel, text]) => ({ full: assertInside(staging, rel), text }));
    for (const dir of new Set(entries.map(({ full }) => dirname(full)))) await mkdir(dir, { recursive: true });
    // Many at a time: one file after another paid a thread-pool round trip each (~25 ms for 60
    // files); at most WRITE_BATCH open files at once, well under common descriptor limits. Each
    // batch settles before the next starts or the staging directory is removed, so no write lands
    // after the clean-up.
    for (let start = 0; start < entries.length; start += WRITE_BATCH) {
      const batch = entries.slice(start, start + WRITE_BATCH);
      const written = await Promise.allSettled(batch.map(({ full, text }) => writeFile(full, text)));
      const failed = written.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const owned = ownedEntries(files);
    const hadTarget = await exists(target);
    if (hadTarget) {
      for (const entry of await readdir(target)) {
        if (!owned.has(entry)) await rename(join(target, entry), join(staging, entry));
      }
      await rename(target, retired);
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadTarget) await rename(retired, target);
      throw error;
    }
    if (hadTarget) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** For `--check`: files whose bytes differ, are missing, or are stale leftovers in owned directories. */
export async function findDrift(out: string, files: Map<string, string>): Promise<string[]> {
  const root = resolve(out);
  const drift: string[] = [];
  for (const [rel, text] of files) {
    const current = await readFile(join(root, rel), 'utf8').catch(() => undefined);
    if (current === undefined) drift.push(`${rel} (missing)`);
    else if (current !== text) drift.push(`${rel} (changed)`);
  }
  for (const entry of ownedEntries(files)) {
    const full = join(root, entry);
    if (!(await exists(full)) || !(await stat(full)).isDirectory()) continue;
    for (const rel of await listFiles(full)) {
      const key = relative(root, rel).split(sep).join('/');
      if (!files.has(key)) drift.push(`${key} (stale)`);
    }
  }
  return drift.sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

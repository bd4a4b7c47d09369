/**
 * Leftovers of the earlier writer, which staged the package in a sibling `.<name>.staging-<pid>-<hex>`
 * directory, moved the user's entries (CHANGELOG.md, dist/…) into it, then swapped directories
 * through `.<name>.old-<pid>-<hex>`. A run killed in between stranded user files there.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exists } from './paths.js';
import { pidAlive } from './pid.js';

const LEGACY = /^\.(.+)\.(staging|old)-(\d+)-[0-9a-f]{8}$/;

/**
 * Puts back every entry of `<name>`'s leftovers that the output lacks (the whole previous output
 * when the swap stopped between its renames), then removes them. Leftovers of a live process are
 * another writer's work in progress and are left alone.
 */
export async function recoverLegacy(parent: string, name: string): Promise<void> {
  const found = (await readdir(parent))
    .map((entry) => ({ entry, match: LEGACY.exec(entry) }))
    .filter(({ match }) => match !== null && match[1] === name && !pidAlive(Number(match[3])))
    .map(({ entry, match }) => ({ dir: join(parent, entry), kind: match![2] as 'staging' | 'old' }));
  if (found.length === 0) return;
  const target = join(parent, name);
  if (!(await exists(target))) {
    const old = found.find((f) => f.kind === 'old');
    if (old) await rename(old.dir, target);
    else await mkdir(target);
  }
  for (const { dir } of found) {
    if (!(await exists(dir))) continue; // the .old directory that just became the output
    for (const entry of await readdir(dir)) {
      // What the output already has is newer, or generated and about to be rewritten.
      if (!(await exists(join(target, entry)))) await rename(join(dir, entry), join(target, entry));
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * What the generator owns in an output directory, so that only those files are ever replaced or
 * removed: the files it writes now, and every file under a top-level directory it writes (`src/`
 * is wholly generated). Everything else (CHANGELOG.md, dist/, node_modules/, a top-level file an
 * earlier generation wrote and this one does not) is the user's and is left alone.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exists, listFiles } from './paths.js';

/** Top-level entries of the generated file map. */
export function ownedEntries(files: ReadonlyMap<string, string>): Set<string> {
  return new Set([...files.keys()].map((p) => p.split('/')[0]!));
}

/** Owned files present in `root` that `files` no longer generates: a write removes them. */
export async function staleFiles(root: string, files: ReadonlyMap<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const entry of ownedEntries(files)) {
    const full = join(root, entry);
    if (!(await exists(full)) || !(await stat(full)).isDirectory()) continue;
    for (const rel of await listFiles(root, full)) if (!files.has(rel)) stale.push(rel);
  }
  return stale.sort();
}

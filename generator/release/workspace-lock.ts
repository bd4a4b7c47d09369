/**
 * Keeps the root package-lock.json in step with the generated packages when a release bumps
 * their versions. They are npm workspaces of this repository (so `npm ci` links notai-client into
 * notai-mcp), and `npm ci` refuses a lock whose workspace entries disagree with their package.json.
 * Rewriting the entries directly keeps the release offline and deterministic; `npm install` would
 * reach the registry and could move unrelated dependencies.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isObject, type JsonObject as Json } from '../schema/json.js';

/** The package.json fields npm copies into a workspace's lock entry that a release can change. */
const SYNCED = ['version', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;


/**
 * Updates `packages[<workspace>]` of the lock next to the root package.json for every workspace
 * listed there; returns the workspaces whose entries changed. A lock without workspaces is left alone.
 */
export async function syncWorkspaceLock(lockFile: string): Promise<string[]> {
  const root = dirname(lockFile);
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Json;
  const workspaces = Array.isArray(pkg.workspaces) ? pkg.workspaces.filter((w): w is string => typeof w === 'string') : [];
  if (workspaces.length === 0) return [];
  const text = await readFile(lockFile, 'utf8');
  const lock = JSON.parse(text) as Json;
  const packages = isObject(lock.packages) ? lock.packages : undefined;
  if (!packages) throw new Error(`${lockFile} has no "packages" section (lockfileVersion 2 or later is needed)`);
  const changed: string[] = [];
  for (const workspace of workspaces) {
    const entry = packages[workspace];
    if (!isObject(entry)) throw new Error(`${lockFile} has no entry for workspace ${workspace}: run npm install once`);
    const manifest = JSON.parse(await readFile(join(root, workspace, 'package.json'), 'utf8')) as Json;
    const next: Json = { ...entry };
    for (const field of SYNCED) {
      if (manifest[field] === undefined) delete next[field];
      else next[field] = manifest[field];
    }
    if (JSON.stringify(next) !== JSON.stringify(entry)) {
      // Same key order as npm writes (name, version, then the rest as they were).
      packages[workspace] = Object.fromEntries(Object.keys({ ...entry, ...next }).filter((k) => k in next).map((k) => [k, next[k]]));
      changed.push(workspace);
    }
  }
  if (changed.length > 0) await writeFile(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
  return changed;
}

// Whether dist/notai-codegen.cjs may run: it must be newer than everything it was built from.
// Shared by bin/notai-codegen.mjs (which falls back to tsx otherwise) and the benchmark's report.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function bundlePath(root) {
  return join(root, 'dist', 'notai-codegen.cjs');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** 'fresh', 'missing', or 'stale' (older than generator/, templates/ or the lockfile). */
export function bundleState(root) {
  const bundle = bundlePath(root);
  if (!existsSync(bundle)) return 'missing';
  // The bundle carries its dependencies too, so a changed lockfile makes it stale as well (an
  // installed package may ship without one).
  const lock = join(root, 'package-lock.json');
  const newestInput = Math.max(newestMtime(join(root, 'generator')), newestMtime(join(root, 'templates')), existsSync(lock) ? statSync(lock).mtimeMs : 0);
  return statSync(bundle).mtimeMs >= newestInput ? 'fresh' : 'stale';
}

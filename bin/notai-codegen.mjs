#!/usr/bin/env node
// Runs the prebuilt bundle (dist/notai-codegen.cjs, made by `npm ci` via "prepare") when it is
// newer than every generator source; otherwise runs the TypeScript sources through tsx, so an
// edited generator is never shadowed by a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'notai-codegen.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const argv = process.argv.slice(2);
// The bundle carries its dependencies too, so a changed lockfile makes it stale as well.
const newestInput = Math.max(newestSource(join(root, 'generator')), newestSource(join(root, 'templates')), statSync(join(root, 'package-lock.json')).mtimeMs);
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestInput) {
  const { runBundle } = await import('./run-bundle.mjs');
  process.exitCode = await runBundle(bundle, argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../generator/cli.ts');
  process.exitCode = await main(argv);
}

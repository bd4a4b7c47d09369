#!/usr/bin/env node
// Runs the prebuilt bundle (dist/notai-codegen.cjs, made by `npm ci` via "prepare") when it is
// newer than every generator source; otherwise runs the TypeScript sources through tsx, so an
// edited generator is never shadowed by a stale build.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePath, bundleState } from './bundle-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
if (bundleState(root) === 'fresh') {
  const { runBundle } = await import('./run-bundle.mjs');
  process.exitCode = await runBundle(bundlePath(root), argv);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../generator/cli.ts');
  process.exitCode = await main(argv);
}

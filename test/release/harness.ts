// Shared by the test/release tests: scripts and stubs bundled once with esbuild (a plain `node`
// start per call instead of tsx's), stub executables on a PATH of their own, and an environment
// with nothing of the host's git, GitHub or npm configuration in it.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Bundles a TypeScript entry point into `<outDir>/<name>.mjs` and returns its path. */
export function bundle(entry: string, outDir: string, name: string): string {
  const outfile = join(outDir, `${name}.mjs`);
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' });
  return outfile;
}

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** An executable `<binDir>/<command>` that runs the bundled stub with this test's node. */
export function installStub(binDir: string, command: string, mjs: string): void {
  mkdirSync(binDir, { recursive: true });
  const file = join(binDir, command);
  writeFileSync(file, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(mjs)} "$@"\n`);
  chmodSync(file, 0o755);
}

/** The host environment without git, GitHub, npm or CI settings, with binDir first on PATH. */
export function cleanEnv(binDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GIT_|GITHUB_|GH_|RUNNER_|NODE_AUTH_TOKEN$|NPM_CONFIG_|npm_)/i.test(k)) continue;
    env[k] = v;
  }
  return {
    ...env,
    PATH: `${binDir}:${process.env.PATH ?? ''}`,
    // A developer's global git config (signing, hooks, default branch) must not leak in.
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

export function runNode(script: string, cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [script], { cwd, env, encoding: 'utf8' });
}

/** `key=value` lines as written to $GITHUB_OUTPUT. */
export function readOutputs(file: string): Record<string, string> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** JSON lines, as the stubs log them. */
export function readJsonLines<T>(file: string): T[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

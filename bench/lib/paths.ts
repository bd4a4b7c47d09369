/** Where things are, relative to this checkout. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH = join(ROOT, 'bench');
export const BENCH_MODULES = join(BENCH, 'node_modules');
export const PINNED_SPEC = join(ROOT, 'spec', '1.0.17.0', 'openapi.json');
export const GITHUB_SPEC = join(ROOT, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
export const GENERATED_SRC = join(ROOT, 'generated', 'src');
export const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A package.json of a root or bench dependency, if installed. */
export function packageJsonPath(name: string, where: 'root' | 'bench'): string | undefined {
  const base = where === 'root' ? join(ROOT, 'node_modules') : BENCH_MODULES;
  const file = join(base, ...name.split('/'), 'package.json');
  return existsSync(file) ? file : undefined;
}

/**
 * `require` from the root, for root dependencies that bench/node_modules also holds in another
 * version (the peers pull in an older esbuild): a plain import from bench/ would get that one.
 */
export const rootRequire = createRequire(join(ROOT, 'package.json'));

/** The root's esbuild (the version the project builds with). */
export function rootEsbuild(): typeof import('esbuild') {
  return rootRequire('esbuild') as typeof import('esbuild');
}

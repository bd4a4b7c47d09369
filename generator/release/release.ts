import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fetchAndPin } from '../commands/fetch.js';
import { diffSpecs, formatReport, type DiffReport } from '../diff/index.js';
import { semverFromSpecVersion } from '../ir/build.js';
import { generate } from '../pipeline.js';
import { CONFIG_FILE, readSpecLock } from '../spec-source.js';
import { prependEntry } from './changelog.js';
import { setConfigPackageVersion } from './config-version.js';
import { bumpVersion } from './semver.js';

export interface ReleaseOptions {
  /** URL of the published spec. */
  url: string;
  /** Pinned-spec directory (holds spec.lock.json and codegen.config.yaml). */
  specDir: string;
  /** Generated package directory. */
  out: string;
  /** Runs the test suite; rejects when it fails. */
  runTests: () => Promise<void>;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
}

export type ReleaseResult =
  | { status: 'unchanged'; specVersion: string }
  | { status: 'released'; specVersion: string; previousSpecVersion: string; packageVersion: string; report: DiffReport; markdown: string };

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/**
 * fetch → diff → bump → generate → test → changelog. Each step's output feeds the next; a failing
 * step throws and leaves the working tree for a human to inspect (CI then opens no pull request).
 */
export async function releaseSpec(options: ReleaseOptions): Promise<ReleaseResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const lockBefore = await readSpecLock(options.specDir);
  const oldEntry = lockBefore.versions[lockBefore.current];
  if (!oldEntry) throw new Error(`spec.lock.json has no entry for its current version ${lockBefore.current}`);
  const oldDoc = await readJson<object>(join(options.specDir, oldEntry.file));

  log(`fetch ${options.url}`);
  const pinned = await fetchAndPin(options.url, options.specDir, { ...options, now });
  if (pinned.status === 'unchanged') {
    log(`spec unchanged (${pinned.version})`);
    return { status: 'unchanged', specVersion: pinned.version };
  }
  const newDoc = await readJson<object>(join(pinned.folder, 'openapi.json'));

  const report = diffSpecs(oldDoc, newDoc);
  log(`diff ${lockBefore.current} → ${pinned.version}: ${report.verdict} (${report.changes.length} changes)`);

  const pkgFile = join(options.out, 'package.json');
  const currentVersion = await readJson<{ version?: string }>(pkgFile).then(
    (p) => p.version ?? semverFromSpecVersion(lockBefore.current),
    () => semverFromSpecVersion(lockBefore.current),
  );
  const packageVersion = bumpVersion(currentVersion, report.verdict);
  await setConfigPackageVersion(join(options.specDir, CONFIG_FILE), packageVersion);
  log(`version ${currentVersion} → ${packageVersion}`);

  log('generate');
  await generate({ spec: options.specDir, out: options.out });
  log('test');
  await options.runTests();

  const markdown = formatReport(report, 'markdown', { old: lockBefore.current, new: pinned.version });
  const changelogFile = join(options.out, 'CHANGELOG.md');
  const existing = await readFile(changelogFile, 'utf8').catch(() => undefined);
  await writeFile(
    changelogFile,
    prependEntry(existing, {
      packageVersion,
      specVersion: pinned.version,
      previousSpecVersion: lockBefore.current,
      date: now().toISOString().slice(0, 10),
      reportMarkdown: markdown,
    }),
  );
  return { status: 'released', specVersion: pinned.version, previousSpecVersion: lockBefore.current, packageVersion, report, markdown };
}

/** `npm test` in the repository root, inheriting stdio so CI logs show it. */
export function npmTest(cwd: string): () => Promise<void> {
  return () =>
    new Promise((resolve, reject) => {
      const child = spawn('npm', ['test'], { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm test failed with exit code ${code}`))));
    });
}

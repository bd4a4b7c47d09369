import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fetchAndPin } from '../commands/fetch.js';
import { combineReports, diffSpecs, formatReport, type DiffReport } from '../diff/index.js';
import { semverFromSpecVersion } from '../ir/build.js';
import { generate } from '../pipeline.js';
import { CONFIG_FILE, readSpecLock, SPEC_LOCK_FILE } from '../spec-source.js';
import { prependEntry } from './changelog.js';
import { setConfigPackageVersion } from './config-version.js';
import { bumpVersion } from './semver.js';
import { diffGeneratedClients } from './surface-diff.js';
import type { TestOutcome } from './test-run.js';
import { syncWorkspaceLock } from './workspace-lock.js';

export interface ReleaseOptions {
  /** URL of the published spec. */
  url: string;
  /** Pinned-spec directory (holds spec.lock.json and codegen.config.yaml). */
  specDir: string;
  /** Generated package directory. */
  out: string;
  /** Runs the test suite and says what failed (see test-run.ts). */
  runTests: () => Promise<TestOutcome>;
  /** Root package-lock.json whose workspace entries follow the bumped versions, if any. */
  packageLock?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
}

export type TestStatus = 'passed' | 'failed' | 'skipped';

export type ReleaseResult =
  | { status: 'unchanged'; specVersion: string }
  | {
      status: 'released';
      specVersion: string;
      previousSpecVersion: string;
      packageVersion: string;
      report: DiffReport;
      tests: TestStatus;
      /** Names of the failed tests (empty when they passed). */
      failures: string[];
      /** The pull request body: the diff report, then the failing tests. */
      markdown: string;
    };

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/**
 * fetch → diff → bump → generate → test → changelog. A release whose tests fail is still a
 * release: the caller opens it as a draft for a reviewer, with the failing tests named, because a
 * spec that removed something hand-written code used needs a person, not silence. A step that
 * cannot complete (a spec the generator refuses) throws and puts spec/ back as it was.
 */
export async function releaseSpec(options: ReleaseOptions): Promise<ReleaseResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const lockBefore = await readSpecLock(options.specDir);
  const oldEntry = lockBefore.versions[lockBefore.current];
  if (!oldEntry) throw new Error(`spec.lock.json has no entry for its current version ${lockBefore.current}`);
  const oldDoc = await readJson<object>(join(options.specDir, oldEntry.file));
  const configFile = join(options.specDir, CONFIG_FILE);
  const specLockFile = join(options.specDir, SPEC_LOCK_FILE);
  const saved = { config: await readFile(configFile, 'utf8').catch(() => undefined), specLock: await readFile(specLockFile, 'utf8') };

  log(`fetch ${options.url}`);
  const pinned = await fetchAndPin(options.url, options.specDir, { ...options, now });
  if (pinned.status === 'unchanged') {
    log(`spec unchanged (${pinned.version})`);
    return { status: 'unchanged', specVersion: pinned.version };
  }
  const newDoc = await readJson<object>(join(pinned.folder, 'openapi.json'));

  const specReport = diffSpecs(oldDoc, newDoc);
  log(`diff ${lockBefore.current} → ${pinned.version}: ${specReport.verdict} (${specReport.changes.length} changes)`);

  const currentVersion = await readJson<{ version?: string }>(join(options.out, 'package.json')).then(
    (p) => p.version ?? semverFromSpecVersion(lockBefore.current),
    () => semverFromSpecVersion(lockBefore.current),
  );
  // The new client is first generated in memory and staged in a temp directory, compared with the
  // one in `out` (the published one), and only then written, once, with the final version: a
  // failure before that leaves generated/ and generated-mcp/ as they were.
  const staged = await mkdtemp(join(tmpdir(), 'release-staged-'));
  let report: DiffReport = specReport;
  let packageVersion = bumpVersion(currentVersion, specReport.verdict);
  let outputDirs: string[] = [options.out];
  let surfaceProblem: string | undefined;
  try {
    await setConfigPackageVersion(configFile, packageVersion);
    log(`generate ${packageVersion} (staged)`);
    const provisional = await generate({ spec: options.specDir, out: options.out, check: true });
    for (const [path, text] of provisional.files) {
      await mkdir(dirname(join(staged, path)), { recursive: true });
      await writeFile(join(staged, path), text);
    }
    // The verdict is the worse of the spec's and the generated client's: a renamed method
    // breaks callers even when the HTTP API did not change.
    try {
      report = combineReports(specReport, diffGeneratedClients(options.out, staged).changes);
    } catch (error) {
      surfaceProblem = (error as Error).message;
      log(`generated-client comparison failed: ${surfaceProblem}`);
    }
    if (report.verdict !== specReport.verdict) {
      packageVersion = bumpVersion(currentVersion, report.verdict);
      await setConfigPackageVersion(configFile, packageVersion);
    }
    log(`generate ${packageVersion}`);
    // Every package the config generates gets the release's CHANGELOG entry.
    outputDirs = (await generate({ spec: options.specDir, out: options.out })).outputs.map((output) => output.out);
  } catch (error) {
    // Nothing was written to the packages unless the last (atomic) write failed; undo the pin and the bump.
    await rm(pinned.folder, { recursive: true, force: true });
    await writeFile(specLockFile, saved.specLock);
    if (saved.config !== undefined) await writeFile(configFile, saved.config);
    throw error;
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
  log(`version ${currentVersion} → ${packageVersion} (${report.verdict})`);
  if (options.packageLock) await syncWorkspaceLock(options.packageLock);

  log('test');
  const outcome = await options.runTests();
  const tests: TestStatus = outcome.passed ? 'passed' : 'failed';
  log(outcome.passed ? 'tests passed' : `tests failed: ${outcome.failures.length}`);

  const reportMarkdown =
    formatReport(report, 'markdown', { old: lockBefore.current, new: pinned.version }) +
    (surfaceProblem === undefined ? '' : `\n> The generated client could not be compared with the previous one (${surfaceProblem}); the verdict is the spec diff's alone.\n`);
  const entry = { packageVersion, specVersion: pinned.version, previousSpecVersion: lockBefore.current, date: now().toISOString().slice(0, 10), reportMarkdown };
  for (const dir of outputDirs) {
    const changelogFile = join(dir, 'CHANGELOG.md');
    const existing = await readFile(changelogFile, 'utf8').catch(() => undefined);
    await writeFile(changelogFile, prependEntry(existing, entry));
  }
  return {
    status: 'released',
    specVersion: pinned.version,
    previousSpecVersion: lockBefore.current,
    packageVersion,
    report,
    tests,
    failures: outcome.failures,
    markdown: pullRequestBody(reportMarkdown, outcome),
  };
}

/**
 * The diff report, and when tests failed, which ones, first: the reviewer's first question, and
 * what must survive when a long report is cut to GitHub's body limit.
 */
export function pullRequestBody(reportMarkdown: string, outcome: TestOutcome): string {
  if (outcome.passed) return reportMarkdown;
  const names = outcome.failures.map((f) => `- \`${f.replace(/`/g, "'")}\``);
  return [
    '## Failing tests',
    '',
    'The regenerated client fails these tests, so this pull request is a draft and nothing is published from it. ' +
      'Usually the spec removed or changed something hand-written code relies on (examples, contract server, tests): fix that code on this branch.',
    '',
    ...names,
    '',
    reportMarkdown.trimEnd(),
    '',
  ].join('\n');
}

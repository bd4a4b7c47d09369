// The whole release loop on a temporary copy of this repository, as the spec-release workflow runs
// it: a local server publishes the next version of the pinned spec (one added operation, one added
// field); `npm run spec:release` pins it, bumps the minor, regenerates client and MCP server, runs
// the tests it is given and writes the changelog; `--check` is clean and a rerun changes nothing;
// then a breaking version becomes a draft pull request through scripts/release-pr.ts and a stub gh.
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpVersion } from '../../generator/release/semver.js';
import { tempDir } from '../helpers/ir.js';
import { BREAKING_RELEASE, breakingRelease, nextRelease, nextReleasePlan } from '../helpers/next-spec.js';
import { bundle, cleanEnv, installStub, readJsonLines, readOutputs, ROOT } from './harness.js';
import type { GhState } from './stubs/gh.js';
import { scaled } from '../helpers/slowdown.js';

type Json = Record<string, unknown>;
interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
}

/** Tests the release runs here: the snapshot, the nock client test and the contract server's conformance. */
const RELEASE_TESTS = ['test/generated/snapshot.test.ts', 'test/generated/client.nock.test.ts', 'test/contract-server/conformance.test.ts'];

let repo: string;
let pinned: Spec;
let served = '';
let server: Server;
let url: string;
let tools: string;
const env = () => cleanEnv(join(tools, 'bin'), { GIT_AUTHOR_NAME: 'Maintainer', GIT_AUTHOR_EMAIL: 'm@example.test', GIT_COMMITTER_NAME: 'Maintainer', GIT_COMMITTER_EMAIL: 'm@example.test' });

function sh(command: string, args: string[], extra: NodeJS.ProcessEnv = {}, cwd = repo) {
  const r = spawnSync(command, args, { cwd, env: { ...env(), ...extra }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Like sh, without blocking this process: the spec server here must answer the child. */
function shAsync(command: string, args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repo, env: { ...env(), ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out: Buffer.concat(chunks).toString('utf8') }));
  });
}

function git(...args: string[]): string {
  const r = sh('git', args);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.out;
}

/** `npm run spec:release` in the copy; its $GITHUB_OUTPUT and report. */
async function release(...args: string[]) {
  const dir = await tempDir('release-run-');
  const outputFile = join(dir, 'outputs');
  const report = join(dir, 'report.md');
  const r = await shAsync('npm', ['run', '--silent', 'spec:release', '--', '--url', `${url}/openapi/v3.json`, '--report', report, ...args], { GITHUB_OUTPUT: outputFile });
  return { ...r, outputs: readOutputs(outputFile), report, reportText: await readFile(report, 'utf8').catch(() => '') };
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(join(repo, path), 'utf8')) as T;

beforeAll(async () => {
  tools = await tempDir('release-e2e-tools-');
  installStub(join(tools, 'bin'), 'gh', bundle(join(import.meta.dirname, 'stubs', 'gh.ts'), tools, 'gh'));
  repo = await tempDir('release-e2e-');
  // The working tree as git sees it (tracked and new files, nothing ignored), so the test runs the
  // code under test, committed or not.
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of listed) {
    await mkdir(dirname(join(repo, file)), { recursive: true });
    await cp(join(ROOT, file), join(repo, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // deleted but not yet staged
    });
  }
  await symlink(join(ROOT, 'node_modules'), join(repo, 'node_modules'));
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'main');

  const lock = await readJson<{ current: string; versions: Record<string, { file: string }> }>('spec/spec.lock.json');
  pinned = await readJson<Spec>(join('spec', lock.versions[lock.current]!.file));
  server = createServer((req, res) => {
    if (req.url !== '/openapi/v3.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(served);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

}, scaled(120_000));

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('a spec release, end to end on a copy of this repository', () => {
  it('adds: pins, bumps minor, regenerates both packages, passes its tests, and changes only what it must', async () => {
    const plan = nextReleasePlan(pinned as unknown as Json);
    served = JSON.stringify(nextRelease(pinned as unknown as Json));
    const before = {
      config: await readFile(join(repo, 'spec', 'codegen.config.yaml'), 'utf8'),
      version: (await readJson<{ version: string }>('generated/package.json')).version,
    };
    const run = await release('--tests', ...RELEASE_TESTS.flatMap((t, i) => (i === 0 ? [t] : ['--tests', t])));
    expect(run.status, run.out).toBe(0);
    const version = bumpVersion(before.version, 'minor');
    expect(run.outputs, run.out.slice(-4000)).toEqual({ changed: 'true', spec_version: plan.version, package_version: version, verdict: 'minor', breaking: 'false', tests: 'passed' });

    expect((await readJson<{ current: string }>('spec/spec.lock.json')).current).toBe(plan.version);
    const config = await readFile(join(repo, 'spec', 'codegen.config.yaml'), 'utf8');
    expect(config).toBe(before.config.replace(/^( {2}version: ).*$/m, `$1${version}`));
    const client = await readJson<{ version: string }>('generated/package.json');
    const mcp = await readJson<{ version: string; dependencies: Record<string, string> }>('generated-mcp/package.json');
    expect([client.version, mcp.version, mcp.dependencies['notai-client']]).toEqual([version, version, version]);
    const lock = await readJson<{ packages: Record<string, { version?: string }> }>('package-lock.json');
    expect([lock.packages.generated?.version, lock.packages['generated-mcp']?.version]).toEqual([version, version]);
    for (const pkg of ['generated', 'generated-mcp']) {
      expect(await readFile(join(repo, pkg, 'CHANGELOG.md'), 'utf8')).toContain(`# Changelog\n\n## ${version} — `);
      expect(await readFile(join(repo, pkg, 'CHANGELOG.md'), 'utf8')).toContain(`(spec ${pinned.info.version} → ${plan.version})`);
    }
    expect(run.reportText).toContain(plan.operation.path);

    // Reviewable: every changed file either mentions what the release added or is one of those a
    // version lives in.
    const changed = git('status', '--porcelain', '--untracked-files=all').split('\n').filter(Boolean).map((l) => l.slice(3));
    const versionFiles = new Set(['spec/spec.lock.json', 'spec/codegen.config.yaml', 'package-lock.json', `spec/${plan.version}/openapi.json`].concat(
      ...['generated', 'generated-mcp'].map((p) => ['package.json', 'src/version.ts', 'codegen.lock.json', 'README.md', 'CHANGELOG.md'].map((f) => `${p}/${f}`)),
    ));
    const unexplained: string[] = [];
    for (const file of changed.filter((f) => !versionFiles.has(f))) {
      const text = await readFile(join(repo, file), 'utf8');
      const added = [plan.operation.operationId, plan.schemas.item, plan.field.name, plan.enumValue.value, plan.description.text.slice(0, 40)];
      if (!added.some((a) => text.includes(a)) && !/notes/i.test(text)) unexplained.push(file);
    }
    expect(unexplained).toEqual([]);
    expect(changed).toEqual(expect.arrayContaining(['generated/src/resources/sessions.ts', 'generated-mcp/src/tools.ts']));
    // Names survive: the existing methods of the resource are all still there.
    const sessions = await readFile(join(repo, 'generated', 'src', 'resources', 'sessions.ts'), 'utf8');
    const beforeSessions = git('show', 'HEAD:generated/src/resources/sessions.ts');
    const methods = (text: string) => [...text.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]);
    expect(methods(sessions)).toEqual(expect.arrayContaining(methods(beforeSessions)));

    expect(sh('npm', ['run', '--silent', 'check']).status).toBe(0);
    git('add', '--all');
    git('commit', '--quiet', '-m', `release ${plan.version}`);

    const again = await release('--skip-tests');
    expect(again.status, again.out).toBe(0);
    expect(again.outputs).toEqual({ changed: 'false', spec_version: plan.version });
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
  }, scaled(900_000));

  it('breaks: a removed response field is a major release that reaches a reviewer as a draft pull request', async () => {
    const broken = breakingRelease(JSON.parse(served) as Json);
    const brokenVersion = (broken.info as { version: string }).version;
    served = JSON.stringify(broken);
    const run = await release('--skip-tests');
    expect(run.status, run.out).toBe(0);
    expect(run.outputs).toMatchObject({ changed: 'true', spec_version: brokenVersion, verdict: 'major', breaking: 'true', tests: 'skipped' });
    expect(run.reportText).toContain(BREAKING_RELEASE.field.name);

    const origin = await tempDir('release-e2e-origin-');
    sh('git', ['init', '--quiet', '--bare', '--initial-branch=main', origin], {}, origin);
    git('remote', 'add', 'origin', origin);
    git('push', '--quiet', 'origin', 'HEAD:refs/heads/main');
    const ghState = join(tools, 'gh-state.json');
    const ghLog = join(tools, 'gh.log');
    const initial: GhState = { next: 1, prs: [], labels: [], workflowRuns: [] };
    await writeFile(ghState, JSON.stringify(initial));
    const pr = sh('npx', ['tsx', 'scripts/release-pr.ts'], {
      GH_STUB_STATE: ghState,
      GH_STUB_LOG: ghLog,
      SPEC_VERSION: run.outputs.spec_version!,
      PACKAGE_VERSION: run.outputs.package_version!,
      VERDICT: run.outputs.verdict!,
      BREAKING: run.outputs.breaking!,
      TESTS: run.outputs.tests!,
      REPORT_FILE: run.report,
      BASE_BRANCH: 'main',
    });
    expect(pr.status, pr.out).toBe(0);
    const state = JSON.parse(await readFile(ghState, 'utf8')) as GhState;
    expect(state.prs).toEqual([expect.objectContaining({ headRefName: `spec-release/${brokenVersion}`, isDraft: true, labels: ['breaking'], state: 'OPEN' })]);
    expect(readJsonLines<unknown>(ghLog).length).toBeGreaterThan(0);
    // The branch holds one commit on main with every output of the release.
    const files = sh('git', ['--git-dir', origin, 'diff', '--name-only', 'main', `spec-release/${brokenVersion}`]).out.split('\n');
    expect(files).toEqual(expect.arrayContaining([`spec/${brokenVersion}/openapi.json`, 'generated/package.json', 'generated-mcp/package.json', 'package-lock.json']));
  }, scaled(600_000));
});

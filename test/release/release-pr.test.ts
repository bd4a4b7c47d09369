// scripts/release-pr.ts against a local bare "origin" and a stub `gh` (test/release/stubs/gh.ts):
// every run starts from a fresh shallow clone of main, as actions/checkout gives the workflow.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRANCH_PREFIX, MAX_BODY, prBody, readInputs, TRAILER } from '../../scripts/release-pr.js';
import { bundle, cleanEnv, installStub, readJsonLines, readOutputs, ROOT, runNode } from './harness.js';
import type { GhState } from './stubs/gh.js';
import { scaled } from '../helpers/slowdown.js';

let tools: string;
let script: string;
let bin: string;

beforeAll(() => {
  tools = mkdtempSync(join(tmpdir(), 'release-pr-tools-'));
  script = bundle(join(ROOT, 'scripts', 'release-pr.ts'), tools, 'release-pr');
  bin = join(tools, 'bin');
  installStub(bin, 'gh', bundle(join(import.meta.dirname, 'stubs', 'gh.ts'), tools, 'gh'));
});

afterAll(() => rmSync(tools, { recursive: true, force: true }));

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

interface Release {
  spec: string;
  pkg: string;
  verdict?: 'major' | 'minor' | 'patch';
  breaking?: boolean;
  tests?: 'passed' | 'failed' | 'skipped';
  report?: string;
  /** Extra generated content, to tell two runs of one version apart. */
  content?: string;
  /** Leave the checkout as main has it (the spec did not change). */
  unchanged?: boolean;
  /** The day of the run: the pin's fetch time and the changelog entry's date. */
  day?: string;
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** The gh calls of this run. */
  calls: string[][];
  checkout: string;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

class Sandbox {
  readonly dir = mkdtempSync(join(tmpdir(), 'release-pr-'));
  readonly origin = join(this.dir, 'origin.git');
  readonly ghLog = join(this.dir, 'gh.log');
  readonly ghState = join(this.dir, 'gh-state.json');
  private runs = 0;

  constructor() {
    sandboxes.push(this.dir);
    this.git(this.dir, ['init', '--quiet', '--bare', '--initial-branch=main', this.origin]);
    const seed = join(this.dir, 'seed');
    this.git(this.dir, ['init', '--quiet', '--initial-branch=main', seed]);
    this.identity(seed, 'Maintainer', 'maintainer@example.test');
    write(join(seed, '.gitignore'), 'node_modules/\ngenerated/dist/\n');
    write(join(seed, 'README.md'), '# notai-codegen\n');
    write(join(seed, 'spec', 'spec.lock.json'), '{ "current": "1.0.17.0" }\n');
    write(join(seed, 'spec', '1.0.17.0', 'openapi.json'), '{ "info": { "version": "1.0.17.0" } }\n');
    write(join(seed, 'generated', 'package.json'), '{ "name": "notai-client", "version": "1.0.17" }\n');
    write(join(seed, 'generated', 'src', 'client.ts'), 'export const version = "1.0.17";\n');
    write(join(seed, 'generated-mcp', 'package.json'), '{ "name": "notai-mcp", "version": "1.0.17" }\n');
    write(join(seed, 'package-lock.json'), '{ "packages": { "generated": { "version": "1.0.17" } } }\n');
    this.git(seed, ['add', '--all']);
    this.git(seed, ['commit', '--quiet', '-m', 'Initial']);
    this.git(seed, ['remote', 'add', 'origin', this.origin]);
    this.git(seed, ['push', '--quiet', 'origin', 'main']);
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return cleanEnv(bin, { GH_STUB_LOG: this.ghLog, GH_STUB_STATE: this.ghState, ...extra });
  }

  git(cwd: string, args: string[]): string {
    const r = spawnSync('git', args, { cwd, env: this.env(), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  }

  private identity(repo: string, name: string, email: string): void {
    this.git(repo, ['config', 'user.name', name]);
    this.git(repo, ['config', 'user.email', email]);
  }

  /** A fresh one-commit-deep clone of main, as actions/checkout makes it. */
  checkout(name: string, identity: [string, string] = ['notai-codegen bot', 'bot@example.test']): string {
    const dir = join(this.dir, name);
    this.git(this.dir, ['clone', '--quiet', '--depth=1', '--branch', 'main', `file://${this.origin}`, dir]);
    this.identity(dir, ...identity);
    return dir;
  }

  /** What `npm run spec:release` leaves in the checkout, then the script. */
  release(r: Release, env: Record<string, string> = {}): Outcome {
    const n = ++this.runs;
    const dir = this.checkout(`run-${n}`);
    // Outside the release paths: never committed by the script.
    write(join(dir, 'README.md'), '# edited by a step that is not the release\n');
    write(join(dir, 'stray.txt'), 'left behind\n');
    write(join(dir, 'generated', 'dist', 'index.js'), 'built output, ignored\n');
    if (!r.unchanged) {
      const fetchedAt = r.day === undefined ? 'null' : `"${r.day}T06:17:03.512Z"`;
      write(join(dir, 'spec', 'spec.lock.json'), `{\n  "current": "${r.spec}",\n  "versions": {\n    "${r.spec}": {\n      "etag": null,\n      "fetchedAt": ${fetchedAt}\n    }\n  }\n}\n`);
      write(join(dir, 'spec', r.spec, 'openapi.json'), `{ "info": { "version": "${r.spec}" } }\n`);
      write(join(dir, 'generated', 'package.json'), `{ "name": "notai-client", "version": "${r.pkg}" }\n`);
      write(join(dir, 'generated', 'src', 'client.ts'), `export const version = "${r.pkg}";\n${r.content ?? ''}`);
      write(join(dir, 'generated', 'CHANGELOG.md'), `# Changelog\n\n## ${r.pkg} — ${r.day ?? '2026-12-01'} (spec ${r.spec})\n`);
      write(join(dir, 'generated-mcp', 'package.json'), `{ "name": "notai-mcp", "version": "${r.pkg}" }\n`);
      write(join(dir, 'package-lock.json'), `{ "packages": { "generated": { "version": "${r.pkg}" } } }\n`);
    }
    const report = join(this.dir, `report-${n}.md`);
    writeFileSync(report, r.report ?? `## Not AI spec ${r.spec}\n\nVerdict: ${r.verdict ?? 'minor'}\n`);
    const output = join(this.dir, `output-${n}.txt`);
    const before = this.calls().length;
    const result = runNode(
      script,
      dir,
      this.env({
        SPEC_VERSION: r.spec,
        PACKAGE_VERSION: r.pkg,
        VERDICT: r.verdict ?? 'minor',
        BREAKING: String(r.breaking ?? false),
        TESTS: r.tests ?? 'passed',
        REPORT_FILE: report,
        BASE_BRANCH: 'main',
        CI_WORKFLOW: 'ci.yml',
        GITHUB_OUTPUT: output,
        ...env,
      }),
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readOutputs(output), calls: this.calls().slice(before), checkout: dir };
  }

  calls(): string[][] {
    return readJsonLines<string[]>(this.ghLog);
  }

  state(): GhState {
    return existsSync(this.ghState) ? (JSON.parse(readFileSync(this.ghState, 'utf8')) as GhState) : { next: 1, prs: [], labels: [], workflowRuns: [] };
  }

  /** Branch → commit on the bare origin. */
  branches(): Record<string, string> {
    const lines = this.git(this.origin, ['for-each-ref', '--format=%(refname:short) %(objectname)', 'refs/heads']);
    return Object.fromEntries(lines.split('\n').filter(Boolean).map((l) => l.split(' ') as [string, string]));
  }

  onOrigin(args: string[]): string {
    return this.git(this.origin, args);
  }
}

const V1 = { spec: '1.0.18.0', pkg: '1.1.0' } as const;
const B1 = `${BRANCH_PREFIX}${V1.spec}`;
const V2 = { spec: '1.0.19.0', pkg: '1.2.0' } as const;
const B2 = `${BRANCH_PREFIX}${V2.spec}`;
const verbs = (calls: string[][]): string[] => calls.map((c) => c.slice(0, 2).join(' '));

// Each case runs git and the stubs a few dozen times: slow on a busy machine, not stuck.
describe('scripts/release-pr.ts', { timeout: scaled(120_000) }, () => {
  it('first release: one commit of the release paths on spec-release/<version>, a ready pull request, CI dispatched', () => {
    const sb = new Sandbox();
    const main = sb.branches().main;
    const run = sb.release({ ...V1, report: '## Diff\n\n- added `GET /v1/things`\n' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const branches = sb.branches();
    expect(Object.keys(branches).sort()).toEqual(['main', B1]);
    expect(sb.onOrigin(['rev-parse', `${B1}^`])).toBe(main);
    expect(sb.onOrigin(['log', '-1', '--format=%s', B1])).toBe('Spec 1.0.18.0: notai-client 1.1.0 (minor)');
    expect(sb.onOrigin(['log', '-1', '--format=%B', B1])).toContain(`${TRAILER}: ${B1}`);
    expect(sb.onOrigin(['log', '-1', '--format=%ce', B1])).toBe('bot@example.test');
    expect(sb.onOrigin(['diff', '--name-only', 'main', B1]).split('\n').sort()).toEqual([
      'generated-mcp/package.json',
      'generated/CHANGELOG.md',
      'generated/package.json',
      'generated/src/client.ts',
      'package-lock.json',
      'spec/1.0.18.0/openapi.json',
      'spec/spec.lock.json',
    ]);

    expect(verbs(run.calls)).toEqual(['pr list', 'pr create', 'pr list', 'pr list', 'workflow run']);
    const create = run.calls[1] ?? [];
    expect(create.slice(0, 8)).toEqual(['pr', 'create', '--base', 'main', '--head', B1, '--title', 'Not AI spec 1.0.18.0 → notai-client 1.1.0 (minor)']);
    expect(create).not.toContain('--draft');
    expect(run.calls[4]).toEqual(['workflow', 'run', 'ci.yml', '--ref', B1]);

    const [pr] = sb.state().prs;
    expect(pr).toMatchObject({ number: 1, headRefName: B1, baseRefName: 'main', state: 'OPEN', isDraft: false, labels: [], body: '## Diff\n\n- added `GET /v1/things`\n' });
    expect(run.outputs).toEqual({
      branch: B1,
      pushed: 'true',
      pr_number: '1',
      pr_url: 'https://github.test/acme/notai/pull/1',
      head_sha: branches[B1],
      draft: 'false',
    });
    // The checkout is left as it was: HEAD on main, nothing staged.
    expect(sb.git(run.checkout, ['rev-parse', 'HEAD'])).toBe(main);
    expect(sb.git(run.checkout, ['diff', '--cached', '--name-only'])).toBe('');
  });

  it('a rerun of the same version with the same content pushes nothing and refreshes the pull request', () => {
    const sb = new Sandbox();
    expect(sb.release(V1).status).toBe(0);
    const tip = sb.branches()[B1];
    const run = sb.release({ ...V1, report: 'the report, rewritten\n' });
    expect(run.status).toBe(0);
    expect(sb.branches()[B1]).toBe(tip);
    expect(verbs(run.calls)).toEqual(['pr list', 'pr edit', 'pr list']);
    expect(run.calls[1]?.slice(0, 5)).toEqual(['pr', 'edit', '1', '--title', 'Not AI spec 1.0.18.0 → notai-client 1.1.0 (minor)']);
    expect(run.calls[1]).not.toContain('--add-label');
    expect(run.calls[1]).not.toContain('--remove-label');
    expect(sb.state().prs).toHaveLength(1);
    expect(sb.state().prs[0]?.body).toBe('the report, rewritten\n');
    expect(sb.state().workflowRuns).toHaveLength(1);
    expect(run.outputs).toMatchObject({ pushed: 'false', pr_number: '1', head_sha: tip });
  });

  it('a rerun on a later day, whose pin and changelog carry only a new date, pushes nothing', () => {
    const sb = new Sandbox();
    expect(sb.release({ ...V1, day: '2026-12-07' }).status).toBe(0);
    const tip = sb.branches()[B1];
    const run = sb.release({ ...V1, day: '2026-12-08' });
    expect(run.status).toBe(0);
    expect(sb.branches()[B1]).toBe(tip);
    expect(run.outputs).toMatchObject({ pushed: 'false' });
    // Anything else that differs is a new release of the version, and is pushed.
    const changed = sb.release({ ...V1, day: '2026-12-09', content: 'export const more = 1;\n' });
    expect(changed.outputs).toMatchObject({ pushed: 'true' });
  });

  it('a re-published version (pinned as <version>+sha.<hash>) gets its own branch', () => {
    const sb = new Sandbox();
    const run = sb.release({ spec: '1.0.18.0+sha.1a2b3c4d', pkg: '1.1.1' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Object.keys(sb.branches())).toContain(`${BRANCH_PREFIX}1.0.18.0+sha.1a2b3c4d`);
  });

  it("a run for an older version leaves a newer version's pull request open", () => {
    const sb = new Sandbox();
    expect(sb.release(V2).status).toBe(0);
    const run = sb.release(V1);
    expect(run.status).toBe(0);
    expect(sb.state().prs.map((p) => [p.headRefName, p.state])).toEqual([
      [B2, 'OPEN'],
      [B1, 'OPEN'],
    ]);
  });

  it('a rerun after main moved rebuilds the branch on the new main and force-pushes it', () => {
    const sb = new Sandbox();
    expect(sb.release(V1).status).toBe(0);
    const first = sb.branches()[B1];
    const other = sb.checkout('maintainer', ['Maintainer', 'maintainer@example.test']);
    write(join(other, 'README.md'), '# notai-codegen, edited on main\n');
    sb.git(other, ['commit', '--quiet', '-am', 'Docs']);
    sb.git(other, ['push', '--quiet', 'origin', 'main']);

    const run = sb.release(V1);
    expect(run.status).toBe(0);
    const tip = sb.branches()[B1];
    expect(tip).not.toBe(first);
    expect(sb.onOrigin(['rev-parse', `${tip}^`])).toBe(sb.branches().main);
    expect(sb.onOrigin(['rev-list', '--count', `main..${B1}`])).toBe('1');
    expect(verbs(run.calls)).toEqual(['pr list', 'pr edit', 'pr list', 'workflow run']);
    expect(sb.state().workflowRuns).toEqual([
      { workflow: 'ci.yml', ref: B1 },
      { workflow: 'ci.yml', ref: B1 },
    ]);
  });

  it('a newer version closes the open pull request of the older one, with a pointer, and deletes its branch', () => {
    const sb = new Sandbox();
    expect(sb.release(V1).status).toBe(0);
    // Someone's fork happens to use the same branch name: not this workflow's to close.
    const state = sb.state();
    state.prs.push({ number: 2, headRefName: `${BRANCH_PREFIX}9.9.9`, baseRefName: 'main', title: 'fork', body: '', isDraft: false, labels: [], state: 'OPEN', comments: [], fork: true });
    state.next = 3;
    writeFileSync(sb.ghState, JSON.stringify(state));
    const run = sb.release(V2);
    expect(run.status).toBe(0);
    expect(Object.keys(sb.branches()).sort()).toEqual(['main', B2]);
    expect(verbs(run.calls)).toEqual(['pr list', 'pr create', 'pr list', 'pr list', 'pr close', 'workflow run']);
    const [older, fork, newer] = sb.state().prs;
    expect(fork).toMatchObject({ number: 2, state: 'OPEN', comments: [] });
    expect(newer).toMatchObject({ number: 3, headRefName: B2, state: 'OPEN' });
    expect(older).toMatchObject({ number: 1, headRefName: B1, state: 'CLOSED' });
    expect(older?.comments).toEqual(['Superseded by #3 (Not AI spec 1.0.19.0). Its branch is deleted; the commits stay on this pull request.']);
    expect(run.outputs).toMatchObject({ branch: B2, pr_number: '3', pushed: 'true' });
  });

  it('a breaking release opens a draft labelled breaking; a later clean run of the version makes it ready', () => {
    const sb = new Sandbox();
    const breaking = sb.release({ spec: V1.spec, pkg: '2.0.0', verdict: 'major', breaking: true, tests: 'failed' });
    expect(breaking.status).toBe(0);
    expect(verbs(breaking.calls)).toEqual(['pr list', 'label create', 'pr create', 'pr list', 'pr list', 'workflow run']);
    expect(breaking.calls[1]).toEqual(['label', 'create', 'breaking', '--color', 'B60205', '--description', expect.any(String), '--force']);
    expect(breaking.calls[2]?.slice(-3)).toEqual(['--draft', '--label', 'breaking']);
    expect(sb.state().prs[0]).toMatchObject({ isDraft: true, labels: ['breaking'], title: 'Not AI spec 1.0.18.0 → notai-client 2.0.0 (major)' });
    expect(breaking.outputs.draft).toBe('true');
    // Nothing else is published from it: the branch is there for review, main is untouched.
    expect(sb.onOrigin(['log', '-1', '--format=%s', 'main'])).toBe('Initial');

    const clean = sb.release({ ...V1, content: '// the hand-written code no longer needs the removed field\n' });
    expect(clean.status).toBe(0);
    expect(verbs(clean.calls)).toEqual(['pr list', 'pr edit', 'pr ready', 'pr list', 'workflow run']);
    expect(clean.calls[1]?.slice(-2)).toEqual(['--remove-label', 'breaking']);
    expect(clean.calls[2]).toEqual(['pr', 'ready', '1']);
    expect(sb.state().prs[0]).toMatchObject({ isDraft: false, labels: [], title: 'Not AI spec 1.0.18.0 → notai-client 1.1.0 (minor)' });
  });

  it('failing tests turn a ready pull request back into a labelled draft', () => {
    const sb = new Sandbox();
    expect(sb.release(V1).status).toBe(0);
    const failing = sb.release({ ...V1, tests: 'failed', content: '// regenerated\n', report: '## Diff\n\n### Failing tests\n\n- test/app.test.ts > uses Thing.name\n' });
    expect(failing.status).toBe(0);
    expect(verbs(failing.calls)).toEqual(['pr list', 'label create', 'pr edit', 'pr ready', 'pr list', 'workflow run']);
    expect(failing.calls[2]?.slice(-2)).toEqual(['--add-label', 'breaking']);
    expect(failing.calls[3]).toEqual(['pr', 'ready', '1', '--undo']);
    expect(sb.state().prs[0]).toMatchObject({ isDraft: true, labels: ['breaking'] });
    expect(sb.state().prs[0]?.body).toContain('uses Thing.name');
  });

  it('an unchanged spec touches nothing: no gh call, no branch, no commit', () => {
    const sb = new Sandbox();
    const before = sb.branches();
    const run = sb.release({ ...V1, unchanged: true });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('nothing to commit');
    expect(run.calls).toEqual([]);
    expect(sb.branches()).toEqual(before);
    expect(run.outputs).toEqual({ branch: B1, pushed: 'false', pr_number: '' });
    expect(sb.git(run.checkout, ['diff', '--cached', '--name-only'])).toBe('');
  });

  it('does not reopen a version whose pull request a reviewer closed', () => {
    const sb = new Sandbox();
    expect(sb.release(V1).status).toBe(0);
    const tip = sb.branches()[B1];
    const state = sb.state();
    for (const pr of state.prs) pr.state = 'CLOSED';
    writeFileSync(sb.ghState, JSON.stringify(state));
    const run = sb.release({ ...V1, content: '// regenerated\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::notice::.*#1 .* was closed/m);
    expect(verbs(run.calls)).toEqual(['pr list']);
    expect(sb.branches()[B1]).toBe(tip);
  });

  it('leaves a branch someone pushed to as it is', () => {
    const sb = new Sandbox();
    expect(sb.release(V1).status).toBe(0);
    const human = sb.checkout('human', ['Reviewer', 'reviewer@example.test']);
    sb.git(human, ['fetch', '--quiet', 'origin', `${B1}:${B1}`]);
    sb.git(human, ['switch', '--quiet', B1]);
    write(join(human, 'generated', 'src', 'fix.ts'), 'export const fixed = true;\n');
    sb.git(human, ['add', '--all']);
    sb.git(human, ['commit', '--quiet', '-m', 'Adapt the hand-written code']);
    sb.git(human, ['push', '--quiet', 'origin', B1]);
    const tip = sb.branches()[B1];

    const run = sb.release({ ...V1, content: '// regenerated\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::warning::.*did not make/m);
    expect(sb.branches()[B1]).toBe(tip);
    expect(verbs(run.calls)).toEqual(['pr list']);
    expect(run.outputs).toMatchObject({ pushed: 'false', pr_number: '1' });
  });

  it('refuses bad input before touching git or gh', () => {
    const sb = new Sandbox();
    const bad: Record<string, string>[] = [{ SPEC_VERSION: '1.0.18.0; touch pwned' }, { SPEC_VERSION: '1..0' }, { TESTS: '' }, { BREAKING: 'yes' }, { REPORT_FILE: join(sb.dir, 'missing.md') }];
    for (const env of bad) {
      const run = sb.release(V1, env);
      expect(run.status, JSON.stringify(env)).toBe(2);
      expect(run.stderr).toMatch(new RegExp(Object.keys(env)[0] ?? ''));
      expect(run.calls).toEqual([]);
    }
    expect(Object.keys(sb.branches())).toEqual(['main']);
  });

  it('runs under tsx, as the workflow starts it', () => {
    const sb = new Sandbox();
    const dir = sb.checkout('tsx');
    const report = join(sb.dir, 'report.md');
    writeFileSync(report, 'report\n');
    const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'scripts', 'release-pr.ts')], {
      cwd: dir,
      env: sb.env({ SPEC_VERSION: V1.spec, PACKAGE_VERSION: V1.pkg, VERDICT: 'minor', BREAKING: 'false', TESTS: 'passed', REPORT_FILE: report }),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('nothing to commit');
  });
});

describe('release-pr inputs and body', () => {
  const env = { SPEC_VERSION: '1.0.18.0', PACKAGE_VERSION: '1.1.0', VERDICT: 'minor', BREAKING: 'false', TESTS: 'passed', REPORT_FILE: join(ROOT, 'package.json') };

  it('reads every input from the environment', () => {
    expect(readInputs(env)).toEqual({
      specVersion: '1.0.18.0',
      packageVersion: '1.1.0',
      verdict: 'minor',
      breaking: false,
      tests: 'passed',
      reportFile: env.REPORT_FILE,
      baseBranch: undefined,
      remote: 'origin',
      ciWorkflow: undefined,
    });
    expect(() => readInputs({ ...env, VERDICT: 'huge' })).toThrow(/VERDICT must be one of major, minor, patch/);
    expect(() => readInputs({ ...env, PACKAGE_VERSION: '1.1' })).toThrow(/PACKAGE_VERSION/);
    expect(() => readInputs({ ...env, SPEC_VERSION: '../main' })).toThrow(/SPEC_VERSION/);
    expect(() => readInputs({ ...env, SPEC_VERSION: '1.0.lock' })).toThrow(/SPEC_VERSION/);
    expect(() => readInputs({ ...env, CI_WORKFLOW: 'ci.yml; rm -rf /' })).toThrow(/CI_WORKFLOW/);
  });

  it('cuts a report GitHub would refuse at a line, and says so', () => {
    const report = Array.from({ length: 5000 }, (_, i) => `- change ${i}: a response field became optional`).join('\n');
    expect(report.length).toBeGreaterThan(65_536);
    const body = prBody(report);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY);
    expect(body).toMatch(/- change \d+: a response field became optional\n\n… the report is truncated here/);
    expect(prBody('short\n')).toBe('short\n');
  });
});

// Opens or updates the pull request for a spec release. Run by .github/workflows/spec-release.yml
// after `npm run spec:release` has rewritten spec/, generated/, generated-mcp/ and
// package-lock.json in the checkout:
//
//   SPEC_VERSION=… PACKAGE_VERSION=… VERDICT=… BREAKING=… TESTS=… REPORT_FILE=… npx tsx scripts/release-pr.ts
//
// Every input comes from the environment (readInputs), so nothing a spec publishes is ever
// interpolated into a shell line. The commit goes on `spec-release/<spec version>`, one commit on
// top of the checked-out base, force-pushed with a lease on the tip this run fetched: reruns
// succeed, and a rerun with the same content pushes nothing. Breaking releases and failing tests
// make a draft labelled `breaking`; an open pull request of an older version is closed as
// superseded. docs/decisions.md #46 says why.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareVersions } from '../generator/spec-store/versions.js';

export const BRANCH_PREFIX = 'spec-release/';
/** What a spec release changes; nothing else in the checkout is committed. */
export const RELEASE_PATHS = ['spec', 'generated', 'generated-mcp', 'package-lock.json'] as const;
export const LABEL = 'breaking';
/** Marks the commits this script makes, so a branch a person pushed to is never overwritten. */
export const TRAILER = 'Release-PR';
/** GitHub refuses a pull request body over 65,536 characters; leave room for the note. */
export const MAX_BODY = 65_000;

const VERDICTS = ['major', 'minor', 'patch'] as const;
const TEST_RESULTS = ['passed', 'failed', 'skipped'] as const;
type Verdict = (typeof VERDICTS)[number];
type TestResult = (typeof TEST_RESULTS)[number];

export interface ReleaseInputs {
  specVersion: string;
  packageVersion: string;
  verdict: Verdict;
  breaking: boolean;
  tests: TestResult;
  reportFile: string;
  /** The branch the pull request targets; the checkout's branch when unset. */
  baseBranch: string | undefined;
  remote: string;
  /** A workflow file to dispatch on the pushed branch (GITHUB_TOKEN pushes trigger no workflow). */
  ciWorkflow: string | undefined;
}

export class InputError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new InputError(`${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value ?? '')})`);
  return found;
}

function matching(name: string, value: string | undefined, pattern: RegExp, what: string): string {
  if (value === undefined || value === '') throw new InputError(`${name} is not set`);
  if (!pattern.test(value)) throw new InputError(`${name} must be ${what} (got ${JSON.stringify(value)})`);
  return value;
}

/** Reads and validates the environment; throws InputError naming the variable at fault. */
export function readInputs(env: NodeJS.ProcessEnv): ReleaseInputs {
  // The spec version names a branch: letters, digits, dots, dashes, underscores and `+` (a
  // re-published version is pinned as `1.0.17.0+sha.1a2b3c4d`) only.
  const specVersion = matching('SPEC_VERSION', env.SPEC_VERSION, /^[0-9A-Za-z](?:[0-9A-Za-z_+-]|\.(?!\.)){0,99}$/, 'a version such as 1.0.18.0');
  if (specVersion.endsWith('.') || specVersion.endsWith('.lock')) throw new InputError(`SPEC_VERSION cannot name a branch (got ${JSON.stringify(specVersion)})`);
  const packageVersion = matching('PACKAGE_VERSION', env.PACKAGE_VERSION, /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'a semver version');
  const reportFile = matching('REPORT_FILE', env.REPORT_FILE, /./, 'a file');
  if (!existsSync(reportFile)) throw new InputError(`REPORT_FILE ${reportFile} does not exist`);
  const baseBranch = env.BASE_BRANCH ? matching('BASE_BRANCH', env.BASE_BRANCH, /^[0-9A-Za-z][0-9A-Za-z._/-]*$/, 'a branch name') : undefined;
  const ciWorkflow = env.CI_WORKFLOW ? matching('CI_WORKFLOW', env.CI_WORKFLOW, /^[0-9A-Za-z_.-]+\.ya?ml$/, 'a workflow file name') : undefined;
  return {
    specVersion,
    packageVersion,
    verdict: oneOf('VERDICT', env.VERDICT, VERDICTS),
    breaking: oneOf('BREAKING', env.BREAKING, ['true', 'false']) === 'true',
    tests: oneOf('TESTS', env.TESTS, TEST_RESULTS),
    reportFile,
    baseBranch,
    remote: env.REMOTE ? matching('REMOTE', env.REMOTE, /^[0-9A-Za-z_.-]+$/, 'a remote name') : 'origin',
    ciWorkflow,
  };
}

export const branchName = (i: ReleaseInputs): string => `${BRANCH_PREFIX}${i.specVersion}`;

/** A release a reviewer must look at before anything can be published: draft, labelled. */
export const needsReview = (i: ReleaseInputs): boolean => i.breaking || i.verdict === 'major' || i.tests === 'failed';

export const prTitle = (i: ReleaseInputs): string => `Not AI spec ${i.specVersion} → notai-client ${i.packageVersion} (${i.verdict})`;

export function commitMessage(i: ReleaseInputs): string {
  const draft = i.tests === 'failed' ? ' It is a draft: the tests fail on it.' : needsReview(i) ? ' It is a draft: it breaks clients.' : '';
  return [
    `Spec ${i.specVersion}: notai-client ${i.packageVersion} (${i.verdict})`,
    '',
    `Not AI published spec ${i.specVersion}. This pins it and regenerates notai-client and notai-mcp`,
    `from it (verdict ${i.verdict}, tests ${i.tests}), made by the spec-release workflow for review:`,
    `nothing is published until its pull request is merged.${draft}`,
    '',
    `${TRAILER}: ${branchName(i)}`,
    '',
  ].join('\n');
}

/** The report as a pull request body, cut at a line boundary when GitHub would refuse it. */
export function prBody(report: string): string {
  if (report.length <= MAX_BODY) return report;
  const note = `\n\n… the report is truncated here (${report.length} characters; GitHub allows 65,536 in a pull request body). Run \`notai-codegen diff\` on the two pinned specs for all of it.\n`;
  const room = MAX_BODY - note.length;
  const cut = report.lastIndexOf('\n', room);
  return report.slice(0, cut > 0 ? cut : room) + note;
}

// ---- processes -------------------------------------------------------------------------------

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

class CommandError extends Error {}

function run(cmd: string, args: readonly string[], opts: { env?: NodeJS.ProcessEnv; input?: string; allowFail?: boolean } = {}): Run {
  const result = spawnSync(cmd, args, { encoding: 'utf8', env: opts.env ?? process.env, input: opts.input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new CommandError(`${cmd} ${args.join(' ')}: ${result.error.message}`);
  const out: Run = { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  if (out.status !== 0 && !opts.allowFail) throw new CommandError(`${cmd} ${args.join(' ')} exited ${out.status}: ${out.stderr.trim() || out.stdout.trim()}`);
  return out;
}

const git = (args: readonly string[], opts?: Parameters<typeof run>[2]): string => run('git', args, opts).stdout.trim();

function gh(args: readonly string[]): string {
  process.stdout.write(`release-pr: gh ${args.map((a) => (/^[\w./:=@#-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}\n`);
  return run('gh', args).stdout.trim();
}

// ---- pull requests ---------------------------------------------------------------------------

export interface PullRequest {
  number: number;
  url: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  labels: string[];
  headRefName: string;
  /** From a fork: never one of this workflow's. */
  isCrossRepository: boolean;
}

const PR_FIELDS = 'number,url,state,isDraft,labels,headRefName,isCrossRepository';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `gh pr list --json <PR_FIELDS>` output, checked field by field. */
export function parsePullRequests(text: string): PullRequest[] {
  const data: unknown = JSON.parse(text === '' ? '[]' : text);
  if (!Array.isArray(data)) throw new Error(`gh pr list: expected a JSON array, got ${text.slice(0, 200)}`);
  return data.map((item: unknown): PullRequest => {
    if (!isRecord(item)) throw new Error('gh pr list: an entry is not an object');
    const { number, url, state, isDraft, labels, headRefName, isCrossRepository } = item;
    if (typeof number !== 'number' || typeof url !== 'string' || typeof headRefName !== 'string' || typeof isDraft !== 'boolean' || typeof isCrossRepository !== 'boolean')
      throw new Error(`gh pr list: unexpected entry ${JSON.stringify(item).slice(0, 200)}`);
    if (state !== 'OPEN' && state !== 'CLOSED' && state !== 'MERGED') throw new Error(`gh pr list: unexpected state ${String(state)}`);
    const names = Array.isArray(labels) ? labels.flatMap((l: unknown) => (isRecord(l) && typeof l.name === 'string' ? [l.name] : [])) : [];
    return { number, url, state, isDraft, labels: names, headRefName, isCrossRepository };
  });
}

const listPullRequests = (extra: readonly string[]): PullRequest[] => parsePullRequests(gh(['pr', 'list', ...extra, '--json', PR_FIELDS]));

// ---- git -------------------------------------------------------------------------------------

/** The tip of a remote branch, fetched (one commit deep) so its tree and message can be read. */
function fetchRemoteTip(remote: string, branch: string): string | undefined {
  const listed = git(['ls-remote', '--heads', remote, `refs/heads/${branch}`]);
  if (listed === '') return undefined;
  const tracking = `refs/remotes/${remote}/${branch}`;
  git(['fetch', '--quiet', '--no-tags', '--depth=1', remote, `+refs/heads/${branch}:${tracking}`]);
  return git(['rev-parse', '--verify', `${tracking}^{commit}`]);
}

/** Made by this script with this run's identity: safe to replace or delete. */
function isOurCommit(sha: string): boolean {
  const ident = git(['var', 'GIT_COMMITTER_IDENT']);
  const ours = /<([^>]*)>/.exec(ident)?.[1];
  const [email = '', ...body] = git(['log', '-1', '--format=%ce%n%B', sha]).split('\n');
  return email === ours && body.some((line) => line.startsWith(`${TRAILER}: ${BRANCH_PREFIX}`));
}

/** The tree of HEAD with the release paths as they are in the working tree; the index is left alone. */
function releaseTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-pr-'));
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(dir, 'index') };
    git(['read-tree', 'HEAD'], { env });
    const paths = RELEASE_PATHS.filter((p) => existsSync(p) || git(['ls-tree', '--name-only', 'HEAD', '--', p]) !== '');
    if (paths.length > 0) git(['add', '--all', '--', ...paths], { env });
    return git(['write-tree'], { env });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Files a rerun of one release rewrites with only a new date: the pin's fetch time, the changelog entry's date. */
const VOLATILE: Readonly<Record<string, (text: string) => string>> = {
  'spec/spec.lock.json': (text) => text.replace(/"(fetchedAt|etag)": (?:"[^"]*"|null)/g, '"$1": null'),
  'generated/CHANGELOG.md': (text) => text.replace(/^(## \S+ — )\d{4}-\d{2}-\d{2}/m, '$1date'),
  'generated-mcp/CHANGELOG.md': (text) => text.replace(/^(## \S+ — )\d{4}-\d{2}-\d{2}/m, '$1date'),
};

/**
 * Whether two trees hold the same release: identical, or differing only in when it was fetched
 * and dated. The daily rerun of an open release must push nothing (a push re-runs CI and may
 * dismiss a reviewer's approval), though its fetch time and date are new.
 */
export function sameRelease(a: string, b: string): boolean {
  if (a === b) return true;
  const changed = git(['diff', '--name-only', '--no-renames', a, b]).split('\n').filter(Boolean);
  return changed.every((path) => {
    const normalise = VOLATILE[path];
    if (normalise === undefined) return false;
    const read = (tree: string): string => run('git', ['cat-file', 'blob', `${tree}:${path}`], { allowFail: true }).stdout;
    return normalise(read(a)) === normalise(read(b));
  });
}

function setOutputs(values: Record<string, string>): void {
  const lines = Object.entries(values).map(([k, v]) => `${k}=${v}\n`).join('');
  process.stdout.write(`release-pr: ${lines.trim().replaceAll('\n', ', ')}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, lines);
}

// ---- the run ---------------------------------------------------------------------------------

export function main(env: NodeJS.ProcessEnv): void {
  const log = (line: string): void => void process.stdout.write(`release-pr: ${line}\n`);
  // Workflow commands must start their line for Actions to show them as annotations.
  const annotate = (kind: 'notice' | 'warning', line: string): void => void process.stdout.write(`::${kind}::release-pr: ${line}\n`);
  const inputs = readInputs(env);
  process.chdir(git(['rev-parse', '--show-toplevel']));
  const branch = branchName(inputs);
  const base = inputs.baseBranch ?? git(['symbolic-ref', '--short', 'HEAD']);
  const { remote } = inputs;

  const tree = releaseTree();
  if (tree === git(['rev-parse', 'HEAD^{tree}'])) {
    log(`nothing to commit: ${RELEASE_PATHS.join(', ')} are as on ${base}`);
    setOutputs({ branch, pushed: 'false', pr_number: '' });
    return;
  }

  const prs = listPullRequests(['--head', branch, '--state', 'all']).filter((p) => !p.isCrossRepository);
  let open = prs.find((p) => p.state === 'OPEN');
  if (!open && prs.length > 0) {
    // A reviewer closed (or merged) this version's pull request; the daily run must not reopen it.
    annotate('notice', `pull request #${prs[0]?.number} for ${branch} was ${prs[0]?.state.toLowerCase()}; reopen it to get this release reviewed`);
    setOutputs({ branch, pushed: 'false', pr_number: '' });
    return;
  }

  const tip = fetchRemoteTip(remote, branch);
  let head = tip;
  let pushed = false;
  if (tip !== undefined && sameRelease(git(['rev-parse', `${tip}^{tree}`]), tree)) {
    log(`${branch} already holds this content (${tip.slice(0, 12)}); nothing pushed`);
  } else if (tip !== undefined && !isOurCommit(tip)) {
    annotate('warning', `${branch} has commits the release workflow did not make; leaving the branch and its pull request as they are`);
    setOutputs({ branch, pushed: 'false', pr_number: open ? String(open.number) : '' });
    return;
  } else {
    head = git(['commit-tree', tree, '-p', 'HEAD', '-F', '-'], { input: commitMessage(inputs) });
    // The lease is the tip fetched above (or "absent"): a fresh checkout has no remote-tracking
    // ref for the branch, so a bare --force-with-lease would have nothing to compare with.
    git(['push', '--quiet', `--force-with-lease=refs/heads/${branch}:${tip ?? ''}`, remote, `${head}:refs/heads/${branch}`]);
    pushed = true;
    log(`pushed ${head.slice(0, 12)} to ${branch}${tip ? ` (was ${tip.slice(0, 12)})` : ''}`);
  }

  const review = needsReview(inputs);
  const bodyDir = mkdtempSync(join(tmpdir(), 'release-pr-body-'));
  try {
    const bodyFile = join(bodyDir, 'body.md');
    writeFileSync(bodyFile, prBody(readFileSync(inputs.reportFile, 'utf8')));
    if (review) gh(['label', 'create', LABEL, '--color', 'B60205', '--description', 'Client-breaking spec change or failing tests: review before merging', '--force']);
    if (!open) {
      const url = gh(['pr', 'create', '--base', base, '--head', branch, '--title', prTitle(inputs), '--body-file', bodyFile, ...(review ? ['--draft', '--label', LABEL] : [])]);
      open = listPullRequests(['--head', branch, '--state', 'open']).find((p) => !p.isCrossRepository);
      if (!open) throw new Error(`gh pr create printed ${url} but no open pull request has head ${branch}`);
    } else {
      const has = open.labels.includes(LABEL);
      const label = review && !has ? ['--add-label', LABEL] : !review && has ? ['--remove-label', LABEL] : [];
      gh(['pr', 'edit', String(open.number), '--title', prTitle(inputs), '--body-file', bodyFile, ...label]);
      if (review && !open.isDraft) gh(['pr', 'ready', String(open.number), '--undo']);
      if (!review && open.isDraft) gh(['pr', 'ready', String(open.number)]);
    }
  } finally {
    rmSync(bodyDir, { recursive: true, force: true });
  }
  log(`${open.url}${review ? ' (draft, labelled breaking)' : ''}`);

  // One version is reviewed at a time: older spec-release pull requests are superseded (a run for
  // an older version, e.g. another region's, never closes a newer one).
  for (const old of listPullRequests(['--state', 'open', '--limit', '100'])) {
    if (old.isCrossRepository || !old.headRefName.startsWith(BRANCH_PREFIX) || old.headRefName === branch) continue;
    if (compareVersions(old.headRefName.slice(BRANCH_PREFIX.length), inputs.specVersion) > 0) continue;
    const oldTip = fetchRemoteTip(remote, old.headRefName);
    const deletable = oldTip !== undefined && isOurCommit(oldTip);
    const kept = oldTip === undefined ? '' : deletable ? ' Its branch is deleted; the commits stay on this pull request.' : ' Its branch has commits the release workflow did not make, so it is kept.';
    gh(['pr', 'close', String(old.number), '--comment', `Superseded by #${open.number} (Not AI spec ${inputs.specVersion}).${kept}`]);
    if (deletable) git(['push', '--quiet', `--force-with-lease=refs/heads/${old.headRefName}:${oldTip}`, remote, `:refs/heads/${old.headRefName}`]);
  }

  // Pushes made with GITHUB_TOKEN start no workflow; a dispatch does, and its checks land on the
  // branch's head commit, i.e. on the pull request.
  if (pushed && inputs.ciWorkflow) gh(['workflow', 'run', inputs.ciWorkflow, '--ref', branch]);
  setOutputs({ branch, pushed: String(pushed), pr_number: String(open.number), pr_url: open.url, head_sha: head ?? '', draft: String(review) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.env);
  } catch (error) {
    process.stderr.write(`release-pr: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof InputError ? 2 : 1;
  }
}

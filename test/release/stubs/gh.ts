// A stand-in for the GitHub CLI in test/release: records each call (argv, one JSON line) in
// $GH_STUB_LOG and keeps pull requests, labels and workflow runs in $GH_STUB_STATE. It knows only
// the commands scripts/release-pr.ts uses and refuses what GitHub would refuse (a head branch
// missing from origin, an unknown label, editing a closed pull request).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface StubPullRequest {
  number: number;
  headRefName: string;
  baseRefName: string;
  title: string;
  body: string;
  isDraft: boolean;
  labels: string[];
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  comments: string[];
  /** Opened from a fork. */
  fork?: boolean;
}

export interface GhState {
  next: number;
  prs: StubPullRequest[];
  labels: string[];
  workflowRuns: { workflow: string; ref: string }[];
}

const BOOLEAN_FLAGS = new Set(['--draft', '--undo', '--force', '--delete-branch']);
const LIST_FLAGS = new Set(['--label', '--add-label', '--remove-label']);

interface Parsed {
  positionals: string[];
  flags: Map<string, string>;
  lists: Map<string, string[]>;
  booleans: Set<string>;
}

function parse(args: string[]): Parsed {
  const out: Parsed = { positionals: [], flags: new Map(), lists: new Map(), booleans: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) out.positionals.push(arg);
    else if (BOOLEAN_FLAGS.has(arg)) out.booleans.add(arg);
    else {
      const value = args[++i];
      if (value === undefined) fail(`flag needs an argument: ${arg}`);
      if (LIST_FLAGS.has(arg)) out.lists.set(arg, [...(out.lists.get(arg) ?? []), ...value.split(',')]);
      else out.flags.set(arg, value);
    }
  }
  return out;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const url = (n: number): string => `https://github.test/acme/notai/pull/${n}`;

function view(pr: StubPullRequest, fields: string[]): Record<string, unknown> {
  const all: Record<string, unknown> = {
    number: pr.number,
    url: url(pr.number),
    state: pr.state,
    isDraft: pr.isDraft,
    labels: pr.labels.map((name) => ({ id: `L_${name}`, name, description: '', color: 'ededed' })),
    headRefName: pr.headRefName,
    isCrossRepository: pr.fork ?? false,
    baseRefName: pr.baseRefName,
    title: pr.title,
  };
  return Object.fromEntries(fields.map((f) => {
    if (!(f in all)) fail(`Unknown JSON field: "${f}"`);
    return [f, all[f]];
  }));
}

function findOpen(state: GhState, ref: string | undefined): StubPullRequest {
  const pr = state.prs.find((p) => String(p.number) === ref || p.headRefName === ref);
  if (!pr) fail(`no pull requests found for ${ref}`);
  if (pr.state !== 'OPEN') fail(`pull request #${pr.number} is ${pr.state.toLowerCase()}`);
  return pr;
}

function requireLabels(state: GhState, labels: string[]): void {
  for (const l of labels) if (!state.labels.includes(l)) fail(`could not add label: '${l}' not found`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const logFile = process.env.GH_STUB_LOG;
  const stateFile = process.env.GH_STUB_STATE;
  if (!logFile || !stateFile) fail('gh stub: GH_STUB_LOG and GH_STUB_STATE must be set');
  appendFileSync(logFile, `${JSON.stringify(argv)}\n`);
  const state: GhState = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as GhState) : { next: 1, prs: [], labels: [], workflowRuns: [] };
  const [group, command, ...rest] = argv;
  const a = parse(rest);

  switch (`${group} ${command}`) {
    case 'pr list': {
      const head = a.flags.get('--head');
      const wanted = a.flags.get('--state') ?? 'open';
      const limit = Number(a.flags.get('--limit') ?? '30');
      const fields = (a.flags.get('--json') ?? fail('stub gh pr list needs --json')).split(',');
      const states: Record<string, StubPullRequest['state'][]> = { open: ['OPEN'], closed: ['CLOSED', 'MERGED'], merged: ['MERGED'], all: ['OPEN', 'CLOSED', 'MERGED'] };
      const matches = state.prs
        .filter((p) => (head === undefined || p.headRefName === head) && (states[wanted] ?? fail(`bad --state ${wanted}`)).includes(p.state))
        .sort((x, y) => y.number - x.number)
        .slice(0, limit);
      process.stdout.write(`${JSON.stringify(matches.map((p) => view(p, fields)))}\n`);
      break;
    }
    case 'pr create': {
      const head = a.flags.get('--head') ?? fail('stub gh pr create needs --head');
      const base = a.flags.get('--base') ?? fail('stub gh pr create needs --base');
      const remote = spawnSync('git', ['ls-remote', '--heads', 'origin', `refs/heads/${head}`], { encoding: 'utf8' });
      if (remote.stdout.trim() === '') fail(`pull request create failed: Head sha can't be blank, Head ref must be a branch (${head})`);
      if (state.prs.some((p) => p.headRefName === head && p.state === 'OPEN')) fail(`a pull request for branch "${head}" into branch "${base}" already exists`);
      const labels = a.lists.get('--label') ?? [];
      requireLabels(state, labels);
      const pr: StubPullRequest = {
        number: state.next++,
        headRefName: head,
        baseRefName: base,
        title: a.flags.get('--title') ?? fail('stub gh pr create needs --title'),
        body: readFileSync(a.flags.get('--body-file') ?? fail('stub gh pr create needs --body-file'), 'utf8'),
        isDraft: a.booleans.has('--draft'),
        labels,
        state: 'OPEN',
        comments: [],
      };
      state.prs.push(pr);
      process.stdout.write(`${url(pr.number)}\n`);
      break;
    }
    case 'pr edit': {
      const pr = findOpen(state, a.positionals[0]);
      const title = a.flags.get('--title');
      const bodyFile = a.flags.get('--body-file');
      if (title !== undefined) pr.title = title;
      if (bodyFile !== undefined) pr.body = readFileSync(bodyFile, 'utf8');
      const add = a.lists.get('--add-label') ?? [];
      requireLabels(state, add);
      const remove = a.lists.get('--remove-label') ?? [];
      pr.labels = [...pr.labels.filter((l) => !remove.includes(l)), ...add.filter((l) => !pr.labels.includes(l))];
      process.stdout.write(`${url(pr.number)}\n`);
      break;
    }
    case 'pr ready': {
      const pr = findOpen(state, a.positionals[0]);
      pr.isDraft = a.booleans.has('--undo');
      break;
    }
    case 'pr close': {
      const pr = findOpen(state, a.positionals[0]);
      pr.state = 'CLOSED';
      const comment = a.flags.get('--comment');
      if (comment !== undefined) pr.comments.push(comment);
      break;
    }
    case 'label create': {
      const name = a.positionals[0] ?? fail('stub gh label create needs a name');
      if (state.labels.includes(name)) {
        if (!a.booleans.has('--force')) fail(`label with name "${name}" already exists; use \`--force\` to update its color and description`);
      } else state.labels.push(name);
      break;
    }
    case 'workflow run': {
      const workflow = a.positionals[0] ?? fail('stub gh workflow run needs a workflow');
      state.workflowRuns.push({ workflow, ref: a.flags.get('--ref') ?? fail('stub gh workflow run needs --ref') });
      break;
    }
    default:
      fail(`stub gh: unsupported command: ${argv.join(' ')}`);
  }
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
}

main();

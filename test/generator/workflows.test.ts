import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, '.github', 'workflows');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  'runs-on'?: string;
  uses?: string;
  permissions?: Record<string, string> | string;
  environment?: string;
  steps?: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

async function load(name: string): Promise<Workflow> {
  const doc = parse(await readFile(join(DIR, name), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
  expect(typeof doc.name).toBe('string');
  for (const [id, job] of Object.entries(doc.jobs)) {
    expect(Boolean(job['runs-on']) !== Boolean(job.uses), `${id}: runs-on or a reusable workflow`).toBe(true);
    for (const step of job.steps ?? []) expect(Boolean(step.uses) !== Boolean(step.run), `${id}: a step has exactly one of uses/run`).toBe(true);
  }
  return doc;
}

const steps = (wf: Workflow): Step[] => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

async function all(): Promise<[string, Workflow][]> {
  const names = (await readdir(DIR)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(names.map(async (n): Promise<[string, Workflow]> => [n, await load(n)]));
}

describe('GitHub workflows', () => {
  it('pin every action to a full commit SHA, with the release it is in a comment', async () => {
    for (const [name, wf] of await all()) {
      const text = await readFile(join(DIR, name), 'utf8');
      const uses = [...steps(wf).map((s) => s.uses), ...Object.values(wf.jobs).map((j) => j.uses)].filter((u): u is string => u !== undefined);
      for (const u of uses) {
        if (u.startsWith('./')) continue; // a workflow of this repository, pinned by the commit itself
        expect(u, `${name}: ${u}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(text, `${name}: ${u} names its release`).toMatch(new RegExp(`uses: ${u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d+\\.\\d+\\.\\d+\\n`));
      }
    }
  });

  it('never interpolate an expression into a shell line: inputs reach run: through env:', async () => {
    for (const [name, wf] of await all()) for (const s of steps(wf)) expect(s.run ?? '', `${name}: ${s.name ?? s.run}`).not.toContain('${{');
  });

  it('grant nothing at the top and only what each job needs', async () => {
    const expected: Record<string, Record<string, Record<string, string>>> = {
      'ci.yml': { test: { contents: 'read' } },
      'spec-release.yml': { release: { contents: 'write', 'pull-requests': 'write', actions: 'write' } },
      'publish.yml': { publish: { contents: 'read', 'id-token': 'write' } },
    };
    const workflows = await all();
    expect(workflows.map(([n]) => n)).toEqual(Object.keys(expected).sort());
    for (const [name, wf] of workflows) {
      expect(wf.permissions, name).toEqual({});
      expect(Object.fromEntries(Object.entries(wf.jobs).map(([id, j]) => [id, j.permissions])), name).toEqual(expected[name]);
    }
  });

  it('spec-release runs on a schedule, by hand and on a spec-released dispatch, and opens the pull request through scripts/release-pr.ts', async () => {
    const wf = await load('spec-release.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['repository_dispatch', 'schedule', 'workflow_dispatch']);
    expect(wf.on.repository_dispatch).toEqual({ types: ['spec-released'] });
    const job = wf.jobs.release!;
    const release = job.steps!.find((s) => s.run?.includes('npm run spec:release'));
    expect(release?.id).toBe('release');
    expect(release?.run).toContain('--region "$REGION"');
    expect(release?.env?.REGION).toContain('inputs.region');

    const pr = job.steps!.find((s) => s.run?.includes('scripts/release-pr.ts'));
    expect(pr?.if).toBe("steps.release.outputs.changed == 'true'");
    expect(pr?.run).toMatch(/^git config user\.name .*\ngit config user\.email .*\ngh auth setup-git\nnpx tsx scripts\/release-pr\.ts\n$/);
    // The token reaches git in that step only: the checkout keeps none while tests run generated code.
    const checkout = job.steps!.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['persist-credentials']).toBe(false);
    // Every output of spec:release the script needs, under the name it reads.
    for (const [variable, output] of Object.entries({ SPEC_VERSION: 'spec_version', PACKAGE_VERSION: 'package_version', VERDICT: 'verdict', BREAKING: 'breaking', TESTS: 'tests' }))
      expect(pr?.env?.[variable], variable).toBe(`\${{ steps.release.outputs.${output} }}`);
    // The report spec:release writes is the body the script posts.
    expect(release?.run).toContain('--report "$RUNNER_TEMP/spec-diff.md"');
    expect(pr?.env?.REPORT_FILE).toBe('${{ runner.temp }}/spec-diff.md');
    expect(pr?.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(pr?.env?.BASE_BRANCH).toBe('${{ github.ref_name }}');
    // Committing, pushing and talking to GitHub happen in the tested script only.
    for (const s of job.steps!) expect(s.run ?? '', s.name ?? s.run).not.toMatch(/git (add|commit|push|switch|checkout)|gh (pr|label)/);
    expect(existsSync(join(ROOT, 'scripts', 'release-pr.ts'))).toBe(true);

    // The CI the script dispatches on the release branch exists and accepts a dispatch.
    const ciName = pr?.env?.CI_WORKFLOW ?? '';
    expect(ciName).toBe('ci.yml');
    expect((await load(ciName)).on).toHaveProperty('workflow_dispatch');
  });

  it('ci runs the drift check and the tests on every pull request', async () => {
    const wf = await load('ci.yml');
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.jobs.test!.steps!.some((s) => s.run === 'bash .ci/run')).toBe(true);
    const ciRun = await readFile(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ciRun).toMatch(/npm ci/);
    expect(ciRun).toMatch(/npm run check/);
    expect(ciRun).toMatch(/npm test/);
  });

  it('publish releases notai-client then notai-mcp from a merged release, a tag or by hand, with id-token only where it publishes', async () => {
    const wf = await load('publish.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['push', 'workflow_dispatch']);
    expect(wf.on.push).toEqual({ branches: ['main'], tags: ['v*'], paths: ['generated/package.json', 'generated-mcp/package.json'] });
    const withIdToken = Object.entries(wf.jobs).filter(([, j]) => typeof j.permissions === 'object' && j.permissions['id-token'] !== undefined);
    expect(withIdToken.map(([id]) => id)).toEqual(['publish']);
    const job = wf.jobs.publish!;
    const runs = job.steps!.map((s) => s.run).filter((r): r is string => r !== undefined);
    expect(runs).toEqual(['npm ci --no-audit --no-fund', 'npm run build', 'npx tsx scripts/publish-packages.ts']);
    const setupNode = job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['registry-url']).toBe('https://registry.npmjs.org');
    expect(setupNode?.with?.['package-manager-cache']).toBe(false);
    expect(setupNode?.with).not.toHaveProperty('cache');
    // The npm token is handed to the publishing step alone.
    const publish = job.steps!.find((s) => s.run?.includes('publish-packages'));
    expect(publish?.env?.NODE_AUTH_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
    for (const s of job.steps!) if (s !== publish) expect(JSON.stringify(s), s.name ?? s.run ?? s.uses).not.toContain('secrets.');
    expect(existsSync(join(ROOT, 'scripts', 'publish-packages.ts'))).toBe(true);
  });
});

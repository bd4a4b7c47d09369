import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = join(import.meta.dirname, '..', '..', '.github', 'workflows');

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: { uses?: string; run?: string; id?: string; if?: string }[] }>;
}

async function load(name: string): Promise<Workflow> {
  const doc = parse(await readFile(join(DIR, name), 'utf8'), { strict: true, uniqueKeys: true }) as Workflow;
  expect(typeof doc.name).toBe('string');
  for (const [id, job] of Object.entries(doc.jobs)) {
    expect(job['runs-on'], id).toBeTruthy();
    for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), `${id}: a step has exactly one of uses/run`).toBe(true);
  }
  return doc;
}

describe('GitHub workflows', () => {
  it('spec-release runs on a schedule, by hand and on a spec-released dispatch, and opens a labelled PR', async () => {
    const wf = await load('spec-release.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['repository_dispatch', 'schedule', 'workflow_dispatch']);
    expect(wf.on.repository_dispatch).toEqual({ types: ['spec-released'] });
    const steps = wf.jobs.release!.steps;
    expect(steps.some((s) => s.run?.includes('npm run spec:release'))).toBe(true);
    const pr = steps.find((s) => s.run?.includes('gh pr create'));
    expect(pr?.if).toContain("steps.release.outputs.changed == 'true'");
    expect(pr?.run).toContain('--body-file');
    expect(pr?.run).toContain('--add-label breaking');
  });

  it('ci runs the drift check and the tests on every pull request', async () => {
    const wf = await load('ci.yml');
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.jobs.test!.steps.some((s) => s.run === 'bash .ci/run')).toBe(true);
    const ciRun = await readFile(join(DIR, '..', '..', '.ci', 'run'), 'utf8');
    expect(ciRun).toMatch(/npm ci/);
    expect(ciRun).toMatch(/npm run check/);
    expect(ciRun).toMatch(/npm test/);
  });
});

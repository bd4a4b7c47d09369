import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { releaseSpec } from '../../generator/release/release.js';
import { bumpVersion } from '../../generator/release/semver.js';
import { prependEntry } from '../../generator/release/changelog.js';
import { canonicalJson } from '../../generator/schema/json.js';
import { generate } from '../../generator/pipeline.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { tempDir } from '../helpers/ir.js';
import { FROZEN_SPEC_FILE, frozenSpecDir } from '../helpers/pinned.js';
type Spec = { info: { version: string }; components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> }; paths: Record<string, unknown> };

describe('semver bump by verdict', () => {
  it.each([
    ['1.0.17', 'major', '2.0.0'],
    ['1.0.17', 'minor', '1.1.0'],
    ['1.0.17', 'patch', '1.0.18'],
    ['0.3.2', 'major', '0.4.0'],
  ] as const)('%s + %s = %s', (from, verdict, to) => {
    expect(bumpVersion(from, verdict)).toBe(to);
  });
});

describe('changelog', () => {
  it('prepends an entry and keeps earlier ones byte for byte', () => {
    const first = prependEntry(undefined, { packageVersion: '1.1.0', specVersion: '1.0.18.0', previousSpecVersion: '1.0.17.0', date: '2026-11-28', reportMarkdown: '## API changes: minor\n\n### Non-breaking changes\n\n- added' });
    expect(first).toBe('# Changelog\n\n## 1.1.0 — 2026-11-28 (spec 1.0.17.0 → 1.0.18.0)\n\n### API changes: minor\n\n#### Non-breaking changes\n\n- added\n');
    const second = prependEntry(first, { packageVersion: '2.0.0', specVersion: '1.0.19.0', previousSpecVersion: '1.0.18.0', date: '2026-12-01', reportMarkdown: 'x' });
    expect(second.startsWith('# Changelog\n\n## 2.0.0 — 2026-12-01')).toBe(true);
    expect(second.endsWith(first.replace('# Changelog\n\n', ''))).toBe(true);
  });

  it('moves the hand-written Unreleased notes into the release entry, above the earlier ones', () => {
    const earlier = '## 1.1.0 — 2026-11-28 (spec 1.0.18.0)\n\n- added\n';
    const existing = `# Changelog\n\n## Unreleased\n\n### Client changes\n\n- calls resolve to the model\n\n${earlier}`;
    const next = prependEntry(existing, { packageVersion: '2.0.0', specVersion: '1.0.19.0', previousSpecVersion: '1.0.18.0', date: '2026-12-01', reportMarkdown: '## API changes: none' });
    expect(next).toBe(`# Changelog\n\n## 2.0.0 — 2026-12-01 (spec 1.0.18.0 → 1.0.19.0)\n\n### Client changes\n\n- calls resolve to the model\n\n### API changes: none\n\n${earlier}`);
    // Only a leading Unreleased section is release notes; the title alone changes nothing.
    expect(prependEntry('# Changelog\n\n## Unreleased\n', { packageVersion: '2.0.0', specVersion: '1', previousSpecVersion: null, date: 'd', reportMarkdown: 'x' })).toBe('# Changelog\n\n## 2.0.0 — d (spec 1)\n\nx\n');
  });
});

/**
 * The whole release flow against the contract server's /openapi/v3.json, on a scratch copy of the
 * frozen 1.0.17.0 spec directory and the client generated from it (not the live spec/ and
 * generated/, which a real release moves on).
 */
describe('spec:release end to end', () => {
  let server: ContractServer;
  let work: string;
  let served: string;
  let baseline: string;
  let testsRun = 0;
  beforeAll(async () => {
    served = join(await tempDir('served-'), 'openapi.json');
    server = await startContractServer({ specPath: served });
    baseline = await tempDir('release-baseline-');
    await generate({ spec: await frozenSpecDir(join(baseline, 'spec')), out: join(baseline, 'generated') });
  }, 120_000);
  afterAll(() => server.close());
  beforeEach(async () => {
    work = await tempDir('release-');
    await cp(baseline, work, { recursive: true });
    testsRun = 0;
  });

  const release = () =>
    releaseSpec({
      url: `${server.url}/openapi/v3.json`,
      specDir: join(work, 'spec'),
      out: join(work, 'generated'),
      runTests: async () => {
        testsRun++;
        return { passed: true, failures: [] };
      },
      now: () => new Date('2026-11-28T12:00:00Z'),
    });

  async function serve(mutate: (spec: Spec) => void): Promise<void> {
    const spec = JSON.parse(await readFile(FROZEN_SPEC_FILE, 'utf8')) as Spec;
    mutate(spec);
    await writeFile(served, JSON.stringify(spec));
  }

  it('an unchanged spec is reported and nothing is written', async () => {
    await serve(() => {});
    await expect(release()).resolves.toEqual({ status: 'unchanged', specVersion: '1.0.17.0' });
    expect(testsRun).toBe(0);
  });

  it('a new optional response field: minor bump, regenerated client, changelog entry', async () => {
    await serve((spec) => {
      spec.info.version = '1.0.18.0';
      spec.components.schemas.PublicSession!.properties.referrerUrl = { type: ['string', 'null'], description: 'Referrer.' };
    });
    const result = await release();
    expect(result).toMatchObject({ status: 'released', specVersion: '1.0.18.0', previousSpecVersion: '1.0.17.0', packageVersion: '1.1.0' });
    if (result.status !== 'released') throw new Error('not released');
    expect(result.report.verdict).toBe('minor');
    expect(result.report.changes.map((c) => c.kind)).toEqual(['response-property-added']);
    expect(testsRun).toBe(1);
    const pkg = JSON.parse(await readFile(join(work, 'generated', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe('1.1.0');
    expect(await readFile(join(work, 'generated', 'src', 'types.ts'), 'utf8')).toContain('referrerUrl?: string | null');
    const config = await readFile(join(work, 'spec', 'codegen.config.yaml'), 'utf8');
    expect(config).toMatch(/version: 1\.1\.0/);
    expect(config).toContain('# What the Not AI spec cannot say');
    const changelog = await readFile(join(work, 'generated', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^# Changelog\n\n## 1\.1\.0 — 2026-11-28 \(spec 1\.0\.17\.0 → 1\.0\.18\.0\)/);
    expect(changelog).toContain('referrerUrl');
    expect(result.markdown).toContain('Non-breaking');
  });

  it('the generated client judges too: a first optional parameter is breaking for callers, so major', async () => {
    await serve((spec) => {
      spec.info.version = '1.0.18.0';
      // Non-breaking for the HTTP API; but get(options?) becomes get(params?, options?), so a
      // caller's get({ timeout }) stops compiling.
      (spec.paths['/v1/integration'] as { get: { parameters?: unknown[] } }).get.parameters = [{ name: 'verbose', in: 'query', required: false, schema: { type: 'boolean' } }];
    });
    const result = await release();
    if (result.status !== 'released') throw new Error('not released');
    expect(result.report.changes.every((c) => c.level !== 'breaking')).toBe(true);
    expect(result.report.surface?.filter((c) => c.level === 'breaking').map((c) => c.symbol)).toContain('NotAi.integration.get');
    expect([result.report.verdict, result.packageVersion]).toEqual(['major', '2.0.0']);
    expect(JSON.parse(await readFile(join(work, 'generated', 'package.json'), 'utf8'))).toMatchObject({ version: '2.0.0' });
    expect(result.markdown).toContain('Generated client');
  });

  it('a removed response field: major bump', async () => {
    await serve((spec) => {
      spec.info.version = '1.1.0.0';
      delete spec.components.schemas.PublicSession!.properties.userUrl;
    });
    const result = await release();
    expect(result.status === 'released' && [result.report.verdict, result.packageVersion]).toEqual(['major', '2.0.0']);
    const pinned = await readFile(join(work, 'spec', '1.1.0.0', 'openapi.json'), 'utf8');
    expect(pinned).toBe(canonicalJson(JSON.parse(pinned)));
  });

  it('failing tests still give a release to review, whose body names them', async () => {
    await serve((spec) => {
      spec.info.version = '1.0.18.0';
    });
    const failures = ['test/e2e/client.e2e.test.ts > sessions > reads userUrl', 'tsc: examples/a.ts(3,1): error TS2339: no `userUrl`'];
    const result = await releaseSpec({ url: `${server.url}/openapi/v3.json`, specDir: join(work, 'spec'), out: join(work, 'generated'), runTests: async () => ({ passed: false, failures }) });
    if (result.status !== 'released') throw new Error('not released');
    expect(result.tests).toBe('failed');
    expect(result.failures).toEqual(failures);
    expect(result.markdown).toContain('## Failing tests');
    expect(result.markdown).toContain("- `tsc: examples/a.ts(3,1): error TS2339: no 'userUrl'`");
    // The changelog is the package's: it holds the API changes, never the test run.
    const changelog = await readFile(join(work, 'generated', 'CHANGELOG.md'), 'utf8');
    expect(changelog).not.toContain('Failing tests');
  });

  it('a spec the generator refuses puts spec/ back as it was and leaves generated/ alone', async () => {
    const before = { lock: await readFile(join(work, 'spec', 'spec.lock.json'), 'utf8'), config: await readFile(join(work, 'spec', 'codegen.config.yaml'), 'utf8'), client: await readFile(join(work, 'generated', 'src', 'client.ts'), 'utf8') };
    await serve((spec) => {
      spec.info.version = '1.0.18.0';
      // Valid OpenAPI, but two operations with one operationId: the IR refuses it.
      (spec.paths['/v1/stats'] as { get: { operationId: string } }).get.operationId = 'listSessions';
    });
    await expect(release()).rejects.toThrow(/Duplicate operationId "listSessions"/);
    expect(await readFile(join(work, 'spec', 'spec.lock.json'), 'utf8')).toBe(before.lock);
    expect(await readFile(join(work, 'spec', 'codegen.config.yaml'), 'utf8')).toBe(before.config);
    expect(await readFile(join(work, 'generated', 'src', 'client.ts'), 'utf8')).toBe(before.client);
    await expect(readFile(join(work, 'spec', '1.0.18.0', 'openapi.json'), 'utf8')).rejects.toThrow();
    expect(testsRun).toBe(0);
  });
});

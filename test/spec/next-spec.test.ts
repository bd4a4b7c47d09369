import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { tempDir } from '../helpers/ir.js';
import { BREAKING_RELEASE, breakingRelease, nextRelease, nextReleasePlan, nextSpecVersion } from '../helpers/next-spec.js';
import { pinnedSpec } from '../helpers/pinned.js';

/** Valid OpenAPI for the real loader (Redocly validation, bundling), or it throws. */
async function load(spec: Record<string, unknown>): Promise<Record<string, unknown>> {
  const file = join(await tempDir('next-spec-'), 'openapi.json');
  await writeFile(file, JSON.stringify(spec));
  return (await loadSpec(file)).document;
}

/** The simulated releases the release-invariant tests use, applied to whatever spec is pinned. */
describe('simulated spec releases', () => {
  it('bumps the third number of info.version', () => {
    expect([nextSpecVersion('1.0.17.0'), nextSpecVersion('2.3.4'), nextSpecVersion('1.0.9.7')]).toEqual(['1.0.18.0', '2.3.5', '1.0.10.0']);
    expect(() => nextSpecVersion('v1')).toThrow(/cannot bump/);
  });

  it('the next release only adds: a minor verdict, no breaking change and no warning', async () => {
    const pinned = pinnedSpec();
    const before = structuredClone(pinned);
    const next = await load(nextRelease(pinned));
    expect(pinned, 'the input is not touched').toEqual(before);
    const plan = nextReleasePlan(pinned);
    const report = diffSpecs(pinned, next);
    expect(report.verdict).toBe('minor');
    expect(report.changes.filter((c) => c.level !== 'non-breaking')).toEqual([]);
    const says = report.changes.map((c) => c.message).join('\n');
    for (const name of [plan.schemas.item, plan.schemas.response, `${plan.field.schema}.${plan.field.name}`, plan.enumValue.value]) expect(says).toContain(name);
    expect(report.changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['operation-added', 'response-property-added']));
    expect(report.changes.some((c) => c.kind.startsWith('docs-') && c.operation === `GET ${plan.description.path}`)).toBe(true);
    expect((next.info as { version: string }).version).toBe(plan.version);
  });

  it('picks new names again on a spec that already has its additions', async () => {
    const once = nextRelease(pinnedSpec());
    const [first, second] = [nextReleasePlan(pinnedSpec()), nextReleasePlan(once)];
    expect(second.operation.path).not.toBe(first.operation.path);
    expect(second.operation.operationId).not.toBe(first.operation.operationId);
    expect(second.schemas.item).not.toBe(first.schemas.item);
    expect(second.field.name).not.toBe(first.field.name);
    expect(second.enumValue.value).not.toBe(first.enumValue.value);
    expect(diffSpecs(once, await load(nextRelease(once))).verdict).toBe('minor');
  });

  it('the breaking release removes a response field: a major verdict naming it', async () => {
    const pinned = pinnedSpec();
    const report = diffSpecs(pinned, await load(breakingRelease(pinned)));
    const { schema, name } = BREAKING_RELEASE.field;
    expect(report.verdict).toBe('major');
    expect(report.changes.filter((c) => c.level === 'breaking').map((c) => [c.kind, c.message.includes(`${schema}.${name}`)])).toEqual([['response-property-removed', true]]);
  });
});

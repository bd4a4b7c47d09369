import { beforeAll, describe, expect, it } from 'vitest';
import { diffSpecs } from '../../generator/diff/index.js';
import { loadSpec } from '../../generator/load/index.js';
import { FROZEN_SPEC_FILE } from '../helpers/pinned.js';

/** The Not AI spec as pinned at 1.0.17.0, frozen under test/fixtures: releases do not move it. */
const PINNED = FROZEN_SPEC_FILE;

interface Spec {
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
}

describe('the pinned spec', () => {
  let pinned: Record<string, unknown>;
  beforeAll(async () => {
    pinned = (await loadSpec(PINNED)).document;
  });

  const copy = (): Spec & Record<string, unknown> => structuredClone(pinned) as Spec & Record<string, unknown>;

  it('diffed against itself has no changes', () => {
    expect(diffSpecs(pinned, copy())).toEqual({ verdict: 'patch', changes: [] });
  });

  it('rewritten in OpenAPI 3.0 spelling (nullable: true, example) is no change', () => {
    const to30 = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(to30);
      if (typeof node !== 'object' || node === null) return node;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === 'type' && Array.isArray(value) && value.includes('null')) {
          const rest = value.filter((t) => t !== 'null');
          out.type = rest.length === 1 ? rest[0] : rest;
          out.nullable = true;
        } else if (key === 'examples' && Array.isArray(value) && value.length === 1) {
          out.example = to30(value[0]);
        } else {
          out[key] = to30(value);
        }
      }
      return out;
    };
    const legacy = { ...(to30(pinned) as Record<string, unknown>), openapi: '3.0.3' };
    expect(JSON.stringify(legacy)).toContain('"nullable":true');
    expect(diffSpecs(pinned, legacy)).toEqual({ verdict: 'patch', changes: [] });
    expect(diffSpecs(legacy, pinned)).toEqual({ verdict: 'patch', changes: [] });
  });

  it('one optional response field added is exactly one non-breaking change', () => {
    const next = copy();
    next.components.schemas.HealthResponse!.properties.region = { type: 'string', description: 'Region that served the probe.' };
    expect(diffSpecs(pinned, next)).toEqual({
      verdict: 'minor',
      changes: [
        {
          level: 'non-breaking',
          kind: 'response-property-added',
          operation: 'GET /health',
          pointer: '#/components/schemas/HealthResponse/properties/region',
          side: 'new',
          message: 'Response property `HealthResponse.region` was added',
        },
      ],
    });
  });

  it('a field added to a schema several operations share is still one change', () => {
    const next = copy();
    next.components.schemas.PublicSession!.properties.region = { type: 'string' };
    const { verdict, changes } = diffSpecs(pinned, next);
    expect(verdict).toBe('minor');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ level: 'non-breaking', kind: 'response-property-added', pointer: '#/components/schemas/PublicSession/properties/region' });
    expect(changes[0]!.operation).toBeUndefined();
    expect(changes[0]!.message).toContain('`GET /v1/sessions`');
  });

  it('making a response field optional in the shared error envelope is one breaking change', () => {
    const next = copy();
    next.components.schemas.ErrorEnvelope!.required = [];
    const { verdict, changes } = diffSpecs(pinned, next);
    expect(verdict).toBe('major');
    expect(changes.map((c) => [c.level, c.kind, c.pointer])).toEqual([['breaking', 'response-property-became-optional', '#/components/schemas/ErrorEnvelope/properties/error']]);
  });
});

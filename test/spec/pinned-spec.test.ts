import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';

const SPEC_PATH = fileURLToPath(new URL('../../spec/1.0.17.0/openapi.json', import.meta.url));
const raw = readFileSync(SPEC_PATH, 'utf8');
const spec = JSON.parse(raw) as Record<string, unknown>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Resolves a local JSON pointer ("#/a/b") against the document; undefined if it does not resolve. */
function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const tokens = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

/** Walks plain object keys from the document root, e.g. at('paths', '/health', 'get'). */
function at(...keys: string[]): unknown {
  let node: unknown = spec;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, Json> }[];
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: unknown[];
  summary?: string;
  tags?: string[];
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operations = new Map<string, Operation & { path: string; method: string }>();
for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Record<string, Operation>>)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!HTTP_METHODS.includes(method) || !operation.operationId) continue;
    operations.set(operation.operationId, { ...operation, path, method });
  }
}

function op(operationId: string): Operation & { path: string; method: string } {
  const found = operations.get(operationId);
  if (!found) throw new Error(`operation ${operationId} not found`);
  return found;
}

function param(operationId: string, name: string) {
  const found = op(operationId).parameters?.find((p) => p.name === name);
  if (!found) throw new Error(`parameter ${name} not found on ${operationId}`);
  return found;
}

const EXPECTED_OPERATION_IDS = [
  'getAnalytics',
  'getIntegration',
  'getSession',
  'getSessionDetails',
  'getStats',
  'getUsage',
  'getUserSessions',
  'health',
  'listCourses',
  'listEvents',
  'listSessions',
  'listUsers',
];

describe('pinned spec 1.0.17.0', () => {
  it('is OpenAPI 3.1 and has no lint errors (redocly recommended ruleset)', async () => {
    expect(spec.openapi).toBe('3.1.1');
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: raw, absoluteRef: SPEC_PATH, config });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} @ ${p.location.map((l) => l.pointer ?? '').join(', ')}`);
    expect(errors).toEqual([]);
  });

  it('lint check is live: a broken copy of the spec does report errors', async () => {
    const broken = JSON.parse(raw) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const health = broken.paths['/health']?.['get'];
    if (!health) throw new Error('missing /health get');
    health['responses'] = { '200': { $ref: '#/components/responses/DoesNotExist' } };
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: SPEC_PATH, config });
    expect(problems.some((p) => p.severity === 'error' && p.ruleId === 'no-unresolved-refs')).toBe(true);
  });

  it('has exactly the 12 agreed operationIds', () => {
    expect([...operations.keys()].sort()).toEqual(EXPECTED_OPERATION_IDS);
  });

  it('resolves every $ref', () => {
    const refs = collectRefs(spec);
    expect(refs.length).toBeGreaterThan(0);
    const unresolved = refs.filter((ref) => resolvePointer(spec, ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('is canonical (keys sorted recursively, 2-space JSON, trailing newline)', () => {
    expect(JSON.stringify(canonical(JSON.parse(raw)), null, 2) + '\n').toBe(raw);
  });

  it('gives every error response an ErrorEnvelope body and every authenticated 2xx the tier header', () => {
    for (const [operationId, operation] of operations) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const schemaRef = response.content?.['application/json']?.schema?.$ref;
        if (status.startsWith('2')) {
          if (operationId !== 'health') {
            expect(response.headers?.['x-isnotai-tier'], `${operationId} ${status}`).toEqual({
              $ref: '#/components/headers/XIsnotaiTier',
            });
          }
        } else {
          expect(schemaRef, `${operationId} ${status}`).toBe('#/components/schemas/ErrorEnvelope');
        }
      }
    }
  });

  const spotChecks: [label: string, actual: () => unknown, expected: unknown][] = [
    ['servers', () => (at('servers') as { url: string }[]).map((s) => s.url), ['https://api.isnotai.com', 'https://api-eu.isnotai.com']],
    ['global security', () => at('security'), [{ bearer_auth: [] }]],
    ['bearer_auth scheme', () => at('components', 'securitySchemes', 'bearer_auth', 'scheme'), 'bearer'],
    ['listSessions pageSize default', () => param('listSessions', 'pageSize').schema?.default, 50],
    ['listUsers pageSize default', () => param('listUsers', 'pageSize').schema?.default, 50],
    ['getUserSessions pageSize default', () => param('getUserSessions', 'pageSize').schema?.default, 50],
    ['listCourses pageSize default', () => param('listCourses', 'pageSize').schema?.default, 50],
    ['listEvents pageSize default', () => param('listEvents', 'pageSize').schema?.default, 100],
    [
      'pageSize bounds',
      () => {
        const s = param('listSessions', 'pageSize').schema;
        return [s?.type, s?.format, s?.minimum, s?.maximum];
      },
      ['integer', 'int32', 1, 100],
    ],
    ['listEvents pageSize maximum', () => param('listEvents', 'pageSize').schema?.maximum, 100],
    ['listEvents startTime int64', () => param('listEvents', 'startTime').schema, { format: 'int64', type: 'integer' }],
    ['listEvents endTime int64', () => param('listEvents', 'endTime').schema, { format: 'int64', type: 'integer' }],
    ['cursor is a plain string', () => param('listSessions', 'cursor').schema, { type: 'string' }],
    ['listSessions startDate date-time', () => param('listSessions', 'startDate').schema?.format, 'date-time'],
    ['sessionId path param required', () => param('getSession', 'sessionId').required, true],
    ['analytics period default', () => param('getAnalytics', 'period').schema?.default, '7d'],
    ['analytics groupBy enum', () => param('getAnalytics', 'groupBy').schema?.enum, ['hour', 'day', 'week']],
    [
      'usage metric enum',
      () => param('getUsage', 'metric').schema?.enum,
      ['ApiCalls', 'Events', 'Sessions', 'StorageBytes', 'BotAnalyses'],
    ],
    ['health security', () => op('health').security, []],
    ['health responses', () => Object.keys(op('health').responses ?? {}), ['200']],
    ['health path', () => op('health').path, '/health'],
    ['getSessionDetails responses', () => Object.keys(op('getSessionDetails').responses ?? {}), ['200', '401', '404', '503']],
    ['listUsers responses', () => Object.keys(op('listUsers').responses ?? {}), ['200', '401']],
    ['listEvents 200 schema', () => op('listEvents').responses?.['200']?.content?.['application/json']?.schema?.$ref, '#/components/schemas/EventListResponse'],
    ['listSessions summary', () => op('listSessions').summary, "List tracking sessions for the caller's integration"],
    ['nextCursor nullable', () => at('components', 'schemas', 'Pagination', 'properties', 'nextCursor', 'type'), ['string', 'null']],
    ['Pagination required', () => at('components', 'schemas', 'Pagination', 'required'), ['hasMore', 'limit']],
    ['ErrorBody required', () => at('components', 'schemas', 'ErrorBody', 'required'), ['code', 'message']],
    ['error code is not an enum', () => at('components', 'schemas', 'ErrorBody', 'properties', 'code', 'enum'), undefined],
    ['session status is not an enum', () => at('components', 'schemas', 'PublicSession', 'properties', 'status', 'enum'), undefined],
    ['SessionEvent timestamp int64', () => at('components', 'schemas', 'SessionEvent', 'properties', 'timestamp', 'format'), 'int64'],
    ['UsageResponse has no pagination', () => at('components', 'schemas', 'UsageResponse', 'properties', 'pagination'), undefined],
    ['tag order', () => (at('tags') as { name: string }[]).map((t) => t.name), ['Analytics', 'Courses', 'Health', 'Self', 'Sessions', 'Stats', 'Usage', 'Users']],
  ];

  it.each(spotChecks)('spot check: %s', (_label, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});

/**
 * Spec conformance: every response the server gives, for every operation of spec/1.0.17.0/openapi.json,
 * validates against the response schema the spec declares for that status (strictly: no undeclared
 * properties), with the declared content type and response headers. Also checks that the server and the
 * spec have the same operations and parameters, and that every declared status can actually be produced.
 */

import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractServer } from './server.js';
import { DEFAULT_SPEC_PATH, startContractServer } from './server.js';
import { BIG_SESSION_ID, FIXTURES, FOREIGN_SESSION_ID } from './fixtures.js';
import { TEST_KEYS } from './keys.js';
import { ROUTES } from './routes/index.js';
import type { SchemaDocument } from './schema-check.js';
import { checkSchema } from './schema-check.js';
import { TIERS } from './types.js';
import type { Tier } from './types.js';

interface MediaType {
  readonly schema?: unknown;
}
interface ResponseObject {
  readonly content?: Readonly<Record<string, MediaType>>;
  readonly headers?: Readonly<Record<string, { readonly $ref?: string; readonly schema?: unknown }>>;
}
interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: {
    readonly type?: string | readonly string[];
    readonly format?: string;
    readonly enum?: readonly string[];
    readonly examples?: readonly unknown[];
    readonly default?: unknown;
    readonly minimum?: number;
  };
}
interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly Parameter[];
  readonly responses: Readonly<Record<string, ResponseObject>>;
  readonly security?: readonly unknown[];
}
interface Spec extends SchemaDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components?: SchemaDocument['components'] & {
    readonly headers?: Readonly<Record<string, { readonly schema?: unknown }>>;
  };
}

const spec: Spec | undefined = existsSync(DEFAULT_SPEC_PATH)
  ? (JSON.parse(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as Spec)
  : undefined;

/** Statuses the guides document but the operation pages do not declare (see the reference, section 4.3). */
const ALLOWED_UNDECLARED: Readonly<Record<string, readonly number[]>> = {
  '*': [429, 500, 503],
  getSession: [403],
  getSessionDetails: [403],
  listEvents: [403],
  getUserSessions: [404],
  listUsers: [400],
};

interface Observation {
  readonly operationId: string;
  readonly request: string;
  readonly status: number;
}

describe.skipIf(spec === undefined)(`spec conformance (${DEFAULT_SPEC_PATH})`, () => {
  const doc = spec as Spec;
  const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ template, method, op })),
  );
  let server: ContractServer;
  const observed: Observation[] = [];
  const undeclared: Observation[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startContractServer({ rateLimits: { free: 1e9, pro: 1e9, enterprise: 1e9 } });
  });
  afterAll(async () => {
    await server.close();
  });

  function operationFor(pathname: string): { op: Operation; template: string } {
    for (const { template, method, op } of operations) {
      if (method !== 'get') continue;
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (pattern.test(pathname)) return { op, template };
    }
    throw new Error(`no spec operation for ${pathname}`);
  }

  function headerSchema(ref: { readonly $ref?: string; readonly schema?: unknown }): unknown {
    if (ref.$ref === undefined) return ref.schema;
    return doc.components?.headers?.[ref.$ref.replace('#/components/headers/', '')]?.schema;
  }

  /** Requests `path`, validates the response against the spec, returns the parsed body. */
  async function check(path: string, tier: Tier | null = 'enterprise', headers: Record<string, string> = {}): Promise<unknown> {
    const all: Record<string, string> = { ...headers };
    if (tier !== null) all.authorization = `Bearer ${TEST_KEYS.us[tier]}`;
    const res = await fetch(server.url + path, { headers: all });
    const text = await res.text();
    const pathname = new URL(path, server.url).pathname;
    const { op } = operationFor(pathname);
    const where = `${op.operationId} ${path} -> ${res.status}`;
    const observation = { operationId: op.operationId, request: path, status: res.status };
    observed.push(observation);
    let response = op.responses[String(res.status)] ?? op.responses.default;
    if (response === undefined) {
      undeclared.push(observation);
      response = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } };
    }
    const [mediaType, media] = Object.entries(response.content ?? {})[0] ?? [];
    if (mediaType === undefined || media === undefined) {
      if (text !== '') problems.push(`${where}: body sent but none declared`);
      return undefined;
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType.split(';')[0]?.trim() !== mediaType) problems.push(`${where}: content-type ${contentType}, spec ${mediaType}`);
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      problems.push(`${where}: body is not JSON`);
      return undefined;
    }
    for (const error of checkSchema(body, media.schema, doc, { strictProperties: true })) problems.push(`${where}: ${error}`);
    for (const [name, ref] of Object.entries(response.headers ?? {})) {
      const value = res.headers.get(name);
      if (value === null) {
        problems.push(`${where}: declared header ${name} missing`);
        continue;
      }
      for (const error of checkSchema(value, headerSchema(ref), doc)) problems.push(`${where}: header ${name}${error}`);
    }
    const tierHeader = res.headers.get('x-isnotai-tier');
    const authenticated = tier !== null && res.status !== 401 && res.status !== 429 && op.security?.length !== 0;
    if (authenticated && tierHeader !== tier) problems.push(`${where}: x-isnotai-tier ${tierHeader}, expected ${tier}`);
    if (!authenticated && tierHeader !== null) problems.push(`${where}: unexpected x-isnotai-tier`);
    return body;
  }

  async function walkAll(path: string, tier: Tier = 'enterprise'): Promise<unknown[]> {
    const items: unknown[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 500; page++) {
      const sep = path.includes('?') ? '&' : '?';
      const body = (await check(cursor === undefined ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`, tier)) as
        | { data?: unknown[]; pagination?: { hasMore?: boolean; nextCursor?: string | null } }
        | undefined;
      items.push(...(body?.data ?? []));
      if (body?.pagination?.hasMore !== true) return items;
      cursor = body.pagination.nextCursor ?? undefined;
    }
    throw new Error(`runaway walk ${path}`);
  }

  function concrete(template: string): string {
    return template
      .replace('{sessionId}', BIG_SESSION_ID)
      .replace('{userId}', FIXTURES.users[0]?.userId ?? 'none');
  }

  /** `GET /v1/x/{id}` for each operation the spec has and no hand-written route answers. */
  const fromFallback = (): string[] => server.specFallback().operations.map((label) => label.replace(/ \(.*\)$/, '')).sort();

  it('serves exactly the operations of the spec: hand-written routes, the rest from the spec itself', () => {
    const fromSpec = operations.map(({ method, template }) => `${method.toUpperCase()} ${template}`).sort();
    const fromServer = ROUTES.filter((r) => r.pattern.startsWith('/v1/') || r.pattern === '/health')
      .map((r) => `GET ${r.pattern.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    // Every hand-written route is an operation of the spec; the ones a release adds are answered
    // from the spec (test/contract-server/spec-fallback.test.ts checks those answers).
    expect(fromServer.filter((op) => !fromSpec.includes(op))).toEqual([]);
    expect([...fromServer, ...fromFallback()].sort()).toEqual(fromSpec);
  });

  it('validates full walks of every list, every session and every user', async () => {
    const sessions = await walkAll('/v1/sessions', 'pro');
    expect(sessions).toHaveLength(FIXTURES.sessions.length);
    await walkAll('/v1/sessions?pageSize=100&botOnly=true&status=closed', 'free');
    for (const r of FIXTURES.sessions) {
      await check(`/v1/sessions/${r.session.id}`);
      await check(`/v1/sessions/${r.session.id}/details`);
    }
    await walkAll(`/v1/sessions/${BIG_SESSION_ID}/events`, 'free');
    for (const r of FIXTURES.sessions.slice(0, 15)) await walkAll(`/v1/sessions/${r.session.id}/events?pageSize=100`);
    await walkAll('/v1/users?pageSize=7');
    for (const u of FIXTURES.users) await walkAll(`/v1/users/${u.userId}/sessions`);
    await walkAll('/v1/courses?pageSize=5');
  });

  it('validates aggregates for every enum value and tier', async () => {
    for (const period of ['24h', '7d', '30d', '90d']) {
      for (const groupBy of ['hour', 'day', 'week']) await check(`/v1/analytics?period=${period}&groupBy=${groupBy}`);
    }
    for (const metric of ['ApiCalls', 'Events', 'Sessions', 'StorageBytes', 'BotAnalyses', 'botanalyses']) {
      await check(`/v1/usage?metric=${metric}&startDate=2026-01-01&endDate=2026-06-30`);
    }
    await check('/v1/usage');
    await check('/v1/stats');
    for (const tier of TIERS) await check('/v1/integration', tier);
    await check('/health', null);
  });

  it('accepts a valid value for every declared query parameter', async () => {
    for (const { template, op } of operations) {
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query') continue;
        const base = concrete(template);
        let values: string[];
        if (p.name === 'cursor') {
          const first = (await check(`${base}?pageSize=1`)) as { pagination?: { nextCursor?: string } } | undefined;
          values = [first?.pagination?.nextCursor ?? ''];
        } else if (p.schema?.enum !== undefined) values = [...p.schema.enum];
        else if (p.schema?.type === 'boolean') values = ['true', 'false'];
        else if (p.schema?.format === 'date-time') values = ['2026-06-01T00:00:00Z', '2026-06-01T00:00:00.0000000%2B00:00'];
        else if (p.schema?.format === 'int64') values = ['0', '1780000000000'];
        else if (p.schema?.type === 'integer') values = [String(p.schema.default ?? p.schema.minimum ?? 1), '100', '1000'];
        else values = (p.schema?.examples ?? ['a']).map(String);
        for (const value of values) {
          const body = await check(`${base}?${p.name}=${value}`);
          const last = observed.at(-1);
          expect(last?.status, `${op.operationId} ${p.name}=${value}: ${JSON.stringify(body)}`).toBe(200);
        }
      }
    }
  });

  it('validates the error responses of every operation', async () => {
    for (const { template, op } of operations) {
      const path = concrete(template);
      if (op.security?.length === 0) continue; // unauthenticated: no errors by contract
      await check(path, null); // 401
      await check(path, 'enterprise', { 'x-fault': 'status=503' });
      await check(path, 'enterprise', { 'x-fault': 'status=500' });
      await check(path, 'enterprise', { 'x-fault': 'rate-limit;retry-after=2' });
      const hasPaging = (op.parameters ?? []).some((p) => p.name === 'pageSize');
      if (hasPaging) {
        await check(`${path}?pageSize=0`);
        await check(`${path}?cursor=not-a-cursor`);
      }
    }
    await check('/v1/sessions?botOnly=maybe');
    await check('/v1/sessions?startDate=yesterday');
    await check(`/v1/sessions/${BIG_SESSION_ID}/events?type=warp`);
    await check(`/v1/sessions/${BIG_SESSION_ID}/events?startTime=soon`);
    await check('/v1/analytics?period=1y');
    await check('/v1/usage?metric=Nope');
    for (const suffix of ['', '/details', '/events']) {
      await check(`/v1/sessions/ses_doesnotexist${suffix}`);
      await check(`/v1/sessions/${FOREIGN_SESSION_ID}${suffix}`);
    }
    await check('/v1/users/u-00000/sessions');
  });

  it('found no schema, content-type or header violations', () => {
    expect(problems.slice(0, 50)).toEqual([]);
  });

  it('used undeclared statuses only where the guides document them', () => {
    const unexpected = undeclared.filter(
      (o) => !(ALLOWED_UNDECLARED['*'] ?? []).includes(o.status) && !(ALLOWED_UNDECLARED[o.operationId] ?? []).includes(o.status),
    );
    expect(unexpected).toEqual([]);
  });

  it('produced every declared status of every operation at least once', () => {
    const missing: string[] = [];
    const fallback = new Set(fromFallback());
    // Hand-written operations only: a spec-answered one gives its success response (and the
    // shared 400/401/429 paths), not every status a later release may declare.
    for (const { op } of operations.filter(({ method, template }) => !fallback.has(`${method.toUpperCase()} ${template}`))) {
      for (const status of Object.keys(op.responses)) {
        if (!observed.some((o) => o.operationId === op.operationId && String(o.status) === status)) {
          missing.push(`${op.operationId} ${status}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(observed.length).toBeGreaterThan(700);
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../generated/src/index.js';
import { NotAi, NotFoundError, AuthenticationError } from '../../generated/src/index.js';
import type { OperationIR, ParameterIR } from '../../generator/ir/types.js';
import { irOperation, pinnedIR, pinnedSpec, specOperations } from '../helpers/pinned.js';

const KEY = `aik_v1_${'A1b2C3d4E5'.repeat(4)}`;
const US = 'https://api.isnotai.com';
const EU = 'https://api-eu.isnotai.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

type Call = (client: NotAi) => PromiseLike<unknown>;
type Row = [name: string, call: Call, path: string, query: Record<string, string>, auth: boolean];

/**
 * Operations worth a hand-picked call (filters of every type, a path argument that needs
 * encoding, a cursor with reserved characters), by operationId, with the exact request each must
 * send. Every other operation of the pinned spec gets a call built from the IR (rowFromIR).
 */
const handPicked: Record<string, Row> = {
  listSessions: ['sessions.list', (c) => c.sessions.list({ botOnly: true, pageSize: 10, startDate: '2026-01-01T00:00:00Z' }), '/v1/sessions', { botOnly: 'true', pageSize: '10', startDate: '2026-01-01T00:00:00Z' }, true],
  getSession: ['sessions.get', (c) => c.sessions.get('s 1/ü'), '/v1/sessions/s%201%2F%C3%BC', {}, true],
  getSessionDetails: ['sessions.details', (c) => c.sessions.details('s1'), '/v1/sessions/s1/details', {}, true],
  listEvents: ['sessions.events', (c) => c.sessions.events('s1', { startTime: 1700000000000, type: '0x01' }), '/v1/sessions/s1/events', { startTime: '1700000000000', type: '0x01' }, true],
  listUsers: ['users.list', (c) => c.users.list({ search: 'ann smith' }), '/v1/users', { search: 'ann smith' }, true],
  getUserSessions: ['users.sessions', (c) => c.users.sessions('u-1', { cursor: 'c=:1' }), '/v1/users/u-1/sessions', { cursor: 'c=:1' }, true],
  listCourses: ['courses.list', (c) => c.courses.list(), '/v1/courses', {}, true],
  getAnalytics: ['analytics.get', (c) => c.analytics.get({ period: '30d', groupBy: 'week' }), '/v1/analytics', { period: '30d', groupBy: 'week' }, true],
  getStats: ['stats.get', (c) => c.stats.get(), '/v1/stats', {}, true],
  getUsage: ['usage.get', (c) => c.usage.get({ metric: 'ApiCalls' }), '/v1/usage', { metric: 'ApiCalls' }, true],
  getIntegration: ['integration.get', (c) => c.integration.get(), '/v1/integration', {}, true],
  health: ['health.check', (c) => c.health.check(), '/health', {}, false],
};

/** A value of a parameter's schema, as the client takes it and as the query carries it. */
function sampleOf(param: ParameterIR): [value: unknown, wire: string] {
  const { schema } = param;
  if (schema.enum?.length) return [schema.enum[0], String(schema.enum[0])];
  if (schema.type === 'integer' || schema.type === 'number') return [schema.minimum ?? 1, String(schema.minimum ?? 1)];
  if (schema.type === 'boolean') return [true, 'true'];
  return ['a b', 'a b'];
}

type ResourceMethod = (...args: unknown[]) => PromiseLike<unknown>;

/**
 * `client.<resource>.<method>(...path arguments, required parameters)` as the IR names it, and
 * the request it must send: the spec's path with every argument encoded, the required
 * parameters in the query, the key unless the spec says the operation takes none.
 */
function rowFromIR(op: OperationIR): Row {
  const unsupported = op.namedParams.filter((p) => p.required && p.in !== 'query');
  if (op.method !== 'get' || op.requestBody || unsupported.length) throw new Error(`${op.operationId}: give it a hand-picked row (not a GET, or it has a body or required non-query parameters)`);
  const pathArgs = op.pathParams.map((p) => `${p.identifier} 1/ü`);
  const path = op.pathParams.reduce((text, p, i) => text.replace(`{${p.name}}`, encodeURIComponent(pathArgs[i]!)), op.path);
  const required = op.namedParams.filter((p) => p.required).map((p) => [p.name, sampleOf(p)] as const);
  const params = Object.fromEntries(required.map(([name, [value]]) => [name, value]));
  const query = Object.fromEntries(required.map(([name, [, wire]]) => [name, wire]));
  const call: Call = (c) => {
    const resource = (c as unknown as Record<string, Record<string, ResourceMethod> | undefined>)[op.resource];
    const method = resource?.[op.resourceMethod];
    if (typeof method !== 'function') throw new Error(`client.${op.resource}.${op.resourceMethod} does not exist`);
    return method.call(resource, ...pathArgs, ...(op.namedParams.length ? [params] : []));
  };
  return [`${op.resource}.${op.resourceMethod}`, call, path, query, !op.keyless];
}

const ir = await pinnedIR();
const operations = specOperations(pinnedSpec());
/** Every operation of the pinned spec, in spec order: how to call it, and the exact request it must send. */
const table: Row[] = operations.map(({ method, path }) => {
  const op = irOperation(ir, method, path);
  return handPicked[op.operationId] ?? rowFromIR(op);
});

describe('generated client: one request per operation', () => {
  it('covers every operation of the pinned spec, with one exported function each', () => {
    const functions = Object.entries(api).filter(([name, value]) => typeof value === 'function' && /^[a-z]/.test(name));
    expect(functions.map(([name]) => name).sort()).toEqual(ir.operations.map((o) => o.functionName).sort());
    expect(ir.operations.map((o) => `${o.method} ${o.path}`)).toEqual(operations.map((o) => `${o.method} ${o.path}`));
    expect(table).toHaveLength(operations.length);
    // A hand-picked row for an operation the spec no longer has is a stale test.
    const operationIds = new Set(ir.operations.map((o) => o.operationId));
    expect(Object.keys(handPicked).filter((id) => !operationIds.has(id))).toEqual([]);
  });

  // Where the IR found a single-object envelope, the call resolves to the model inside it.
  const envelopes = operations.map(({ method, path }) => irOperation(ir, method, path).success?.envelope);
  const cases = table.map(([name, call, path, query, auth], i) => ({ name, call, path, query, auth, envelope: envelopes[i] }));
  it.each(cases)('$name sends GET $path with the query and auth, and returns the parsed body', async ({ call, path, query, auth, envelope }) => {
    const body = { data: { marker: path }, pagination: { hasMore: false, limit: 10 } };
    let seen: Record<string, string | string[] | undefined> = {};
    const scope = nock(US)
      .get(path)
      .query((q) => JSON.stringify(q) === JSON.stringify(query))
      .reply(function () {
        seen = this.req.headers;
        return [200, body, { 'content-type': 'application/json', 'x-isnotai-tier': 'pro' }];
      });
    const result = await call(new NotAi({ apiKey: KEY }));
    expect(scope.isDone()).toBe(true);
    const data = result instanceof api.Page ? result.body : result;
    expect(data).toEqual(envelope === undefined ? body : body[envelope as keyof typeof body]);
    expect(seen.authorization).toBe(auth ? `Bearer ${KEY}` : undefined);
    expect(seen.accept).toMatch(/application\/json/);
  });
});

describe('generated client: configuration reaches the wire', () => {
  it('targets the EU server and the x-api-key header when asked', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    const scope = nock(EU)
      .get('/v1/stats')
      .reply(function () {
        seen = this.req.headers;
        return [200, { data: {} }];
      });
    await new NotAi({ apiKey: KEY, region: 'eu', authHeader: 'x-api-key' }).stats.get();
    expect(scope.isDone()).toBe(true);
    expect(seen['x-api-key']).toBe(KEY);
    expect(seen.authorization).toBeUndefined();
  });

  it('reads the key from NOTAI_API_KEY, then ISNOTAI_API_KEY', async () => {
    const saved = { a: process.env.NOTAI_API_KEY, b: process.env.ISNOTAI_API_KEY };
    try {
      delete process.env.NOTAI_API_KEY;
      process.env.ISNOTAI_API_KEY = KEY;
      let seen: string | undefined;
      nock(US)
        .get('/v1/stats')
        .reply(function () {
          seen = String(this.req.headers.authorization);
          return [200, { data: {} }];
        });
      await new NotAi().stats.get();
      expect(seen).toBe(`Bearer ${KEY}`);
    } finally {
      for (const [name, value] of [['NOTAI_API_KEY', saved.a], ['ISNOTAI_API_KEY', saved.b]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('turns the error envelope into a typed error with code, details and tier', async () => {
    nock(US)
      .get('/v1/sessions/missing')
      .reply(404, { error: { code: 'NOT_FOUND', message: 'No such session', details: { field: 'sessionId' } } }, { 'x-isnotai-tier': 'free', 'x-request-id': 'req_9' });
    const error = await new NotAi({ apiKey: KEY, maxRetries: 0 }).sessions.get('missing').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: expect.stringContaining('No such session'), details: { field: 'sessionId' }, tier: 'free', requestId: 'req_9' });
  });

  it('fails before any request on a bad key or a bad path argument', async () => {
    expect(() => new NotAi({ apiKey: 'sk-not-a-notai-key' })).toThrow(/aik_v1_/);
    expect(() => new NotAi({ apiKey: 'sk-not-a-notai-key' })).not.toThrow(/sk-not-a-notai-key/);
    const client = new NotAi({ apiKey: KEY });
    await expect(Promise.resolve().then(() => client.sessions.get('..'))).rejects.toThrow();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('walks every page with for await', async () => {
    nock(US).get('/v1/users').query({}).reply(200, { data: [{ userId: 'a' }, { userId: 'b' }], pagination: { nextCursor: 'p2', hasMore: true, limit: 2 } });
    nock(US).get('/v1/users').query({ cursor: 'p2' }).reply(200, { data: [{ userId: 'c' }], pagination: { hasMore: false, limit: 2 } });
    const ids: string[] = [];
    for await (const user of new NotAi({ apiKey: KEY }).users.list()) ids.push(user.userId);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('maps 401 without a body to AuthenticationError', async () => {
    nock(US).get('/v1/integration').reply(401, '');
    await expect(new NotAi({ apiKey: KEY }).integration.get()).rejects.toBeInstanceOf(AuthenticationError);
  });
});

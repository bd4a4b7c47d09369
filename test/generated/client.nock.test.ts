import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../generated/src/index.js';
import { NotAi, NotFoundError, AuthenticationError } from '../../generated/src/index.js';

const KEY = `aik_v1_${'A1b2C3d4E5'.repeat(4)}`;
const US = 'https://api.isnotai.com';
const EU = 'https://api-eu.isnotai.com';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

type Call = (client: NotAi) => PromiseLike<unknown>;

/** Every operation: how to call it, and the exact request it must send. */
const table: [name: string, call: Call, path: string, query: Record<string, string>, auth: boolean][] = [
  ['sessions.list', (c) => c.sessions.list({ botOnly: true, pageSize: 10, startDate: '2026-01-01T00:00:00Z' }), '/v1/sessions', { botOnly: 'true', pageSize: '10', startDate: '2026-01-01T00:00:00Z' }, true],
  ['sessions.get', (c) => c.sessions.get('s 1/ü'), '/v1/sessions/s%201%2F%C3%BC', {}, true],
  ['sessions.details', (c) => c.sessions.details('s1'), '/v1/sessions/s1/details', {}, true],
  ['sessions.events', (c) => c.sessions.events('s1', { startTime: 1700000000000, type: '0x01' }), '/v1/sessions/s1/events', { startTime: '1700000000000', type: '0x01' }, true],
  ['users.list', (c) => c.users.list({ search: 'ann smith' }), '/v1/users', { search: 'ann smith' }, true],
  ['users.sessions', (c) => c.users.sessions('u-1', { cursor: 'c=:1' }), '/v1/users/u-1/sessions', { cursor: 'c=:1' }, true],
  ['courses.list', (c) => c.courses.list(), '/v1/courses', {}, true],
  ['analytics.get', (c) => c.analytics.get({ period: '30d', groupBy: 'week' }), '/v1/analytics', { period: '30d', groupBy: 'week' }, true],
  ['stats.get', (c) => c.stats.get(), '/v1/stats', {}, true],
  ['usage.get', (c) => c.usage.get({ metric: 'ApiCalls' }), '/v1/usage', { metric: 'ApiCalls' }, true],
  ['integration.get', (c) => c.integration.get(), '/v1/integration', {}, true],
  ['health.check', (c) => c.health.check(), '/health', {}, false],
];

describe('generated client: one request per operation', () => {
  it('covers every generated operation', () => {
    const functions = Object.entries(api).filter(([name, value]) => typeof value === 'function' && /^[a-z]/.test(name));
    expect(functions.map(([name]) => name).sort()).toEqual(
      ['getAnalytics', 'getIntegration', 'getSession', 'getSessionDetails', 'getStats', 'getUsage', 'getUserSessions', 'health', 'listCourses', 'listEvents', 'listSessions', 'listUsers'],
    );
    expect(table).toHaveLength(functions.length);
  });

  it.each(table)('%s sends GET %s with the query and auth, and returns the parsed body', async (_name, call, path, query, auth) => {
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
    expect(data).toEqual(body);
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

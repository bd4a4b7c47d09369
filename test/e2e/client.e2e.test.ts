import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotAi,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  BadRequestError,
  type ListSessionsItem,
} from '../../generated/src/index.js';
import { BIG_SESSION_ID, FIXTURES, FOREIGN_SESSION_ID, SESSION_COUNT } from '../contract-server/fixtures.js';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';

/** Every client method against the contract server: real sockets on 127.0.0.1, no mocks. */
let us: ContractServer;
let eu: ContractServer;
beforeAll(async () => {
  us = await startContractServer({ region: 'us' });
  eu = await startContractServer({ region: 'eu' });
});
afterAll(async () => {
  await us.close();
  await eu.close();
});
beforeEach(() => {
  us.reset();
  eu.reset();
});

const client = (key: string = TEST_KEYS.us.pro, extra: Partial<ConstructorParameters<typeof NotAi>[0]> = {}) => new NotAi({ apiKey: key, baseUrl: us.url, ...extra });
const userId = FIXTURES.users[0]!.userId;

describe('every method against the contract server', () => {
  it.each([
    ['sessions.list', (c: NotAi) => c.sessions.list({ pageSize: 5 }).then((p) => p.data.length)],
    ['sessions.get', (c: NotAi) => c.sessions.get(BIG_SESSION_ID).then((r) => r.data.id)],
    ['sessions.details', (c: NotAi) => c.sessions.details(BIG_SESSION_ID).then((r) => r.data.sessionId)],
    ['sessions.events', (c: NotAi) => c.sessions.events(BIG_SESSION_ID, { pageSize: 3 }).then((p) => p.data.length)],
    ['users.list', (c: NotAi) => c.users.list({ pageSize: 2 }).then((p) => p.data.length)],
    ['users.sessions', (c: NotAi) => c.users.sessions(userId).then((p) => p.data.every((s) => s.userId === userId))],
    ['courses.list', (c: NotAi) => c.courses.list().then((p) => p.data.length > 0)],
    ['analytics.get', (c: NotAi) => c.analytics.get({ period: '30d', groupBy: 'week' }).then((r) => [r.data.period, r.data.groupBy])],
    ['stats.get', (c: NotAi) => c.stats.get().then((r) => typeof r.data.totalSessions)],
    ['usage.get', (c: NotAi) => c.usage.get({ metric: 'apicalls' as 'ApiCalls' }).then((r) => Array.isArray(r.data))],
    ['integration.get', (c: NotAi) => c.integration.get().then((r) => r.data.tier)],
    ['health.check', (c: NotAi) => c.health.check().then((r) => [r.status, r.version])],
  ])('%s', async (_name, call) => {
    const expected: Record<string, unknown> = {
      'sessions.list': 5,
      'sessions.get': BIG_SESSION_ID,
      'sessions.details': BIG_SESSION_ID,
      'sessions.events': 3,
      'users.list': 2,
      'users.sessions': true,
      'courses.list': true,
      'analytics.get': ['30d', 'week'],
      'stats.get': 'number',
      'usage.get': true,
      'integration.get': 'pro',
      'health.check': ['healthy', '1.0.17.0'],
    };
    expect(await call(client())).toEqual(expected[_name]);
    expect(us.requests.every((r) => r.status === 200)).toBe(true);
  });
});

describe('pagination against the server', () => {
  it('walks every session exactly once, with the tier clamp echoed', async () => {
    const ids: string[] = [];
    for await (const s of client(TEST_KEYS.us.free).sessions.list({ pageSize: 1000 } as { pageSize: number })) ids.push(s.id);
    expect(ids).toHaveLength(SESSION_COUNT);
    expect(new Set(ids).size).toBe(SESSION_COUNT);
    const first = await client(TEST_KEYS.us.free).sessions.list({ pageSize: 1000 });
    expect(first.pagination).toMatchObject({ limit: 50, hasMore: true });
  });

  it('walks 1,234 events of one session page by page and resumes from a saved cursor', async () => {
    const c = client(TEST_KEYS.us.enterprise);
    let pages = 0;
    let count = 0;
    for await (const page of c.sessions.events(BIG_SESSION_ID).pages()) {
      pages++;
      count += page.data.length;
    }
    expect([pages, count]).toEqual([13, 1234]);

    const first = await c.sessions.events(BIG_SESSION_ID, { pageSize: 100 });
    const resumed: string[] = [];
    for await (const e of c.sessions.events(BIG_SESSION_ID, { pageSize: 100, cursor: first.nextCursor! })) resumed.push(e.eventId);
    expect(resumed).toHaveLength(1134);
  });

  it('stops at maxItems and maxPages', async () => {
    const items: ListSessionsItem[] = [];
    for await (const s of client().sessions.list({ pageSize: 10 }, { maxItems: 25 })) items.push(s);
    expect(items).toHaveLength(25);
    let pages = 0;
    for await (const _ of client().sessions.list({ pageSize: 10 }, { maxPages: 2 }).pages()) pages++;
    expect(pages).toBe(2);
  });

  it('retries a failed page on its own: the walk neither restarts nor duplicates', async () => {
    us.faults.status(503, { count: 1, pathPrefix: '/v1/sessions' });
    const first = await client().sessions.list({ pageSize: 100 });
    const second = await first.getNextPage();
    expect(first.data.length + second.data.length).toBe(200);
    expect(us.requests.map((r) => r.status)).toEqual([503, 200, 200]);
  });
});

describe('auth, regions and errors against the server', () => {
  it('sends x-api-key when asked, and the tier comes back on withResponse', async () => {
    const { data, tier, requestId } = await client(TEST_KEYS.us.free, { authHeader: 'x-api-key' }).integration.get().withResponse();
    expect([data.data.tier, tier]).toEqual(['free', 'free']);
    expect(requestId).toMatch(/.+/);
    expect(us.requests[0]!.auth).toBe('x-api-key');
  });

  it('an EU key works against the EU server and is a 401 in the US', async () => {
    expect((await new NotAi({ apiKey: TEST_KEYS.eu.pro, baseUrl: eu.url }).integration.get()).data.tier).toBe('pro');
    const error = await client(TEST_KEYS.eu.pro).integration.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_API_KEY', tier: undefined });
  });

  it('maps 403, 404 and 400 to their classes with the stable code', async () => {
    await expect(client().sessions.get(FOREIGN_SESSION_ID)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(client().sessions.get('ses_does_not_exist')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await expect(client().sessions.get('ses_does_not_exist')).rejects.toBeInstanceOf(NotFoundError);
    const bad = await client().sessions.list({ startDate: 'not-a-date' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect(bad).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'startDate' }, tier: 'pro' });
  });

  it('honours Retry-After on 429 and surfaces it when retries run out', async () => {
    const limited = await startContractServer({ rateLimits: { free: 1 } });
    try {
      const c = new NotAi({ apiKey: TEST_KEYS.us.free, baseUrl: limited.url, maxRetries: 0 });
      await c.stats.get();
      const error = await c.stats.get().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAfter).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

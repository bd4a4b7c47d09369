import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotAi,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  BadRequestError,
  Page,
  type ListSessionsItem,
} from '../../generated/src/index.js';
import type { OperationIR } from '../../generator/ir/types.js';
import { BIG_SESSION_ID, FIXTURES, FOREIGN_SESSION_ID, SESSION_COUNT } from '../contract-server/fixtures.js';
import { TEST_KEYS } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { API_VERSION } from '../contract-server/types.js';
import { irOperation, pinnedIR, pinnedSpec, specOperations } from '../helpers/pinned.js';

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

type Call = (c: NotAi) => PromiseLike<unknown>;

/** Hand-picked calls of the operations the contract server knows, by operationId: the call, and the value it must resolve to. */
const HAND_PICKED: Record<string, [name: string, call: Call, expected: unknown]> = {
  listSessions: ['sessions.list', (c) => c.sessions.list({ pageSize: 5 }).then((p) => p.data.length), 5],
  getSession: ['sessions.get', (c) => c.sessions.get(BIG_SESSION_ID).then((r) => r.id), BIG_SESSION_ID],
  getSessionDetails: ['sessions.details', (c) => c.sessions.details(BIG_SESSION_ID).then((r) => r.sessionId), BIG_SESSION_ID],
  listEvents: ['sessions.events', (c) => c.sessions.events(BIG_SESSION_ID, { pageSize: 3 }).then((p) => p.data.length), 3],
  listUsers: ['users.list', (c) => c.users.list({ pageSize: 2 }).then((p) => p.data.length), 2],
  getUserSessions: ['users.sessions', (c) => c.users.sessions(userId).then((p) => p.data.every((s) => s.userId === userId)), true],
  listCourses: ['courses.list', (c) => c.courses.list().then((p) => p.data.length > 0), true],
  getAnalytics: ['analytics.get', (c) => c.analytics.get({ period: '30d', groupBy: 'week' }).then((r) => [r.period, r.groupBy]), ['30d', 'week']],
  getStats: ['stats.get', (c) => c.stats.get().then((r) => typeof r.totalSessions), 'number'],
  getUsage: ['usage.get', (c) => c.usage.get({ metric: 'apicalls' as 'ApiCalls' }).then((r) => Array.isArray(r.data)), true],
  getIntegration: ['integration.get', (c) => c.integration.get().then((r) => r.tier), 'pro'],
  // The version the contract server reports, not the pinned spec's.
  health: ['health.check', (c) => c.health.check().then((r) => [r.status, r.version]), ['healthy', API_VERSION]],
};

type ResourceMethod = (...args: unknown[]) => PromiseLike<unknown>;

/**
 * Operations without a hand-picked call (added since): `client.<resource>.<method>` as the IR
 * names it, with path arguments the contract server has data for and the required parameters;
 * it must resolve to a JSON object (a Page for a list, whose body is one).
 */
function callFromIR(op: OperationIR): [name: string, call: Call, expected: unknown] {
  const known: Record<string, string> = { sessionId: BIG_SESSION_ID, userId };
  const pathArgs = op.pathParams.map((p) => known[p.name] ?? 'x');
  const required = op.namedParams.filter((p) => p.required).map((p) => [p.name, p.schema.enum?.[0] ?? p.schema.default ?? (p.schema.type === 'integer' || p.schema.type === 'number' ? (p.schema.minimum ?? 1) : p.schema.type === 'boolean' ? true : 'x')]);
  const call: Call = (c) => {
    const resource = (c as unknown as Record<string, Record<string, ResourceMethod> | undefined>)[op.resource];
    const method = resource?.[op.resourceMethod];
    if (typeof method !== 'function') throw new Error(`client.${op.resource}.${op.resourceMethod} does not exist`);
    return method.call(resource, ...pathArgs, ...(op.namedParams.length ? [Object.fromEntries(required)] : [])).then((r) => typeof (r instanceof Page ? r.body : r));
  };
  return [`${op.resource}.${op.resourceMethod}`, call, 'object'];
}

const ir = await pinnedIR();
/** Every operation of the pinned spec, in spec order. */
const cases = specOperations(pinnedSpec()).map(({ method, path }) => {
  const op = irOperation(ir, method, path);
  const [name, call, expected] = HAND_PICKED[op.operationId] ?? callFromIR(op);
  return { name, call, expected };
});

describe('every method against the contract server', () => {
  it('calls every operation of the spec, and every hand-picked call names one', () => {
    expect(cases).toHaveLength(ir.operations.length);
    expect(Object.keys(HAND_PICKED).filter((id) => !ir.operations.some((o) => o.operationId === id))).toEqual([]);
  });

  it.each(cases)('$name', async ({ call, expected }) => {
    expect(await call(client())).toEqual(expected);
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
    expect((await new NotAi({ apiKey: TEST_KEYS.eu.pro, baseUrl: eu.url }).integration.get()).tier).toBe('pro');
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

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotAi } from '../../generated/src/index.js';
import { BIG_SESSION_EVENT_COUNT, BIG_SESSION_ID, FIXTURES, SESSION_COUNT } from '../contract-server/fixtures.js';
import { TEST_KEYS, UNKNOWN_TEST_KEY } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { TOOLS } from '../../generated-mcp/src/tools.js';
import { pinnedSpec, specOperations } from '../helpers/pinned.js';
import { asPage, connect, type Harness } from './harness.js';

/** The generated MCP server driven by a real MCP client, against the contract server on 127.0.0.1. */
let api: ContractServer;
let mcp: Harness;
beforeAll(async () => {
  api = await startContractServer({ region: 'us' });
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  api.reset();
  mcp = await connect({ baseUrl: api.url, apiKey: TEST_KEYS.us.enterprise });
});
afterEach(async () => {
  await mcp.close();
});

const userId = FIXTURES.users[0]!.userId;

/**
 * Tool names of the operations agents already know (operationId → name). An agent's prompts and
 * allow-lists hold these, so a release must not rename one; a new operation adds a name.
 */
const KNOWN_TOOL_NAMES: Record<string, string> = {
  health: 'get_health',
  getAnalytics: 'get_analytics',
  listCourses: 'list_courses',
  getIntegration: 'get_integration',
  listSessions: 'list_sessions',
  getSession: 'get_session',
  getSessionDetails: 'get_session_details',
  listEvents: 'list_session_events',
  getStats: 'get_stats',
  getUsage: 'get_usage',
  listUsers: 'list_users',
  getUserSessions: 'list_user_sessions',
};

/**
 * What the listing may cost an agent's context: bytes of one tool's input schema (the largest,
 * a list tool with many filters and item fields, is under 2,000), and of the listing per tool
 * (about 1,250). A schema that stops being flat ($defs, repeated $ref targets) breaks these.
 */
const MAX_SCHEMA_BYTES = 3_000;
const MAX_LISTING_BYTES_PER_TOOL = 1_600;
/**
 * Output schemas are listed too and cost as much again: the largest (get_analytics, whose answer
 * has many documented fields) is about 4,100 bytes, the rest 800 to 2,500.
 */
const MAX_OUTPUT_SCHEMA_BYTES = 5_000;

describe('tools/list', () => {
  it('lists one flat, self-contained, read-only tool per operation of the spec', async () => {
    const { tools } = await mcp.client.listTools();
    const operations = specOperations(pinnedSpec());
    expect(TOOLS.map((t) => `${t.binding.method} ${t.binding.path}`)).toEqual(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    const names = Object.fromEntries(TOOLS.map((t) => [t.binding.operationId, t.name]));
    expect(Object.fromEntries(Object.keys(KNOWN_TOOL_NAMES).map((id) => [id, names[id]]))).toEqual(KNOWN_TOOL_NAMES);
    expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
    // The SDK lists the generated table as it is: schemas are not rewritten on the way out.
    expect(tools.map(({ name, title, description, inputSchema, annotations }) => ({ name, title, description, inputSchema, annotations }))).toEqual(
      TOOLS.map(({ name, title, description, inputSchema, annotations }) => ({ name, title, description, inputSchema, annotations })),
    );
    const text = JSON.stringify(tools);
    expect(text).not.toMatch(/\$ref|\$defs|definitions/);
    const withoutOutput = JSON.stringify(tools.map(({ outputSchema: _output, ...rest }) => rest));
    expect(Buffer.byteLength(withoutOutput)).toBeLessThanOrEqual(MAX_LISTING_BYTES_PER_TOOL * tools.length);
    for (const tool of tools) {
      expect(tool.outputSchema, tool.name).toEqual(TOOLS.find((t) => t.name === tool.name)!.outputSchema);
      expect(tool.outputSchema).toMatchObject({ type: 'object' });
      expect(Buffer.byteLength(JSON.stringify(tool.outputSchema)), tool.name).toBeLessThanOrEqual(MAX_OUTPUT_SCHEMA_BYTES);
      expect(Buffer.byteLength(JSON.stringify(tool.inputSchema)), tool.name).toBeLessThanOrEqual(MAX_SCHEMA_BYTES);
      expect(tool.name.length).toBeLessThanOrEqual(48);
      expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, destructiveHint: false });
      expect(tool.title).toMatch(/\S/);
    }
  });

  it('describes what an agent needs: defaults, the tier clamp, how to pass the cursor', async () => {
    const { tools } = await mcp.client.listTools();
    const sessions = tools.find((t) => t.name === 'list_sessions')!;
    const props = sessions.inputSchema.properties as Record<string, { description: string; default?: unknown; maximum?: number; enum?: unknown[] }>;
    expect(props['pageSize']).toMatchObject({ default: 25, minimum: 1, maximum: 100 });
    expect(props['pageSize']!.description).toMatch(/clamped silently.*asks for 25/s);
    expect(props['cursor']!.description).toMatch(/nextCursor: pass it back unchanged/);
    expect(props['fields']!).toMatchObject({ type: 'array', items: { enum: expect.arrayContaining(['id', 'botScore']) } });
    expect(props['maxItems']!).toMatchObject({ minimum: 1, maximum: 1000 });
    expect(sessions.description).toMatch(/\{items, nextCursor, hasMore\}/);
    const usage = tools.find((t) => t.name === 'get_usage')!;
    // The spec's enum, as the spec has it today.
    const { path } = TOOLS.find((t) => t.name === 'get_usage')!.binding;
    const paths = pinnedSpec().paths as Record<string, { get: { parameters: { name: string; schema: { enum?: unknown[] } }[] } }>;
    const metric = paths[path]!.get.parameters.find((p) => p.name === 'metric')!;
    expect(metric.schema.enum?.length).toBeGreaterThan(0);
    expect((usage.inputSchema.properties as Record<string, { enum?: unknown[] }>)['metric']!.enum).toEqual(metric.schema.enum);
    expect(sessions.inputSchema.required).toBeUndefined();
    expect(tools.find((t) => t.name === 'get_session')!.inputSchema.required).toEqual(['sessionId']);
  });
});

type Json = Record<string, unknown>;

/** Hand-picked calls of the tools the contract server knows, by name: arguments, what to read from the result, the value it must have. */
// Tools answer the model itself: a `{ data: X }` envelope the IR detected is unwrapped (ResponseIR.envelope).
const HAND_PICKED: Record<string, [args: Json, pick: (j: Json) => unknown, expected: unknown]> = {
  get_health: [{}, (j) => j['status'], 'healthy'],
  get_analytics: [{ period: '30d', groupBy: 'week' }, (j) => j['period'], '30d'],
  list_courses: [{}, (j) => asPage(j).items.length > 0, true],
  get_integration: [{}, (j) => j['tier'], 'enterprise'],
  list_sessions: [{ pageSize: 5 }, (j) => asPage(j).items.length, 5],
  get_session: [{ sessionId: BIG_SESSION_ID }, (j) => j['id'], BIG_SESSION_ID],
  get_session_details: [{ sessionId: BIG_SESSION_ID }, (j) => j['sessionId'], BIG_SESSION_ID],
  list_session_events: [{ sessionId: BIG_SESSION_ID, pageSize: 3 }, (j) => asPage(j).items.length, 3],
  get_stats: [{}, (j) => typeof j['totalSessions'], 'number'],
  get_usage: [{ metric: 'ApiCalls' }, (j) => Array.isArray(j['data']), true],
  list_users: [{ pageSize: 2 }, (j) => asPage(j).items.length, 2],
  list_user_sessions: [{ userId }, (j) => asPage(j).items.every((s) => s['userId'] === userId), true],
};

/** Arguments a tool requires, by name where the contract server has data for it, else from the argument's schema. */
function requiredArguments(inputSchema: Json): Json {
  const known: Json = { sessionId: BIG_SESSION_ID, userId };
  const properties = (inputSchema['properties'] ?? {}) as Record<string, Json>;
  const required = (inputSchema['required'] ?? []) as string[];
  return Object.fromEntries(
    required.map((name) => {
      const schema = properties[name] ?? {};
      const enumValues = schema['enum'] as unknown[] | undefined;
      const type = Array.isArray(schema['type']) ? (schema['type'] as unknown[])[0] : schema['type'];
      const value = known[name] ?? enumValues?.[0] ?? schema['default'] ?? (type === 'integer' || type === 'number' ? (schema['minimum'] ?? 1) : type === 'boolean' ? true : 'x');
      return [name, value];
    }),
  );
}

describe('every tool, once', () => {
  it('every hand-picked call names a tool the server has (the others are built from the schema)', () => {
    expect(Object.keys(HAND_PICKED).filter((name) => !TOOLS.some((t) => t.name === name))).toEqual([]);
  });

  // Tools without a hand-picked call (operations added since) get their required arguments and
  // must come back as a JSON object from one successful request.
  const cases = TOOLS.map((tool) => {
    const picked = HAND_PICKED[tool.name];
    return picked ? { name: tool.name, args: picked[0], pick: picked[1], expected: picked[2] } : { name: tool.name, args: requiredArguments(tool.inputSchema), pick: (j: Json) => typeof j, expected: 'object' };
  });
  it.each(cases)('$name', async ({ name, args, pick, expected }) => {
    const result = await mcp.call(name, args);
    expect(result.isError, result.text).toBe(false);
    expect(pick(result.json)).toEqual(expected);
    // The same JSON as structured content, in the documented shape (the client checked it against
    // the listed outputSchema, or the call would have failed): neither cut nor flagged.
    expect(result.structured).toEqual(result.json);
    expect(result.structured).not.toHaveProperty('mismatch');
    expect(result.structured).not.toHaveProperty('truncated');
    expect(api.requests.map((r) => r.status)).toEqual([200]);
  });
});

describe('pages an agent can walk', () => {
  it('walks every session with nextCursor: no gap, no duplicate, the API order', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page = asPage((await mcp.call('list_sessions', { pageSize: 40, fields: ['id'], ...(cursor ? { cursor } : {}) })).json);
      ids.push(...page.items.map((s) => String(s['id'])));
      expect(page.hasMore).toBe(page.nextCursor !== null);
      cursor = page.nextCursor;
      calls++;
    } while (cursor !== null);
    expect(calls).toBe(Math.ceil(SESSION_COUNT / 40));
    expect(new Set(ids).size).toBe(SESSION_COUNT);
    const direct: string[] = [];
    for await (const s of new NotAi({ apiKey: TEST_KEYS.us.enterprise, baseUrl: api.url }).sessions.list({ pageSize: 100 })) direct.push(s.id);
    expect(ids).toEqual(direct);
  });

  it('defaults to an agent-sized page and projects fields', async () => {
    const page = asPage((await mcp.call('list_sessions', { fields: ['id', 'botScore'] })).json);
    expect(page.items).toHaveLength(25);
    expect(Object.keys(page.items[0]!).sort()).toEqual(['botScore', 'id']);
    expect(api.requests[0]!.query).toMatchObject({ pageSize: '25' });
  });

  it('maxItems walks pages with the paginator and returns a cursor that resumes exactly', async () => {
    const first = asPage((await mcp.call('list_session_events', { sessionId: BIG_SESSION_ID, maxItems: 130, fields: ['eventId'] })).json);
    expect(first.items).toHaveLength(130);
    expect(first.hasMore).toBe(true);
    // 100 + 100 fetched; the second page is read again with pageSize 30 so the cursor lands after item 130.
    expect(api.requests.map((r) => r.query['pageSize'])).toEqual(['100', '100', '30']);
    expect(api.requests[2]!.query['cursor']).toBe(api.requests[1]!.query['cursor']);
    const ids = first.items.map((e) => e['eventId']);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = asPage((await mcp.call('list_session_events', { sessionId: BIG_SESSION_ID, cursor, maxItems: 500, fields: ['eventId'] })).json);
      ids.push(...page.items.map((e) => e['eventId']));
      cursor = page.nextCursor;
    }
    expect(ids).toHaveLength(BIG_SESSION_EVENT_COUNT);
    expect(new Set(ids).size).toBe(BIG_SESSION_EVENT_COUNT);
  });
});

describe('the result budget', () => {
  it('keeps the first k items that fit and re-fetches the same cursor with pageSize = k', async () => {
    await mcp.close();
    mcp = await connect({ baseUrl: api.url, apiKey: TEST_KEYS.us.enterprise, settings: { resultBudget: 4_000 } });
    const second = asPage((await mcp.call('list_sessions', { pageSize: 10 })).json);
    api.reset();
    const page = asPage((await mcp.call('list_sessions', { pageSize: 50, cursor: second.nextCursor })).json);
    const k = page.items.length;
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(50);
    expect(JSON.stringify(page).length).toBeLessThanOrEqual(4_000);
    expect(api.requests.map((r) => [r.query['cursor'], r.query['pageSize']])).toEqual([
      [second.nextCursor, '50'],
      [second.nextCursor, String(k)],
    ]);

    // Walking the whole list under the budget still sees every session once, in order.
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const next = asPage((await mcp.call('list_sessions', { pageSize: 100, ...(cursor ? { cursor } : {}) })).json);
      expect(JSON.stringify(next).length).toBeLessThanOrEqual(4_000);
      ids.push(...next.items.map((s) => String(s['id'])));
      cursor = next.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual(FIXTURES.sessions.map((s) => s.session.id));
  });

  it('cuts long arrays of a single object with an explicit truncated note, never mid-string', async () => {
    await mcp.close();
    mcp = await connect({ baseUrl: api.url, apiKey: TEST_KEYS.us.enterprise, settings: { resultBudget: 2_000 } });
    const result = await mcp.call('get_session_details', { sessionId: BIG_SESSION_ID });
    expect(result.isError).toBe(false);
    expect(result.text.length).toBeLessThanOrEqual(2_000);
    const truncated = result.json['truncated'] as { note: string; arrays: { path: string; kept: number; total: number }[] };
    expect(truncated.note).toMatch(/2000-character result budget/);
    expect(truncated.arrays.length).toBeGreaterThan(0);
    for (const cut of truncated.arrays) expect(cut.kept).toBeLessThan(cut.total);
    expect(result.json).toMatchObject({ sessionId: BIG_SESSION_ID });
    // Cut, it still conforms to the outputSchema (the client checked) and says so.
    expect(result.structured).toEqual(result.json);
  });
});

describe('errors become isError results', () => {
  it('rejects a schema-invalid argument before any request', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ pageSize: 0 }, 'pageSize', /0 is less than 1/],
      [{ pageSize: 'ten' }, 'pageSize', /Expected "integer"/],
      [{ colour: 'red' }, 'colour', /unknown argument "colour" \(expected one of: pageSize, cursor, status/],
      [{ fields: ['nope'] }, 'fields', /fields/],
    ];
    for (const [args, field, message] of cases) {
      const result = await mcp.call('list_sessions', args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect(result.json['error']).toMatchObject({ code: 'INVALID_ARGUMENTS', message: expect.stringMatching(/^Invalid arguments for list_sessions: /), details: { field } });
      expect((result.json['error'] as { message: string }).message).toMatch(message);
    }
    const missing = await mcp.call('get_session', {});
    expect(missing.json['error']).toMatchObject({ code: 'INVALID_ARGUMENTS', message: expect.stringMatching(/required property "sessionId"/), details: { field: 'sessionId' } });
    expect(api.requests).toEqual([]);
  });

  it('maps an API validation error with its field', async () => {
    const result = await mcp.call('get_usage', { startDate: 'last tuesday' });
    expect(result.isError).toBe(true);
    expect(result.json['error']).toMatchObject({ code: 'VALIDATION_ERROR', status: 400, details: { field: 'startDate' }, hint: expect.stringMatching(/"startDate"/) });
  });

  it('maps 401 with a hint naming the variable, never the key', async () => {
    await mcp.close();
    mcp = await connect({ baseUrl: api.url, apiKey: UNKNOWN_TEST_KEY });
    const result = await mcp.call('get_integration');
    expect(result.isError).toBe(true);
    expect(result.json['error']).toMatchObject({ code: 'INVALID_API_KEY', status: 401, message: expect.any(String), hint: expect.stringMatching(/NOTAI_API_KEY/) });
    expect(result.text).not.toContain(UNKNOWN_TEST_KEY);
  });

  it('maps 404', async () => {
    const result = await mcp.call('get_session', { sessionId: 'ses_doesnotexist' });
    expect(result.structured).toBeUndefined();
    expect(result.json['error']).toMatchObject({ code: 'NOT_FOUND', status: 404, hint: expect.stringMatching(/check the id/) });
    expect(result.isError).toBe(true);
  });

  it('maps 429 with Retry-After', async () => {
    api.faults.rateLimited(7);
    const result = await mcp.call('list_sessions');
    expect(result.isError).toBe(true);
    expect(result.json['error']).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 7, hint: 'Rate limited: wait 7 seconds before calling again.' });
  });

  it('maps a 5xx and a bad cursor', async () => {
    api.faults.status(503);
    expect((await mcp.call('get_stats')).json['error']).toMatchObject({ status: 503, hint: expect.stringMatching(/temporary/) });
    const bad = await mcp.call('list_sessions', { cursor: 'not-a-cursor' });
    expect(bad.json['error']).toMatchObject({ code: 'INVALID_CURSOR', status: 400, hint: expect.stringMatching(/nextCursor back exactly/) });
  });
});

describe('the API key', () => {
  it('appears in no result, no listing and no log line', async () => {
    const canary = TEST_KEYS.us.enterprise;
    const outputs: string[] = [JSON.stringify(await mcp.client.listTools())];
    const calls: [string, Record<string, unknown>][] = [
      ['get_integration', {}],
      ['list_sessions', { maxItems: 60 }],
      ['get_session_details', { sessionId: BIG_SESSION_ID }],
      ['get_session', { sessionId: 'ses_doesnotexist' }],
      ['list_sessions', { cursor: 'tampered' }],
      ['list_sessions', { pageSize: -1 }],
    ];
    for (const [name, args] of calls) outputs.push((await mcp.call(name, args)).text);
    api.faults.status(500);
    outputs.push((await mcp.call('get_stats')).text);
    expect(mcp.logs.length).toBeGreaterThan(5);
    for (const text of [...outputs, ...mcp.logs]) expect(text).not.toContain(canary);
    // The integration record carries only the masked key.
    expect(outputs[1]).toMatch(/aik_v1_\*+/);
  });
});

describe('without a key', () => {
  it('still lists every tool, answers keyed calls with the variables to set, and runs keyless ones', async () => {
    await mcp.close();
    mcp = await connect({ baseUrl: api.url });
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    const keyed = TOOLS.filter((t) => t.binding.auth);
    const keyless = TOOLS.filter((t) => !t.binding.auth);
    expect(keyed.length).toBeGreaterThan(0);
    expect(keyless.length).toBeGreaterThan(0);
    for (const tool of keyed) {
      const result = await mcp.call(tool.name, requiredArguments(tool.inputSchema));
      expect(result.isError, tool.name).toBe(true);
      expect(result.structured).toBeUndefined();
      expect(result.json['error']).toMatchObject({ code: 'MISSING_API_KEY', message: expect.stringMatching(/set NOTAI_API_KEY or ISNOTAI_API_KEY in the environment of this server/) });
    }
    expect(api.requests).toEqual([]);
    for (const tool of keyless) {
      const result = await mcp.call(tool.name, requiredArguments(tool.inputSchema));
      expect(result.isError, result.text).toBe(false);
      expect(result.structured).toEqual(result.json);
    }
    expect(api.requests.map((r) => [r.path, r.status, r.auth])).toEqual(keyless.map((t) => [t.binding.path, 200, null]));
  });
});

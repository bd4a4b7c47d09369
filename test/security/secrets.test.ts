/**
 * The API key is a canary: whatever goes wrong, it must never appear in an error's message,
 * toString(), JSON.stringify(error), util.inspect(error, { depth: 10, showHidden: true }) or
 * stack, in any log line (level debug, capturing logger), in hook payloads, or in
 * util.inspect / JSON.stringify of the client itself. Every error class the generated client
 * exports is produced by a real failure here (real sockets on 127.0.0.1, mostly a server that
 * ECHOES the key back in its body, headers, request id and tier), and the suite checks that
 * none was left out.
 */
import { inspect } from 'node:util';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as sdk from '../../generated/src/index.js';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotAi,
  NotAiError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  UnprocessableEntityError,
  type NotAiOptions,
} from '../../generated/src/index.js';
import { FOREIGN_SESSION_ID } from '../contract-server/fixtures.js';
import { TEST_KEYS, UNKNOWN_TEST_KEY } from '../contract-server/keys.js';
import { startContractServer, type ContractServer } from '../contract-server/server.js';
import { capturingLogger, everyView, json, startScriptedServer, type ScriptedServer } from './helpers.js';

/** Matches the key format (aik_v1_ + 40 base64url characters) and is easy to grep for. */
const CANARY = 'aik_v1_CANARYcanary_CANARY-canary_0123456789abc';
/** Any of these in any output is a leak: the whole key, its body, or a distinctive middle. */
const FRAGMENTS = (key: string): string[] => [key, key.slice(7), key.slice(12, 30)];

function leaks(views: Record<string, string>, key = CANARY): string[] {
  return Object.entries(views).flatMap(([view, text]) =>
    FRAGMENTS(key)
      .filter((fragment) => text.includes(fragment))
      .map((fragment) => `${view} contains "${fragment}"`),
  );
}

/** The key as a JSON string escape would spell it: JSON.parse turns it back into the key. */
const escaped = (key: string): string => `\\u${key.charCodeAt(0).toString(16).padStart(4, '0')}${key.slice(1)}`;

function presentedKey(req: IncomingMessage): string {
  const header = req.headers['x-api-key'] ?? req.headers.authorization ?? '';
  return String(header).replace(/^Bearer /, '');
}

/** Headers of a hostile server: the key in a custom header, WWW-Authenticate, request id and tier. */
function echoHeaders(key: string): Record<string, string> {
  return {
    'x-echo-key': key,
    'www-authenticate': `Bearer error="invalid_token", key="${key}"`,
    'x-request-id': `req_${key}`,
    'x-isnotai-tier': `tier-of-${key}`,
    'retry-after-ms': '1',
  };
}

/** An error envelope that quotes the key plainly, JSON-escaped, nested and under __proto__. */
function echoEnvelope(key: string): string {
  const k = key;
  const e = escaped(key);
  return (
    `{"error":{"code":"ECHO","message":"Key ${k} (alias ${e}) was rejected",` +
    `"details":{"key":"${k}","nested":{"deeper":["${e}",{"again":"${k}"}]},"__proto__":{"k":"${e}"}}},` +
    `"echo":"${e}","${e}":true}`
  );
}

let echo: ScriptedServer;
let elsewhere: ScriptedServer;
let contract: ContractServer;
let closedPort: string;

beforeAll(async () => {
  echo = await startScriptedServer();
  elsewhere = await startScriptedServer();
  contract = await startContractServer();
  const gone = await startScriptedServer();
  closedPort = gone.url;
  await gone.close();
});
afterAll(async () => {
  await Promise.all([echo.close(), elsewhere.close(), contract.close()]);
  const produced = new Set([...errorsSeen].map((e) => e.constructor));
  const exported = Object.values(sdk).filter(
    (value): value is typeof NotAiError => typeof value === 'function' && (value === NotAiError || value.prototype instanceof NotAiError),
  );
  console.log(`secrets: ${errorsSeen.size} failures checked across ${produced.size} of ${exported.length} error classes`);
  expect(exported.filter((cls) => !produced.has(cls)).map((cls) => cls.name)).toEqual([]);
});

const errorsSeen = new Set<Error>();
type AuthMode = 'bearer' | 'x-api-key';

interface Run {
  error: unknown;
  logs: ReturnType<typeof capturingLogger>;
  hooks: unknown[];
  client: NotAi | undefined;
}

/** Builds a client with a debug logger and hooks, runs `call`, and returns what it threw. */
async function runCase(options: NotAiOptions, call: (client: NotAi) => unknown): Promise<Run> {
  const logs = capturingLogger();
  const hooks: unknown[] = [];
  let client: NotAi | undefined;
  let error: unknown;
  try {
    client = new NotAi({
      logger: logs,
      logLevel: 'debug',
      maxRetries: 1,
      hooks: { onRequest: (info) => hooks.push(info), onResponse: (info) => hooks.push(info) },
      ...options,
    });
    await call(client);
  } catch (caught) {
    error = caught;
  }
  if (error instanceof Error) errorsSeen.add(error);
  return { error, logs, hooks, client };
}

function expectNoLeak(run: Run, key = CANARY): void {
  expect(run.error).toBeInstanceOf(NotAiError);
  expect(leaks(everyView(run.error), key)).toEqual([]);
  expect(leaks({ logs: run.logs.text() }, key)).toEqual([]);
  expect(leaks({ hooks: inspect(run.hooks, { depth: 10, showHidden: true }) }, key)).toEqual([]);
  if (run.client !== undefined) {
    expect(leaks({ inspect: inspect(run.client, { depth: 10, showHidden: true }), JSON: JSON.stringify(run.client) }, key)).toEqual([]);
  }
}

describe.each<AuthMode>(['bearer', 'x-api-key'])('a server that echoes the key (%s)', (authHeader) => {
  const client = (extra: Partial<NotAiOptions> = {}): NotAiOptions => ({ apiKey: CANARY, baseUrl: echo.url, authHeader, ...extra });

  it.each<[number, typeof APIError]>([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [418, APIError],
  ])('%i in a JSON envelope (plain, escaped and nested) and in headers', async (status, cls) => {
    echo.handle((req, res) => json(res, status, echoEnvelope(presentedKey(req)), echoHeaders(presentedKey(req))));
    const run = await runCase(client(), (c) => c.sessions.get('ses_1'));
    expect(run.error).toBeInstanceOf(cls);
    const error = run.error as APIError;
    expect(error.status).toBe(status);
    expect(error.code).toBe('ECHO');
    expect(error.message).toBe('Key [redacted] (alias [redacted]) was rejected');
    expect(error.details).toMatchObject({ key: '[redacted]', nested: { deeper: ['[redacted]', { again: '[redacted]' }] } });
    expect(error.headers.get('x-echo-key')).toBe('[redacted]');
    expect(error.requestId).toBe('req_[redacted]');
    expect(echo.seen.at(-1)?.headers[authHeader === 'bearer' ? 'authorization' : 'x-api-key']).toContain(CANARY); // it was sent
    expectNoLeak(run);
  });

  it('502 as an HTML page from a proxy', async () => {
    echo.handle((req, res) => {
      res.writeHead(502, { 'content-type': 'text/html', ...echoHeaders(presentedKey(req)) });
      res.end(`<html><body><h1>Bad Gateway</h1><p>upstream refused ${presentedKey(req)}</p></body></html>`);
    });
    const run = await runCase(client(), (c) => c.stats.get());
    expect(run.error).toBeInstanceOf(InternalServerError);
    expect((run.error as Error).message).toBe('HTTP 502: Bad Gateway upstream refused [redacted]');
    expectNoLeak(run);
  });

  it.each([
    ['not JSON', (key: string) => `<html>Welcome, ${key}</html>`],
    ['truncated JSON', (key: string) => `{"data":[{"id":"${key}"`],
    ['empty', () => ''],
  ])('an unusable 200 body (%s) is an InvalidResponseError', async (_label, bodyOf) => {
    echo.handle((req, res) => json(res, 200, bodyOf(presentedKey(req)), echoHeaders(presentedKey(req))));
    const run = await runCase(client(), (c) => c.stats.get());
    expect(run.error).toBeInstanceOf(InvalidResponseError);
    expect((run.error as InvalidResponseError).requestId).toBe('req_[redacted]');
    expectNoLeak(run);
  });

  it('a redirect to another origin with the key in its Location is refused without naming it', async () => {
    echo.handle((req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/collect?key=${presentedKey(req)}`, ...echoHeaders(presentedKey(req)) });
      res.end();
    });
    const before = elsewhere.seen.length;
    const run = await runCase(client(), (c) => c.stats.get());
    expect(run.error).toBeInstanceOf(InvalidResponseError);
    expect((run.error as Error).message).toContain(`to another origin, ${elsewhere.origin}:`);
    expect(elsewhere.seen.length).toBe(before);
    expectNoLeak(run);
  });

  it('a list whose next cursor is the key, repeated: the cursor error and the URLs in logs and hooks are scrubbed', async () => {
    echo.handle((req, res) => {
      const key = presentedKey(req);
      json(res, 200, { data: [{ id: 'ses_1' }], pagination: { nextCursor: key, hasMore: true } }, { 'x-echo-key': key });
    });
    const run = await runCase(client(), async (c) => {
      for await (const _ of c.sessions.list()) void _;
    });
    expect(run.error).toBeInstanceOf(InvalidResponseError);
    expect((run.error as Error).message).toMatch(/^Pagination cursor repeated: the next cursor "\[redacted\]"/);
    // Success bodies are scrubbed too, so the echoed cursor comes back as the placeholder.
    expect(echo.seen.at(-1)?.url).toBe('/v1/sessions?cursor=%5Bredacted%5D');
    expectNoLeak(run);
  });

  it('a body over maxResponseBytes is a ResponseTooLargeError, with the key masked in its URL and headers', async () => {
    echo.handle((req, res) => {
      const key = presentedKey(req);
      res.writeHead(200, { 'content-type': 'application/json', ...echoHeaders(key) });
      res.end(JSON.stringify({ data: Array.from({ length: 100 }, () => ({ id: key })) }));
    });
    const run = await runCase(client({ maxResponseBytes: 1000 }), (c) => c.sessions.list({ status: CANARY }));
    expect(run.error).toBeInstanceOf(ResponseTooLargeError);
    const error = run.error as ResponseTooLargeError;
    expect([error.status, error.limit, error.url]).toEqual([200, 1000, `${echo.url}/v1/sessions?status=[redacted]`]);
    expect(error.requestId).toBe('req_[redacted]');
    expectNoLeak(run);
  });

  it('the key in a request URL (passed as a filter by mistake) stays out of logs, hooks and errors', async () => {
    echo.handle((req, res) => json(res, 404, { error: { code: 'NOT_FOUND', message: `nothing at ${req.url}` } }));
    const run = await runCase(client(), (c) => c.sessions.list({ status: CANARY }));
    expect(run.error).toBeInstanceOf(NotFoundError);
    expect(echo.seen.at(-1)?.url).toBe(`/v1/sessions?status=${CANARY}`); // it really went out
    expect(run.hooks.length).toBeGreaterThan(0);
    expectNoLeak(run);
  });

  it('a 200 that echoes the key: nothing of it reaches the logs or hooks', async () => {
    // Inside the `{ data: … }` envelope the client unwraps, so the call succeeds with the echo.
    echo.handle((req, res) => json(res, 200, { data: echoEnvelope(presentedKey(req)) }, echoHeaders(presentedKey(req))));
    const logs = capturingLogger();
    const hooks: unknown[] = [];
    const c = new NotAi({ ...client(), logger: logs, logLevel: 'debug', hooks: { onRequest: (i) => hooks.push(i), onResponse: (i) => hooks.push(i) } });
    await c.stats.get();
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(leaks({ logs: logs.text(), hooks: inspect(hooks, { depth: 10 }) })).toEqual([]);
  });
});

describe('transport failures', () => {
  it('connection refused is an APIConnectionError', async () => {
    const run = await runCase({ apiKey: CANARY, baseUrl: closedPort, maxRetries: 1 }, (c) => c.stats.get());
    expect(run.error).toBeInstanceOf(APIConnectionError);
    expect((run.error as APIConnectionError).message).toMatch(/ECONNREFUSED/);
    expect(run.logs.lines.map((l) => l.level)).toEqual(['debug', 'info', 'debug', 'warn']); // attempt, retry, attempt, give up
    expectNoLeak(run);
  });

  it('a reset before the headers is an APIConnectionError', async () => {
    echo.handle((req) => req.socket.destroy());
    const run = await runCase({ apiKey: CANARY, baseUrl: echo.url, maxRetries: 0 }, (c) => c.stats.get());
    expect(run.error).toBeInstanceOf(APIConnectionError);
    expectNoLeak(run);
  });

  it('a custom fetch whose errors quote the request headers (message, cause chain, fields)', async () => {
    const leakyFetch: typeof fetch = async (input, init) => {
      const headers = JSON.stringify(init?.headers);
      const cause = Object.assign(new Error(`socket write of ${headers} failed`), { code: 'EPIPE', request: { headers: init?.headers } });
      throw Object.assign(new TypeError(`request to ${String(input)} with ${headers} failed`, { cause }), { init });
    };
    for (const authHeader of ['bearer', 'x-api-key'] as const) {
      const run = await runCase({ apiKey: CANARY, fetch: leakyFetch, authHeader, maxRetries: 1 }, (c) => c.stats.get());
      expect(run.error).toBeInstanceOf(APIConnectionError);
      expect((run.error as Error).message).toMatch(/^Connection error: request to https:\/\/api\.isnotai\.com\/v1\/stats with .*\[redacted\].* failed \(EPIPE\)$/);
      expect(inspect(run.error, { depth: 10 })).toContain('socket write of');
      expectNoLeak(run);
    }
  });

  it('a server that never answers: APITimeoutError (per attempt and by deadline)', async () => {
    echo.handle(() => undefined);
    const perAttempt = await runCase({ apiKey: CANARY, baseUrl: echo.url, maxRetries: 0, timeout: 100 }, (c) => c.stats.get());
    expect(perAttempt.error).toBeInstanceOf(APITimeoutError);
    expectNoLeak(perAttempt);
    const deadline = await runCase({ apiKey: CANARY, baseUrl: echo.url, timeout: 5000, deadline: 100 }, (c) => c.stats.get());
    expect((deadline.error as Error).message).toBe('Request exceeded the overall deadline of 100 ms');
    expectNoLeak(deadline);
  });

  it('an abort by the caller is an APIUserAbortError', async () => {
    echo.handle(() => undefined);
    const run = await runCase({ apiKey: CANARY, baseUrl: echo.url }, (c) => c.stats.get({ signal: AbortSignal.timeout(50) }));
    expect(run.error).toBeInstanceOf(APIUserAbortError);
    expectNoLeak(run);
  });
});

describe('the contract server', () => {
  it.each([
    ['401 for a key it does not know', UNKNOWN_TEST_KEY, (c: NotAi) => c.stats.get(), AuthenticationError],
    ['403 on a foreign session', TEST_KEYS.us.pro, (c: NotAi) => c.sessions.get(FOREIGN_SESSION_ID), PermissionDeniedError],
    ['404 on a missing session', TEST_KEYS.us.pro, (c: NotAi) => c.sessions.get('ses_missing'), NotFoundError],
    ['400 on a bad filter', TEST_KEYS.us.pro, (c: NotAi) => c.sessions.list({ startDate: 'yesterday' }), BadRequestError],
  ])('%s', async (_label, key, call, cls) => {
    const run = await runCase({ apiKey: key, baseUrl: contract.url }, call);
    expect(run.error).toBeInstanceOf(cls);
    expectNoLeak(run, key);
  });
});

describe('configuration errors (ClientError before any request)', () => {
  it.each<[string, NotAiOptions, RegExp]>([
    ['a key one character too long', { apiKey: `${CANARY}x` }, /is malformed: expected aik_v1_ .*\(got 48 characters\)\.$/],
    ['a key with a CR/LF inside', { apiKey: `${CANARY.slice(0, 20)}\r\n${CANARY.slice(20)}` }, /is malformed/],
    ['the key given as the baseUrl', { apiKey: CANARY, baseUrl: CANARY }, /^Invalid baseUrl "\[redacted\]": not an absolute URL$/],
    ['the key in the baseUrl query', { apiKey: CANARY, baseUrl: `https://api.isnotai.com/?api_key=${CANARY}` }, /must not contain a query string/],
    ['the key in a plain-http baseUrl', { apiKey: CANARY, baseUrl: `http://api.isnotai.com/${CANARY}` }, /^Refusing plain http baseUrl/],
    ['the key as user:password in the baseUrl', { apiKey: CANARY, baseUrl: `https://u:${CANARY}@api.isnotai.com` }, /must not contain credentials/],
    ['the key in a header value with CR/LF', { apiKey: CANARY, headers: { 'x-debug': `${CANARY}\r\nx-evil: 1` } }, /^Invalid value for header "x-debug"/],
  ])('%s', async (_label, options, message) => {
    const run = await runCase(options, () => undefined);
    expect(run.error).toBeInstanceOf(NotAiError);
    expect(run.error).not.toBeInstanceOf(APIError);
    expect((run.error as Error).message).toMatch(message);
    expectNoLeak(run);
  });

  it('a malformed key from the environment names the variable, not the value', async () => {
    vi.stubEnv('NOTAI_API_KEY', `${CANARY}-`);
    vi.stubEnv('ISNOTAI_API_KEY', '');
    try {
      const run = await runCase({}, () => undefined);
      expect((run.error as Error).message).toContain('from the NOTAI_API_KEY environment variable is malformed');
      expectNoLeak(run);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('per-call problems: a bad header, a bad path parameter, a bad cap', async () => {
    const calls: ((c: NotAi) => unknown)[] = [
      (c) => c.stats.get({ headers: { 'x-debug': `${CANARY}\nx-evil: 1` } }),
      (c) => c.sessions.get(`${CANARY}\r\n`),
      (c) => c.sessions.list({}, { maxItems: 0 }),
    ];
    for (const call of calls) {
      const run = await runCase({ apiKey: CANARY, baseUrl: echo.url }, call);
      expect(run.error).toBeInstanceOf(NotAiError);
      expectNoLeak(run);
    }
  });
});

describe('the client object', () => {
  it.each<AuthMode>(['bearer', 'x-api-key'])('util.inspect and JSON.stringify never show the key (%s)', (authHeader) => {
    const c = new NotAi({ apiKey: CANARY, authHeader, logger: capturingLogger(), logLevel: 'debug', hooks: {} });
    expect(
      leaks({
        inspect: inspect(c, { depth: 10, showHidden: true, getters: true }),
        JSON: JSON.stringify(c),
        String: String(c),
        resources: inspect(c.sessions, { depth: 10, showHidden: true }),
      }),
    ).toEqual([]);
  });
});

/**
 * Retries never run a call twice on the server: a POST (or an operation marked unsafe) is resent
 * only with an idempotency key, or when the request provably never left the client. Requests
 * are counted at the server: nock for answers, a real loopback server for connection failures.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIConnectionError, InternalServerError, RateLimitError } from '../../templates/runtime/errors.js';
import { idempotencyKeyPrefix, newIdempotencyKey } from '../../templates/runtime/idempotency.js';
import type { RequestSpec } from '../../templates/runtime/request-spec.js';
import { failedBeforeConnecting } from '../../templates/runtime/unsent.js';
import { api, clearKeyEnv, failure, getSpec, makeClient, settle, useFakeClock } from './fixtures.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  clearKeyEnv();
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  nock.cleanAll();
});

type Reply = [status: number, headers?: Record<string, string>];

/**
 * Scripts the answers to `method path` and returns the headers of every request that arrived.
 * Unused answers stay pending, so the count of arrivals is the count of attempts.
 */
function serve(method: 'post' | 'get' | 'put' | 'patch', replies: Reply[]): Record<string, string | undefined>[] {
  const seen: Record<string, string | undefined>[] = [];
  api()
    [method]('/v1/charges')
    .times(replies.length)
    .reply(function () {
      seen.push({ ...(this.req.headers as Record<string, string>) });
      const [status, headers = {}] = replies[seen.length - 1] ?? [599];
      return [status, JSON.stringify(status < 300 ? { id: 'ch_1' } : { error: { message: 'try later' } }), headers];
    });
  return seen;
}

const unavailable = (count: number): Reply[] => Array.from({ length: count }, () => [503] as Reply);
const post = (extra: Partial<RequestSpec> = {}): RequestSpec =>
  getSpec('/v1/charges', { method: 'POST', body: { amount: 1 }, ...extra });
const keyed: Partial<RequestSpec> = { idempotency: { keyHeader: 'Idempotency-Key' } };
const KEY = /^example-client-retry-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a POST answered 503', () => {
  it('is sent once when the operation takes no idempotency key', async () => {
    const seen = serve('post', unavailable(3));
    const error = await failure(makeClient().request(post()));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retries).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('is retried with one generated key, the same on every attempt', async () => {
    const seen = serve('post', unavailable(3));
    const error = await failure(makeClient().request(post(keyed)));
    expect((error as InternalServerError).retries).toBe(2);
    expect(seen).toHaveLength(3);
    const keys = seen.map((headers) => headers['idempotency-key']);
    expect(keys[0]).toMatch(KEY);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
  });

  it('gets a new key per call, not per client', async () => {
    const seen = serve('post', [[200], [200]]);
    const client = makeClient();
    await settle(client.request(post(keyed)));
    await settle(client.request(post(keyed)));
    expect(seen).toHaveLength(2);
    expect(seen[0]!['idempotency-key']).not.toBe(seen[1]!['idempotency-key']);
  });

  it.each([
    ['the idempotencyKey option', post(keyed), { idempotencyKey: 'order-42' }],
    ['the header parameter', post({ ...keyed, headers: { 'Idempotency-Key': 'order-42' } }), {}],
    ['a per-call header, in any case', post(keyed), { headers: { 'IDEMPOTENCY-KEY': 'order-42' } }],
  ])("keeps the caller's key given by %s on every attempt", async (_how, spec, options) => {
    const seen = serve('post', [[503], [503], [200]]);
    const result = await settle(makeClient().request(spec, options));
    expect(result.ok).toBe(true);
    expect(seen.map((headers) => headers['idempotency-key'])).toEqual(['order-42', 'order-42', 'order-42']);
  });

  it('is sent once, with no key, when the caller removes the key header', async () => {
    const seen = serve('post', unavailable(3));
    await failure(makeClient().request(post(keyed), { headers: { 'idempotency-key': null } }));
    expect(seen).toHaveLength(1);
    expect(seen[0]!['idempotency-key']).toBeUndefined();
  });

  it('still obeys maxRetries with a key', async () => {
    const seen = serve('post', unavailable(3));
    await failure(makeClient().request(post(keyed), { maxRetries: 0 }));
    expect(seen).toHaveLength(1);
  });

  it('is retried when the spec marks the operation idempotent', async () => {
    const seen = serve('post', unavailable(3));
    await failure(makeClient().request(post({ idempotency: 'idempotent' })));
    expect(seen).toHaveLength(3);
    expect(seen[0]!['idempotency-key']).toBeUndefined();
  });
});

describe('other methods', () => {
  it('a GET answered 503 is retried as before, with no key', async () => {
    const seen = serve('get', unavailable(3));
    await failure(makeClient().request(getSpec('/v1/charges')));
    expect(seen).toHaveLength(3);
    expect(seen[0]!['idempotency-key']).toBeUndefined();
  });

  it('a PATCH is sent once; a PUT (idempotent in HTTP) is retried unless marked unsafe', async () => {
    const patched = serve('patch', unavailable(3));
    await failure(makeClient().request(post({ method: 'PATCH' })));
    expect(patched).toHaveLength(1);
    const put = serve('put', unavailable(3));
    await failure(makeClient().request(post({ method: 'PUT' })));
    expect(put).toHaveLength(3);
    nock.cleanAll();
    const unsafePut = serve('put', unavailable(3));
    await failure(makeClient().request(post({ method: 'PUT', idempotency: 'unsafe' })));
    expect(unsafePut).toHaveLength(1);
  });
});

describe('a POST answered 429', () => {
  it('is retried when Retry-After says when (a rate limiter turned it away unhandled)', async () => {
    const seen = serve('post', [[429, { 'retry-after': '1' }], [200]]);
    const result = await settle(makeClient().request(post()));
    expect(result.ok).toBe(true);
    expect(seen).toHaveLength(2);
  });

  it('is final without Retry-After', async () => {
    const seen = serve('post', [[429], [200]]);
    const error = await failure(makeClient().request(post()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(seen).toHaveLength(1);
  });
});

describe('connection failures on a real loopback socket', () => {
  let server: Server;
  let arrivals = 0;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  });

  /** A server that reads each request, counts it, then drops the connection without answering. */
  async function dropping(): Promise<string> {
    arrivals = 0;
    server = createServer((req) => {
      arrivals += 1;
      req.on('data', () => undefined);
      req.on('end', () => req.socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('a POST refused before it was sent is retried (nothing reached the server)', async () => {
    const baseUrl = await dropping();
    await new Promise<void>((resolve) => server.close(() => resolve())); // nothing listens there now
    const attempts: number[] = [];
    const hooks = { onRequest: ({ attempt }: { attempt: number }) => attempts.push(attempt) };
    const error = await failure(makeClient({ baseUrl, hooks }).request(post()));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).message).toContain('ECONNREFUSED');
    expect((error as APIConnectionError).retries).toBe(2);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('a POST whose connection drops after it was sent is not retried', async () => {
    const baseUrl = await dropping();
    const error = await failure(makeClient({ baseUrl }).request(post()));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).retries).toBe(0);
    expect(arrivals).toBe(1);
  });

  it('a GET whose connection drops is retried as before', async () => {
    const baseUrl = await dropping();
    await failure(makeClient({ baseUrl }).request(getSpec('/v1/charges')));
    expect(arrivals).toBe(3);
  });
});

describe('what counts as "never sent"', () => {
  const failed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });
  it.each([
    ['connection refused', failed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))],
    ['no such host', failed({ code: 'ENOTFOUND' })],
    ['DNS timeout', failed({ code: 'EAI_AGAIN' })],
    ['connect timeout (undici)', failed({ code: 'UND_ERR_CONNECT_TIMEOUT' })],
    ['every address refused', failed(Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }]), { code: 'ECONNREFUSED' }))],
  ])('%s', (_name, thrown) => {
    expect(failedBeforeConnecting(thrown)).toBe(true);
  });

  it.each([
    ['a reset', failed({ code: 'ECONNRESET' })],
    ['a socket closed by the server', failed({ code: 'UND_ERR_SOCKET' })],
    ['a refusal beside a reset', failed(new AggregateError([{ code: 'ECONNREFUSED' }, { code: 'ECONNRESET' }]))],
    ["a browser's bare TypeError", new TypeError('Failed to fetch')],
    ['a non-string code', failed({ code: 111 })],
  ])('not %s', (_name, thrown) => {
    expect(failedBeforeConnecting(thrown)).toBe(false);
  });
});

describe('generated keys', () => {
  it('are prefixed with the header-safe package name', () => {
    expect(idempotencyKeyPrefix('@acme/pay client')).toBe('acme-pay-client-retry-');
    expect(idempotencyKeyPrefix('@@@')).toBe('client-retry-');
  });

  it('are v4 UUIDs even where randomUUID is missing (a browser page over plain http)', () => {
    // An own property hides Crypto.prototype.randomUUID; deleting it brings that back.
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const a = newIdempotencyKey('example-client');
      expect(a).toMatch(KEY);
      expect(newIdempotencyKey('example-client')).not.toBe(a);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  RateLimitError,
} from '../../templates/runtime/errors.js';
import type { ResponseHookInfo } from '../../templates/runtime/options.js';
import {
  api,
  BASE_URL,
  clearKeyEnv,
  failure,
  getSpec,
  jsonResponse,
  makeClient,
  scriptedFetch,
  settle,
  useFakeClock,
} from './fixtures.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  clearKeyEnv();
  useFakeClock(T0);
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: delays are exact
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  nock.cleanAll();
});

type Reply = [status: number, body?: unknown, headers?: Record<string, string>];

/** Scripts replies for GET /v1/x and records the fake time (ms since T0) of each request. */
function script(replies: Reply[]): { times: number[] } {
  const times: number[] = [];
  const scope = api().get('/v1/x').times(replies.length);
  scope.reply(() => {
    const reply = replies[times.length];
    times.push(Date.now() - T0);
    if (reply === undefined) throw new Error('no reply scripted');
    const [status, body = {}, headers = {}] = reply;
    return [status, body === '' ? '' : JSON.stringify(body), headers];
  });
  return { times };
}

const rateLimited: Reply = [429, { error: { code: 'RATE_LIMITED', message: 'Slow down' } }];

describe('retry schedule', () => {
  it('a 429 storm longer than maxRetries: 3 requests, backoff 500 then 1000 ms, retries === maxRetries', async () => {
    const { times } = script([rateLimited, rateLimited, rateLimited, rateLimited, rateLimited]);
    const error = await failure(makeClient().request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retries).toBe(2);
    expect((error as RateLimitError).code).toBe('RATE_LIMITED');
    expect(times).toEqual([0, 500, 1500]);
    expect(nock.pendingMocks()).toHaveLength(1); // the unused 2 replies of the interceptor
  });

  it('maxRetries per request overrides the client', async () => {
    const { times } = script([rateLimited, rateLimited, rateLimited]);
    const error = await failure(makeClient({ maxRetries: 5 }).request(getSpec('/v1/x'), { maxRetries: 0 }));
    expect((error as RateLimitError).retries).toBe(0);
    expect(times).toEqual([0]);
  });

  it('backoff doubles to the 8 s cap, jittered down by up to 25%', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { times } = script(Array.from({ length: 7 }, () => [503] as Reply));
    const error = await failure(makeClient({ maxRetries: 6 }).request(getSpec('/v1/x')));
    expect((error as InternalServerError).retries).toBe(6);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps).toEqual([375, 750, 1500, 3000, 6000, 6000]);
  });

  it.each<[string, Record<string, string>, number]>([
    ['Retry-After seconds', { 'retry-after': '3' }, 3000],
    ['retry-after-ms', { 'retry-after-ms': '250' }, 250],
    ['Retry-After as an HTTP date', { 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }, 7000],
    ['Retry-After over 60 s -> backoff', { 'retry-after': '3600' }, 500],
    ['Retry-After garbage -> backoff', { 'retry-after': 'later' }, 500],
    ['Retry-After 0', { 'retry-after': '0' }, 0],
  ])('%s: waits %i ms', async (_label, headers, wait) => {
    const { times } = script([[429, rateLimited[1], headers], [200, { ok: true }]]);
    const result = await settle(makeClient().request(getSpec('/v1/x')));
    expect(result).toEqual({ ok: true, value: { ok: true } });
    expect(times).toEqual([0, wait]);
  });

  it('Retry-After is honoured on 503 too', async () => {
    const { times } = script([[503, '', { 'retry-after': '2' }], [200, { ok: 1 }]]);
    await settle(makeClient().request(getSpec('/v1/x')));
    expect(times).toEqual([0, 2000]);
  });

  it.each([408, 409, 500, 502, 504])('%i is retried', async (status) => {
    const { times } = script([[status], [200, { ok: true }]]);
    const result = await settle(makeClient().request(getSpec('/v1/x')));
    expect(result.ok).toBe(true);
    expect(times).toEqual([0, 500]);
  });

  it.each([400, 401, 403, 404, 422])('%i is not retried', async (status) => {
    const { times } = script([[status], [200]]);
    const error = await failure(makeClient().request(getSpec('/v1/x')));
    expect((error as BadRequestError).status).toBe(status);
    expect(times).toEqual([0]);
  });

  it('409 exhausts into a ConflictError', async () => {
    script([[409], [409], [409]]);
    const error = await failure(makeClient().request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).retries).toBe(2);
  });

  it('connection errors are retried and then reported with the retry count', async () => {
    api().get('/v1/x').times(3).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    const error = await failure(makeClient().request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(`Connection error: socket hang up (ECONNRESET), talking to ${new URL(BASE_URL).origin}`);
    expect((error as APIConnectionError).retries).toBe(2);
    expect(nock.isDone()).toBe(true);
  });

  it('names the system code hidden in fetch failed causes', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const fetch = scriptedFetch([new TypeError('fetch failed', { cause })]);
    const error = await failure(makeClient({ fetch, maxRetries: 0 }).request(getSpec('/v1/x')));
    expect((error as Error).message).toBe(`Connection error: fetch failed (ECONNREFUSED), talking to ${new URL(BASE_URL).origin}`);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('a connection error followed by success resolves', async () => {
    api().get('/v1/x').replyWithError('boom');
    api().get('/v1/x').reply(200, { ok: true });
    await expect(settle(makeClient().request(getSpec('/v1/x')))).resolves.toEqual({ ok: true, value: { ok: true } });
  });

  it('a body stream that errors mid-way is a retryable connection error', async () => {
    const broken = (): Response =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data":[1,'));
            controller.error(new Error('terminated'));
          },
        }),
        { status: 200 },
      );
    const fetch = scriptedFetch([broken, jsonResponse(200, { data: [1, 2] })]);
    const result = await settle(makeClient({ fetch }).request(getSpec('/v1/x')));
    expect(result).toEqual({ ok: true, value: { data: [1, 2] } });
    expect(fetch.calls.map((t) => t - T0)).toEqual([0, 500]);
  });
});

describe('timeouts and deadline', () => {
  it('a per-attempt timeout is an APITimeoutError and is retried', async () => {
    const responses: ResponseHookInfo[] = [];
    const fetch = scriptedFetch(['hang', jsonResponse(200, { ok: true })]);
    const client = makeClient({ fetch, timeout: 1000, hooks: { onResponse: (info) => responses.push(info) } });
    const result = await settle(client.request(getSpec('/v1/x')));
    expect(result).toEqual({ ok: true, value: { ok: true } });
    expect(fetch.calls.map((t) => t - T0)).toEqual([0, 1500]);
    expect(responses.map((r) => [r.attempt, r.status, r.durationMs, r.error?.name])).toEqual([
      [1, undefined, 1000, 'APITimeoutError'],
      [2, 200, 0, undefined],
    ]);
  });

  it('every attempt timing out: APITimeoutError with retries === maxRetries', async () => {
    const fetch = scriptedFetch(['hang', 'hang', 'hang']);
    const error = await failure(makeClient({ fetch, timeout: 1000 }).request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe('Request timed out after 1000 ms');
    expect((error as APITimeoutError).retries).toBe(2);
    expect(Date.now() - T0).toBe(1000 + 500 + 1000 + 1000 + 1000);
  });

  it('the timeout fires even when fetch ignores the abort signal', async () => {
    const fetch = scriptedFetch(['ignore-abort']);
    const error = await failure(makeClient({ fetch, timeout: 2000, maxRetries: 0 }).request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(Date.now() - T0).toBe(2000);
  });

  it('per-request timeout overrides the client timeout', async () => {
    const fetch = scriptedFetch(['hang']);
    await failure(makeClient({ fetch, timeout: 9000, maxRetries: 0 }).request(getSpec('/v1/x'), { timeout: 300 }));
    expect(Date.now() - T0).toBe(300);
  });

  it('a deadline shorter than one backoff: no retry, the last error is thrown', async () => {
    const { times } = script([[500], [200]]);
    const error = await failure(makeClient({ deadline: 300 }).request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retries).toBe(0);
    expect(times).toEqual([0]);
    expect(Date.now() - T0).toBe(0); // gave up at once instead of sleeping into the deadline
  });

  it('the deadline caps the per-attempt timeout', async () => {
    const fetch = scriptedFetch(['hang', 'hang']);
    const error = await failure(makeClient({ fetch, deadline: 1000 }).request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe('Request exceeded the overall deadline of 1000 ms');
    expect(fetch.calls).toHaveLength(1);
    expect(Date.now() - T0).toBe(1000);
  });

  it('the deadline stops retries that would overrun it', async () => {
    const { times } = script([[500], [500], [500], [500], [500]]);
    const error = await failure(makeClient({ deadline: 2000, maxRetries: 10 }).request(getSpec('/v1/x')));
    // 0 fail, +500 -> 500 fail, +1000 -> 1500 fail, +2000 would reach 3500 > 2000: stop.
    expect(times).toEqual([0, 500, 1500]);
    expect((error as InternalServerError).retries).toBe(2);
  });

  it('a retry shortens its timeout to the time left before the deadline', async () => {
    const fetch = scriptedFetch([jsonResponse(503, {}), 'hang']);
    const error = await failure(makeClient({ fetch, deadline: 1200, timeout: 5000 }).request(getSpec('/v1/x')));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as APITimeoutError).retries).toBe(1);
    expect(Date.now() - T0).toBe(1200);
  });
});

describe('caller abort', () => {
  it('abort during a backoff wait rejects at once with APIUserAbortError', async () => {
    const { times } = script([[429, {}, { 'retry-after': '10' }], [200]]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 2000);
    const error = await failure(makeClient().request(getSpec('/v1/x'), { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(((error as APIUserAbortError).cause as Error).message).toBe('user gave up');
    expect(Date.now() - T0).toBe(2000);
    expect(times).toEqual([0]);
    expect(vi.getTimerCount()).toBe(0); // the backoff timer was cleared, nothing keeps the process alive
  });

  it('abort during an in-flight request, even if fetch ignores the signal', async () => {
    const fetch = scriptedFetch(['ignore-abort']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 700);
    const outcomes: (string | undefined)[] = [];
    const client = makeClient({ fetch, hooks: { onResponse: (info) => outcomes.push(info.error?.name) } });
    const error = await failure(client.request(getSpec('/v1/x'), { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - T0).toBe(700);
    expect(fetch.calls).toHaveLength(1); // never retried
    expect(outcomes).toEqual(['APIUserAbortError']); // the attempt itself is reported as an abort
  });

  it('an already-aborted signal sends nothing', async () => {
    const fetch = scriptedFetch([]);
    const error = await failure(makeClient({ fetch }).request(getSpec('/v1/x'), { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('a signal from AbortSignal.timeout is still a user abort, not retried', async () => {
    const fetch = scriptedFetch(['hang', 'hang']);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('late', 'TimeoutError')), 100);
    const error = await failure(makeClient({ fetch }).request(getSpec('/v1/x'), { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.calls).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures.js';
import { TEST_KEYS } from './keys.js';
import type { PublicSession } from './wire.js';
import { call, errorOf, useServer } from './test-helpers.js';

const server = useServer();
const pro = { key: TEST_KEYS.us.pro };

function rawFetch(path: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  const init: RequestInit = { headers: { authorization: `Bearer ${TEST_KEYS.us.pro}`, ...headers } };
  return fetch(server().url + path, signal === undefined ? init : { ...init, signal });
}

describe('programmatic faults', () => {
  it('status: next N responses are the given 5xx with an envelope and the tier header', async () => {
    server().faults.status(503, { count: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await call(server(), '/v1/stats', pro);
      expect(reply.status).toBe(503);
      expect(reply.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) } });
      expect(reply.headers.get('x-isnotai-tier')).toBe('pro');
    }
    expect((await call(server(), '/v1/stats', pro)).status).toBe(200);
    server().faults.status(500);
    expect(errorOf(await call(server(), '/v1/stats', pro)).code).toBe('INTERNAL_ERROR');
    server().faults.status(500, { code: 'DATABASE_ON_FIRE' });
    expect(errorOf(await call(server(), '/v1/stats', pro)).code).toBe('DATABASE_ON_FIRE');
    expect(() => server().faults.status(404)).toThrow(RangeError);
  });

  it('html502: an edge HTML page, no envelope, no tier header', async () => {
    server().faults.html502();
    const reply = await call(server(), '/v1/stats', pro);
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toContain('502 Bad Gateway');
    expect(reply.headers.get('x-isnotai-tier')).toBeNull();
  });

  it('rateLimited: a 429 storm with and without Retry-After', async () => {
    server().faults.rateLimited(7, { count: 3 });
    for (let i = 0; i < 3; i++) {
      const reply = await call(server(), '/v1/stats', pro);
      expect(reply.status).toBe(429);
      expect(errorOf(reply).code).toBe('RATE_LIMITED');
      expect(reply.headers.get('retry-after')).toBe('7');
      expect(reply.headers.get('x-isnotai-tier')).toBeNull();
    }
    server().faults.rateLimited(null);
    const bare = await call(server(), '/v1/stats', pro);
    expect(bare.status).toBe(429);
    expect(bare.headers.get('retry-after')).toBeNull();
    expect((await call(server(), '/v1/stats', pro)).status).toBe(200);
  });

  it('delay: waits before the headers, then answers normally', async () => {
    server().faults.delay(250);
    const started = performance.now();
    const reply = await call(server(), '/v1/stats', pro);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(reply.status).toBe(200);
  });

  it('delay: a client timeout aborts cleanly and the server keeps serving', async () => {
    server().faults.delay(2000);
    await expect(rawFetch('/v1/stats', {}, AbortSignal.timeout(100))).rejects.toThrow();
    expect((await call(server(), '/v1/stats', pro)).status).toBe(200);
  });

  it('resetBeforeHeaders: the request fails at the network level', async () => {
    server().faults.resetBeforeHeaders();
    await expect(rawFetch('/v1/stats')).rejects.toThrow();
    expect(server().requests.at(-1)).toMatchObject({ status: null, fault: 'resetBeforeHeaders' });
    expect((await call(server(), '/v1/stats', pro)).status).toBe(200);
  });

  it('resetMidBody: headers arrive, the body read fails', async () => {
    server().faults.resetMidBody();
    const res = await rawFetch('/v1/sessions');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect((await call(server(), '/v1/stats', pro)).status).toBe(200);
  });

  it('truncatedJson: half the body with a matching Content-Length', async () => {
    const full = await call(server(), '/v1/sessions', pro);
    server().faults.truncatedJson();
    const res = await rawFetch('/v1/sessions');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toBe(full.text.slice(0, Math.floor(full.text.length / 2)));
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('wrongContentType: a JSON body labelled text/plain', async () => {
    server().faults.wrongContentType();
    const reply = await call(server(), '/v1/stats', pro);
    expect(reply.headers.get('content-type')).toContain('text/plain');
    expect(reply.body).toMatchObject({ data: { totalSessions: 237 } });
  });

  it('emptyBody: 200 with nothing in it, even where an error was due', async () => {
    server().faults.emptyBody({ count: 2 });
    for (const path of ['/v1/stats', '/v1/sessions/ses_doesnotexist']) {
      const reply = await call(server(), path, pro);
      expect(reply.status).toBe(200);
      expect(reply.text).toBe('');
      expect(reply.headers.get('content-length')).toBe('0');
    }
  });

  it('repeatCursor: nextCursor repeats the given cursor; non-list routes do not consume it', async () => {
    const first = (await call(server(), '/v1/sessions?pageSize=2', pro)).body as { pagination: { nextCursor: string } };
    const cursor = first.pagination.nextCursor;
    server().faults.repeatCursor({ count: 2 });
    expect((await call(server(), '/v1/stats', pro)).status).toBe(200);
    expect(server().faults.pending()).toHaveLength(1);
    const again = (await call(server(), `/v1/sessions?pageSize=2&cursor=${cursor}`, pro)).body as {
      data: PublicSession[];
      pagination: { nextCursor: string; hasMore: boolean };
    };
    expect(again.pagination).toMatchObject({ nextCursor: cursor, hasMore: true });
    expect(again.data.map((s) => s.id)).toEqual(FIXTURES.sessions.slice(2, 4).map((r) => r.session.id));
    // first page: the cursor handed back points at the same page again
    const firstAgain = (await call(server(), '/v1/sessions?pageSize=2', pro)).body as { pagination: { nextCursor: string } };
    const loop = (await call(server(), `/v1/sessions?pageSize=2&cursor=${firstAgain.pagination.nextCursor}`, pro)).body as {
      data: PublicSession[];
    };
    expect(loop.data.map((s) => s.id)).toEqual(FIXTURES.sessions.slice(0, 2).map((r) => r.session.id));
  });

  it('pathPrefix scopes a fault; FIFO order; pending() and clear()', async () => {
    server().faults.status(500, { pathPrefix: '/v1/users' });
    server().faults.status(503);
    expect((await call(server(), '/v1/sessions', pro)).status).toBe(503);
    expect((await call(server(), '/v1/sessions', pro)).status).toBe(200);
    expect(server().faults.pending()).toEqual([{ spec: { kind: 'status', status: 500 }, remaining: 1, pathPrefix: '/v1/users' }]);
    expect((await call(server(), '/v1/users', pro)).status).toBe(500);
    server().faults.html502({ count: 5 });
    server().faults.clear();
    expect((await call(server(), '/v1/users', pro)).status).toBe(200);
  });

  it('applies to unauthenticated routes and failed auth too', async () => {
    server().faults.status(503, { count: 2 });
    expect((await call(server(), '/health', { key: null })).status).toBe(503);
    const reply = await call(server(), '/v1/stats', { key: null });
    expect(reply.status).toBe(503);
    expect(reply.headers.get('x-isnotai-tier')).toBeNull();
  });
});

describe('x-fault header', () => {
  const withFault = (path: string, fault: string) => call(server(), path, { headers: { 'x-fault': fault } });

  it('arms a fault that the carrying request consumes first', async () => {
    expect((await withFault('/v1/stats', 'status=502')).status).toBe(502);
    expect((await call(server(), '/v1/stats')).status).toBe(200);
    expect(server().requests[0]?.fault).toBe('status');
  });

  it('count=N leaves N-1 for later requests; id=... arms only once so retries do not re-arm', async () => {
    const header = 'status=503;count=2;id=retry-1';
    expect((await withFault('/v1/stats', header)).status).toBe(503);
    expect((await withFault('/v1/stats', header)).status).toBe(503);
    expect((await withFault('/v1/stats', header)).status).toBe(200);
    expect((await withFault('/v1/stats', 'status=503;id=retry-2')).status).toBe(503);
  });

  it.each([
    ['html502', 502, 'text/html'],
    ['rate-limit;retry-after=3', 429, 'application/json'],
    ['rate-limit;retry-after=none', 429, 'application/json'],
    ['status=500;code=BOOM', 500, 'application/json'],
    ['wrong-content-type', 200, 'text/plain'],
    ['empty-body', 200, 'application/json'],
    ['delay=50', 200, 'application/json'],
  ])('%s', async (fault, status, type) => {
    const reply = await withFault('/v1/stats', fault);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain(type);
    if (fault.includes('retry-after=3')) expect(reply.headers.get('retry-after')).toBe('3');
    if (fault.includes('retry-after=none')) expect(reply.headers.get('retry-after')).toBeNull();
    if (fault.includes('BOOM')) expect(errorOf(reply).code).toBe('BOOM');
  });

  it('reset, reset-mid-body, truncated-json, repeat-cursor', async () => {
    await expect(rawFetch('/v1/stats', { 'x-fault': 'reset' })).rejects.toThrow();
    await expect((await rawFetch('/v1/sessions', { 'x-fault': 'reset-mid-body' })).text()).rejects.toThrow();
    const truncated = await (await rawFetch('/v1/sessions', { 'x-fault': 'truncated-json' })).text();
    expect(() => JSON.parse(truncated) as unknown).toThrow(SyntaxError);
    const looped = (await withFault('/v1/sessions?pageSize=1', 'repeat-cursor')).body as { pagination: { hasMore: boolean } };
    expect(looped.pagination.hasMore).toBe(true);
  });

  it('path= scopes and several clauses can be armed at once', async () => {
    expect((await withFault('/v1/stats', 'status=500;path=/v1/users, status=503;path=/v1/courses')).status).toBe(200);
    expect((await call(server(), '/v1/courses')).status).toBe(503);
    expect((await call(server(), '/v1/users')).status).toBe(500);
    expect((await call(server(), '/v1/users')).status).toBe(200);
  });

  it.each(['teleport', 'status=404', 'status', 'delay=soon', 'html502=1', 'status=503;count=0', 'status=503;bogus=1', 'status=503;path=v1'])(
    'rejects a malformed header (%s) with 400 field x-fault',
    async (fault) => {
      const reply = await withFault('/v1/stats', fault);
      expect(reply.status).toBe(400);
      expect(errorOf(reply)).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'x-fault' } });
      expect(server().faults.pending()).toHaveLength(0);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { FOREIGN_SESSION_ID } from './fixtures.js';
import { TEST_KEYS } from './keys.js';
import { call, useServer } from './test-helpers.js';

const server = useServer({ rateLimits: { free: 2 } });

describe('x-isnotai-tier', () => {
  it.each([
    ['200', '/v1/stats', 200],
    ['400 validation', '/v1/sessions?pageSize=0', 400],
    ['400 invalid cursor', '/v1/sessions?cursor=nope', 400],
    ['403', `/v1/sessions/${FOREIGN_SESSION_ID}`, 403],
    ['404 resource', '/v1/sessions/ses_doesnotexist', 404],
    ['404 route', '/v1/nope', 404],
  ])('is on authenticated %s responses', async (_label, path, status) => {
    const reply = await call(server(), path, { key: TEST_KEYS.us.enterprise });
    expect(reply.status).toBe(status);
    expect(reply.headers.get('x-isnotai-tier')).toBe('enterprise');
  });

  it('is on 405 and injected 5xx responses after auth', async () => {
    expect((await call(server(), '/v1/stats', { method: 'DELETE' })).headers.get('x-isnotai-tier')).toBe('pro');
    server().faults.status(500);
    const reply = await call(server(), '/v1/stats');
    expect(reply.status).toBe(500);
    expect(reply.headers.get('x-isnotai-tier')).toBe('pro');
  });

  it('is absent on 401, on rate-limit 429 and on unauthenticated routes', async () => {
    expect((await call(server(), '/v1/stats', { key: null })).headers.get('x-isnotai-tier')).toBeNull();
    const free = { key: TEST_KEYS.us.free };
    await call(server(), '/v1/stats', free);
    await call(server(), '/v1/stats', free);
    const limited = await call(server(), '/v1/stats', free);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-isnotai-tier')).toBeNull();
    expect((await call(server(), '/health')).headers.get('x-isnotai-tier')).toBeNull();
  });
});

describe('x-request-id', () => {
  it('is on every response, counter-based, and restarts after reset()', async () => {
    const ids: (string | null)[] = [];
    for (const path of ['/health', '/v1/stats', '/v1/nope', '/nope']) ids.push((await call(server(), path)).headers.get('x-request-id'));
    ids.push((await call(server(), '/v1/stats', { key: null })).headers.get('x-request-id'));
    expect(ids).toEqual(['req_us_000001', 'req_us_000002', 'req_us_000003', 'req_us_000004', 'req_us_000005']);
    expect(server().requests.map((r) => r.id)).toEqual(ids);
    server().reset();
    expect(server().requests).toHaveLength(0);
    expect((await call(server(), '/health')).headers.get('x-request-id')).toBe('req_us_000001');
  });

  it('has no Date header, so bytes are reproducible', async () => {
    expect((await call(server(), '/v1/stats')).headers.get('date')).toBeNull();
  });
});

describe('CORS', () => {
  it('answers a preflight with 204 and the allowed/exposed headers, without auth, faults or rate limiting', async () => {
    server().faults.status(503);
    const res = await fetch(`${server().url}/v1/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'x-api-key', 'content-type']));
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(res.headers.get('x-isnotai-tier')).toBeNull();
    expect(res.headers.get('x-request-id')).toBe('req_us_000001');
    expect(server().faults.pending()).toHaveLength(1);
  });

  it('exposes the tier, request-id and retry-after headers on every response', async () => {
    for (const reply of [await call(server(), '/v1/stats'), await call(server(), '/v1/stats', { key: null }), await call(server(), '/health')]) {
      expect(reply.headers.get('access-control-allow-origin')).toBe('*');
      const exposed = (reply.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim());
      expect(exposed).toEqual(expect.arrayContaining(['x-isnotai-tier', 'x-request-id', 'retry-after']));
    }
  });
});

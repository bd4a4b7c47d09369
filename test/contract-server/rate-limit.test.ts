import { afterEach, describe, expect, it } from 'vitest';
import type { ContractServer, ContractServerOptions } from './server.js';
import { startContractServer } from './server.js';
import { TEST_KEYS, UNKNOWN_TEST_KEY } from './keys.js';
import { call } from './test-helpers.js';

let clock = 0;
let server: ContractServer | undefined;
async function start(options: ContractServerOptions = {}): Promise<ContractServer> {
  clock = 1_000_000;
  server = await startContractServer({ now: () => clock, ...options });
  return server;
}
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const free = TEST_KEYS.us.free;

describe('sliding-window rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After and without the tier header, then recovers', async () => {
    const s = await start({ rateLimits: { free: 3 } });
    for (let i = 0; i < 3; i++) {
      expect((await call(s, '/v1/stats', { key: free })).status).toBe(200);
      clock += 1000;
    }
    clock += 7000; // now 10s after the first hit
    const limited = await call(s, '/v1/stats', { key: free });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(limited.headers.get('x-isnotai-tier')).toBeNull();
    clock += 50_000; // the first hit leaves the window; one slot frees up
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(200);
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(429);
  });

  it('enforces the documented default of 60/min on free', async () => {
    const s = await start();
    for (let i = 0; i < 60; i++) expect((await call(s, '/v1/stats', { key: free })).status).toBe(200);
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(429);
    expect((await call(s, '/v1/stats', { key: TEST_KEYS.us.pro })).status).toBe(200);
  });

  it('counts Bearer traffic per Authorization header value', async () => {
    const s = await start({ rateLimits: { free: 2 } });
    const as = (authorization: string) => call(s, '/v1/stats', { key: null, headers: { authorization } });
    expect((await as(`Bearer ${free}`)).status).toBe(200);
    expect((await as(`Bearer ${free}`)).status).toBe(200);
    expect((await as(`Bearer ${free}`)).status).toBe(429);
    expect((await as(`bearer ${free}`)).status).toBe(200); // a different header value is a different bucket
    expect((await call(s, '/v1/stats', { key: free, via: 'x-api-key' })).status).toBe(200);
  });

  it('shares one bucket per tier for x-api-key traffic', async () => {
    const s = await start({ rateLimits: { free: 2, pro: 2 } });
    const viaHeader = (key: string) => call(s, '/v1/stats', { key, via: 'x-api-key' });
    expect((await viaHeader(free)).status).toBe(200);
    expect((await call(s, '/v1/stats', { key: null, headers: { 'x-api-key': ` ${free}` } })).status).toBe(200);
    expect((await viaHeader(free)).status).toBe(429);
    expect((await viaHeader(TEST_KEYS.us.pro)).status).toBe(200);
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(200);
  });

  it('does not count failed authentication or unauthenticated routes', async () => {
    const s = await start({ rateLimits: { free: 1 } });
    for (let i = 0; i < 5; i++) {
      await call(s, '/v1/stats', { key: UNKNOWN_TEST_KEY });
      await call(s, '/health', { key: free });
    }
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(200);
  });

  it('reset() clears the windows', async () => {
    const s = await start({ rateLimits: { free: 1 } });
    await call(s, '/v1/stats', { key: free });
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(429);
    s.reset();
    expect((await call(s, '/v1/stats', { key: free })).status).toBe(200);
  });
});

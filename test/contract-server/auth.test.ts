import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractServer } from './server.js';
import { startContractServer } from './server.js';
import { KEY_PATTERN, TEST_KEYS, UNKNOWN_TEST_KEY, maskKey } from './keys.js';
import { REGIONS, TIERS } from './types.js';
import { call, errorOf } from './test-helpers.js';

const servers = new Map<string, ContractServer>();
beforeAll(async () => {
  for (const region of REGIONS) servers.set(region, await startContractServer({ region }));
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});
const serverFor = (region: string): ContractServer => {
  const server = servers.get(region);
  if (server === undefined) throw new Error(`no ${region} server`);
  return server;
};

function expectInvalidKey(reply: Awaited<ReturnType<typeof call>>): void {
  expect(reply.status).toBe(401);
  expect(reply.body).toEqual({ error: { code: 'INVALID_API_KEY', message: expect.any(String) } });
  expect(reply.headers.get('x-isnotai-tier')).toBeNull();
  expect(reply.headers.get('x-request-id')).toMatch(/^req_/);
}

describe('test keys', () => {
  it('are 47-character aik_v1_ keys, one per region x tier, all distinct', () => {
    const all = REGIONS.flatMap((r) => TIERS.map((t) => TEST_KEYS[r][t]));
    expect(new Set([...all, UNKNOWN_TEST_KEY]).size).toBe(7);
    for (const key of [...all, UNKNOWN_TEST_KEY]) {
      expect(key).toHaveLength(47);
      expect(key).toMatch(KEY_PATTERN);
    }
  });

  it('masks keys without revealing them', () => {
    const masked = maskKey(TEST_KEYS.us.pro);
    expect(masked).toHaveLength(47);
    expect(masked.startsWith('aik_v1_')).toBe(true);
    expect(masked).not.toContain(TEST_KEYS.us.pro.slice(7, 43));
  });
});

describe.each(REGIONS)('a %s server', (region) => {
  const other = region === 'us' ? 'eu' : 'us';

  it.each(TIERS)('accepts its %s key as Bearer and as x-api-key, echoing the tier', async (tier) => {
    for (const via of ['bearer', 'x-api-key'] as const) {
      const reply = await call(serverFor(region), '/v1/integration', { key: TEST_KEYS[region][tier], via });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-isnotai-tier')).toBe(tier);
      expect(reply.body).toMatchObject({ data: { region, tier, apiKeyMasked: maskKey(TEST_KEYS[region][tier]) } });
    }
  });

  it.each(TIERS)('rejects the other region\'s %s key with 401 INVALID_API_KEY', async (tier) => {
    for (const via of ['bearer', 'x-api-key'] as const) {
      expectInvalidKey(await call(serverFor(region), '/v1/sessions', { key: TEST_KEYS[other][tier], via }));
    }
  });
});

describe('authentication failures', () => {
  const server = (): ContractServer => serverFor('us');
  const good = TEST_KEYS.us.pro;

  it('401s a missing key', async () => {
    expectInvalidKey(await call(server(), '/v1/sessions', { key: null }));
  });

  it('401s an unknown but well-formed key', async () => {
    expectInvalidKey(await call(server(), '/v1/sessions', { key: UNKNOWN_TEST_KEY }));
    expectInvalidKey(await call(server(), '/v1/sessions', { key: UNKNOWN_TEST_KEY, via: 'x-api-key' }));
  });

  it.each([
    ['wrong prefix', `aik_v2_${good.slice(7)}`],
    ['too short', good.slice(0, 46)],
    ['too long', `${good}A`],
    ['non-base64url character', `${good.slice(0, 46)}+`],
    ['docs placeholder one character short', `aik_v1_${'x'.repeat(39)}`],
  ])('401s a malformed key (%s)', async (_label, key) => {
    expectInvalidKey(await call(server(), '/v1/sessions', { key }));
    expectInvalidKey(await call(server(), '/v1/sessions', { key, via: 'x-api-key' }));
  });

  it.each([
    ['Basic scheme', `Basic ${good}`],
    ['no scheme', good],
    ['scheme only', 'Bearer'],
    ['two tokens', `Bearer ${good} ${good}`],
  ])('401s a malformed Authorization header (%s)', async (_label, authorization) => {
    expectInvalidKey(await call(server(), '/v1/sessions', { key: null, headers: { authorization } }));
  });

  it('accepts the Bearer scheme case-insensitively', async () => {
    const reply = await call(server(), '/v1/stats', { key: null, headers: { authorization: `bearer ${good}` } });
    expect(reply.status).toBe(200);
  });

  it('lets Authorization win over x-api-key', async () => {
    const both = (authorization: string, apiKey: string) =>
      call(server(), '/v1/integration', { key: null, headers: { authorization, 'x-api-key': apiKey } });
    const proWins = await both(`Bearer ${TEST_KEYS.us.pro}`, TEST_KEYS.us.free);
    expect(proWins.headers.get('x-isnotai-tier')).toBe('pro');
    expect((await both(`Bearer ${TEST_KEYS.us.free}`, TEST_KEYS.us.enterprise)).headers.get('x-isnotai-tier')).toBe('free');
    expect((await both(`Bearer ${good}`, 'garbage')).status).toBe(200);
    expectInvalidKey(await both(`Bearer ${UNKNOWN_TEST_KEY}`, good));
    expectInvalidKey(await both('Basic Zm9vOmJhcg==', good));
    const recorded = server().requests.at(-1);
    expect(recorded?.auth).toBe('bearer');
  });

  it('falls back to x-api-key when Authorization is empty', async () => {
    const reply = await call(server(), '/v1/stats', { key: null, headers: { authorization: '', 'x-api-key': good } });
    expect(reply.status).toBe(200);
    expect(server().requests.at(-1)?.auth).toBe('x-api-key');
  });

  it('401s unknown /v1 routes without a key, but serves unauthenticated routes', async () => {
    expectInvalidKey(await call(server(), '/v1/nope', { key: null }));
    for (const path of ['/health', '/openapi/v3.json', '/swagger']) {
      const reply = await call(server(), path, { key: null });
      expect(reply.status, path).toBe(200);
      expect(reply.headers.get('x-isnotai-tier'), path).toBeNull();
    }
  });

  it('uses one message for every failure reason', async () => {
    const messages = new Set<string>();
    for (const key of [null, 'nope', UNKNOWN_TEST_KEY, TEST_KEYS.eu.pro]) {
      messages.add(errorOf(await call(server(), '/v1/sessions', { key })).message);
    }
    expect(messages.size).toBe(1);
  });
});

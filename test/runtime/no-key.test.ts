/**
 * `apiKey: null`: a client deliberately built without a key (an MCP server started without one).
 * Operations that send no credentials work; one that needs a key fails before any request is
 * made, with a ClientError naming the variables that would hold one.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../templates/runtime/core.js';
import { ClientError } from '../../templates/runtime/errors.js';
import { BASE_URL, clearKeyEnv, getSpec, paging, settings, VALID_KEY } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  nock.cleanAll();
  vi.unstubAllEnvs();
});

/** Counts every request the client makes, whatever its path. */
function counting(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  const fetch: typeof globalThis.fetch = (input) => {
    calls.push(String(input));
    return Promise.resolve(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch, calls };
}

describe('new ApiClient({ apiKey: null })', () => {
  it('builds without a key, where the API requires one', () => {
    expect(() => new ApiClient({}, settings)).toThrow('Missing API key');
    expect(new ApiClient({ apiKey: null }, settings).baseUrl).toBe(BASE_URL);
  });

  it('refuses an operation that needs a key before sending anything, naming the variables', async () => {
    const { fetch, calls } = counting();
    const client = new ApiClient({ apiKey: null, fetch }, settings);
    const error = await client.request(getSpec('/v1/me')).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ClientError);
    expect((error as Error).message).toContain('EXAMPLE_API_KEY or ALT_EXAMPLE_API_KEY');
    expect((error as Error).message).toContain('apiKey');
    await expect(client.requestPage(getSpec('/v1/items'), paging)).rejects.toBeInstanceOf(ClientError);
    // Neither did an operation accepting "a key or none" of the spec's named forms get one.
    await expect(client.request(getSpec('/v1/me', { security: [['bearer']] }))).rejects.toBeInstanceOf(ClientError);
    expect(calls).toEqual([]);
  });

  it('runs operations that send no credentials, with none', async () => {
    const scope = nock(BASE_URL)
      .get('/v1/health')
      .reply(200, function () {
        return { authorization: this.req.headers.authorization ?? null };
      })
      .get('/v1/open')
      .reply(200, function () {
        return { authorization: this.req.headers.authorization ?? null };
      });
    const client = new ApiClient({ apiKey: null }, settings);
    await expect(client.request(getSpec('/v1/health', { auth: false }))).resolves.toEqual({ authorization: null });
    // `security: [[]]` (the spec's `{}`): callable without credentials.
    await expect(client.request(getSpec('/v1/open', { security: [['bearer'], []] }))).resolves.toEqual({ authorization: null });
    expect(scope.isDone()).toBe(true);
  });

  it('ignores a key in the environment: null means no key', async () => {
    vi.stubEnv('EXAMPLE_API_KEY', VALID_KEY);
    const { fetch, calls } = counting();
    await expect(new ApiClient({ apiKey: null, fetch }, settings).request(getSpec('/v1/me'))).rejects.toThrow(
      'EXAMPLE_API_KEY',
    );
    expect(calls).toEqual([]);
  });

  it('still sends a credential given per auth form', async () => {
    const scope = nock(BASE_URL).get('/v1/me').matchHeader('x-api-key', VALID_KEY).reply(200, {});
    await new ApiClient({ apiKey: null, credentials: { 'x-api-key': VALID_KEY } }, settings).request(getSpec('/v1/me'));
    expect(scope.isDone()).toBe(true);
  });
});

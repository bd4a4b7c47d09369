/**
 * Several credentials, one per auth form (the `credentials` option), for APIs whose operations
 * take different ones: an OAuth token for some, an API key for others (Petstore), or a key and a
 * token sent together (Trello's `key` and `token` query parameters).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../templates/runtime/core.js';
import { ClientError } from '../../templates/runtime/errors.js';
import type { ApiSettings } from '../../templates/runtime/settings.js';
import { api, clearKeyEnv, getSpec, settings, VALID_KEY } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  vi.unstubAllEnvs();
  nock.cleanAll();
});

const TOKEN = 'oauth-TOKEN-abcdef123';
const STORE_KEY = 'store-KEY-9876543210';
const APP_TOKEN = 'app+TOKEN/42-secret';

/** OAuth for most operations, an `api_key` header for some, a key + token pair in the query. */
const multi: ApiSettings = {
  ...settings,
  apiKey: { envVars: ['EXAMPLE_API_KEY'] },
  auth: {
    default: 'oauth',
    headers: {
      oauth: { header: 'authorization', prefix: 'Bearer ' },
      api_key: { header: 'api_key', prefix: '' },
      appKey: { query: 'key' },
      appToken: { query: 'token' },
    },
    security: [['oauth'], ['api_key']],
  },
};

/** The headers and query of the one request made to `path`. */
function capture(path = '/v1/x'): () => { headers: Record<string, unknown>; query: string } {
  let seen = { headers: {} as Record<string, unknown>, query: '' };
  api()
    .get((uri) => uri.startsWith(path))
    .reply(function reply() {
      seen = { headers: { ...this.req.headers }, query: new URL(this.req.path, 'https://x.test').search };
      return [200, { ok: true }];
    });
  return () => seen;
}

describe('choosing the credentials of a call', () => {
  it('sends the credential the operation accepts: the token to OAuth operations, the key to api_key ones', async () => {
    const client = new ApiClient({ credentials: { oauth: TOKEN, api_key: STORE_KEY } }, multi);
    const pets = capture('/pets');
    await client.request(getSpec('/pets'));
    const store = capture('/store');
    await client.request(getSpec('/store', { security: [['api_key']] }));
    expect(pets().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(pets().headers['api_key']).toBeUndefined();
    expect(store().headers['api_key']).toBe(STORE_KEY);
    expect(store().headers['authorization']).toBeUndefined();
  });

  it('prefers apiKey (in its authHeader form) when the operation accepts it', async () => {
    const client = new ApiClient({ apiKey: STORE_KEY, authHeader: 'api_key', credentials: { oauth: TOKEN } }, multi);
    const seen = capture();
    await client.request(getSpec('/v1/x')); // accepts oauth or api_key: the caller's own choice wins
    expect(seen().headers['api_key']).toBe(STORE_KEY);
    expect(seen().headers['authorization']).toBeUndefined();
  });

  it('takes the first alternative it has every key of, sending a pair together', async () => {
    const client = new ApiClient({ credentials: { oauth: TOKEN, appKey: 'k1', appToken: APP_TOKEN } }, multi);
    const seen = capture('/boards');
    await client.request(getSpec('/boards', { security: [['api_key'], ['appKey', 'appToken'], ['oauth']] }));
    expect(seen().query).toBe(`?key=k1&token=${encodeURIComponent(APP_TOKEN)}`);
    expect(seen().headers['authorization']).toBeUndefined();
  });

  it('falls back to apiKey, then to the first credential, when the operation accepts none it has', async () => {
    const withKey = capture();
    await new ApiClient({ apiKey: TOKEN, credentials: { api_key: STORE_KEY } }, multi).request(
      getSpec('/v1/x', { security: [['appKey']] }),
    );
    expect(withKey().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    const without = capture();
    await new ApiClient({ credentials: { api_key: STORE_KEY } }, multi).request(getSpec('/v1/x', { security: [['oauth']] }));
    expect(without().headers['api_key']).toBe(STORE_KEY);
  });

  it('sends nothing to an operation it has no accepted key for, when the operation may go without ({})', async () => {
    const client = new ApiClient({ credentials: { oauth: TOKEN } }, multi);
    const optional = capture('/maybe');
    await client.request(getSpec('/maybe', { security: [['api_key'], []] }));
    expect(optional().headers['authorization']).toBeUndefined();
    const accepted = capture('/either');
    await client.request(getSpec('/either', { security: [['oauth'], []] }));
    expect(accepted().headers['authorization']).toBe(`Bearer ${TOKEN}`);
  });

  it('sends nothing to operations that take no credentials', async () => {
    const seen = capture('/health');
    await new ApiClient({ credentials: { oauth: TOKEN, appKey: 'k1', appToken: 't1' } }, multi).request(
      getSpec('/health', { auth: false }),
    );
    expect(seen().headers['authorization']).toBeUndefined();
    expect(seen().query).toBe('');
  });

  it('lets client-wide and per-call headers still override the chosen credential', async () => {
    const client = new ApiClient({ credentials: { api_key: STORE_KEY }, headers: { api_key: 'client-wide' } }, multi);
    const wide = capture();
    await client.request(getSpec('/v1/x', { security: [['api_key']] }));
    expect(wide().headers['api_key']).toBe('client-wide');
    const perCall = capture();
    await client.request(getSpec('/v1/x', { security: [['api_key']] }), { headers: { api_key: null } });
    expect(perCall().headers['api_key']).toBeUndefined();
  });

  it('without `security` in the settings, apiKey goes in its form to every operation, as before', async () => {
    const seen = capture();
    await new ApiClient({ apiKey: VALID_KEY, authHeader: 'x-api-key' }, settings).request(getSpec('/v1/x'));
    expect(seen().headers['x-api-key']).toBe(VALID_KEY);
    expect(seen().headers['authorization']).toBeUndefined();
  });
});

describe('checking credentials before any request', () => {
  it('accepts credentials instead of apiKey where a key is required', () => {
    expect(() => new ApiClient({ credentials: { oauth: TOKEN } }, multi)).not.toThrow();
    expect(() => new ApiClient({}, multi)).toThrow(
      'Missing API key for the Example client: pass `apiKey` (or `credentials`, one per auth form) or set EXAMPLE_API_KEY.',
    );
    // An API whose spec has no root list still says so (its settings carry an empty one).
    expect(() => new ApiClient({}, { ...multi, auth: { ...multi.auth, security: [] } })).toThrow('(or `credentials`, one per auth form)');
    // Empty entries mean "none", as an empty apiKey does.
    expect(() => new ApiClient({ credentials: { oauth: '' } }, multi)).toThrow('Missing API key');
  });

  it('refuses unknown forms, non-strings, control characters and lone surrogates, naming the form only', () => {
    const make = (credentials: Record<string, unknown>): (() => ApiClient) => () =>
      new ApiClient({ credentials: credentials as Record<string, string> }, multi);
    expect(make({ bogus: TOKEN })).toThrow(
      'Unknown auth form "bogus" in credentials; valid forms: "oauth", "api_key", "appKey", "appToken".',
    );
    expect(make({ oauth: 42 })).toThrow('credentials["oauth"] must be a string');
    expect(make({ oauth: `${TOKEN}\r\nx-evil: 1` })).toThrow('credentials["oauth"] contains control characters.');
    expect(make({ appKey: 'a\uD800b' })).toThrow('credentials["appKey"] is not well-formed Unicode (a lone surrogate).');
    for (const bad of [{ bogus: TOKEN }, { oauth: `${TOKEN}\n` }]) {
      try {
        make(bad)();
      } catch (error) {
        expect(error).toBeInstanceOf(ClientError);
        expect(String(error)).not.toContain(TOKEN);
      }
    }
  });

  it('an explicit credential beats a key from the environment for the same form', async () => {
    vi.stubEnv('EXAMPLE_API_KEY', 'env-KEY-0123456789');
    const client = new ApiClient({ credentials: { oauth: TOKEN, api_key: STORE_KEY } }, multi);
    const seen = capture();
    await client.request(getSpec('/v1/x'));
    expect(seen().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    // For another form, the environment's key is still the apiKey (default form, oauth here).
    const withEnv = capture();
    await new ApiClient({ credentials: { api_key: STORE_KEY } }, multi).request(getSpec('/v1/x'));
    expect(withEnv().headers['authorization']).toBe('Bearer env-KEY-0123456789');
  });

  it('a header credential that cannot be sent fails at construction, not on first use', () => {
    expect(() => new ApiClient({ credentials: { oauth: TOKEN, api_key: 'sec\u20acret' } }, multi)).toThrow(ClientError);
  });

  it('refuses two different keys for one form', () => {
    expect(() => new ApiClient({ apiKey: TOKEN, credentials: { oauth: STORE_KEY } }, multi)).toThrow(
      'Two keys for the "oauth" auth form: `apiKey` and `credentials["oauth"]` differ; give it once.',
    );
    expect(() => new ApiClient({ apiKey: TOKEN, credentials: { oauth: TOKEN } }, multi)).not.toThrow();
  });

  it('a query key with a lone surrogate fails at construction with a ClientError, not a URIError', () => {
    const query: ApiSettings = { ...multi, auth: { default: 'appKey', headers: multi.auth.headers } };
    expect(() => new ApiClient({ apiKey: 'a\uDC00b' }, query)).toThrow(
      'The Example API key from the apiKey option is not well-formed Unicode (a lone surrogate).',
    );
  });
});

describe('every credential is a secret', () => {
  it('is masked in log lines, hook payloads and error messages', async () => {
    api()
      .get('/boards')
      .query(true)
      .reply(401, { error: { code: 'BAD', message: `token ${APP_TOKEN} and key ${STORE_KEY} rejected` } });
    const lines: string[] = [];
    const hooked: string[] = [];
    const logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: (m: string, d?: unknown) => lines.push(m + JSON.stringify(d)) };
    const client = new ApiClient(
      {
        credentials: { api_key: STORE_KEY, appKey: 'k1', appToken: APP_TOKEN },
        logger,
        logLevel: 'debug',
        hooks: { onRequest: (info) => hooked.push(JSON.stringify(info)) },
      },
      multi,
    );
    const error = await client.request(getSpec('/boards', { security: [['appKey', 'appToken']] })).catch((e: unknown) => e);
    const everything = [String(error), JSON.stringify(error), ...lines, ...hooked].join('\n');
    expect(String(error)).toContain('token [redacted] and key [redacted] rejected');
    for (const secret of [APP_TOKEN, encodeURIComponent(APP_TOKEN), STORE_KEY]) expect(everything).not.toContain(secret);
  });

  it('two keys that overlap in a text are masked whole, no fragment of either left', async () => {
    const first = 'abcdefgh1234';
    const second = '1234zzzzzzzz';
    api().get('/v1/x').reply(400, { error: { code: 'BAD', message: `got ${first}zzzzzzzz` } });
    const client = new ApiClient({ credentials: { oauth: first, api_key: second }, maxRetries: 0 }, multi);
    const error = await client.request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(String(error)).toContain('got [redacted]');
    expect(String(error)).not.toMatch(/zzzz|1234/);
  });

  it("a query key with ' ( ) is masked in the response url, where URL parsing escapes the quote", async () => {
    const key = "ab'c(d)12345";
    api().get('/v1/x').query(true).reply(200, {});
    const client = new ApiClient({ credentials: { appKey: key } }, multi);
    const { response } = await client.request(getSpec('/v1/x', { security: [['appKey']] })).withResponse();
    expect(response.url).toBe('https://api.example.test/v1/x?key=[redacted]');
  });

  it('success data loses only the long ones, as with one key (MIN_DATA_SCRUBBED_LENGTH)', async () => {
    api().get('/v1/x').reply(200, { note: `k1 and ${STORE_KEY}` });
    const client = new ApiClient({ credentials: { api_key: STORE_KEY, appKey: 'k1', appToken: APP_TOKEN } }, multi);
    await expect(client.request(getSpec('/v1/x'))).resolves.toEqual({ note: 'k1 and [redacted]' });
  });
});

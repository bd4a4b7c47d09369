import { inspect } from 'node:util';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../templates/runtime/core.js';
import { ClientError } from '../../templates/runtime/errors.js';
import type { ClientOptions } from '../../templates/runtime/options.js';
import { BASE_URL, EU_URL, OTHER_VALID_KEY, VALID_KEY, clearKeyEnv, getSpec, makeClient, settings } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  vi.unstubAllEnvs();
  nock.cleanAll();
});

/** The ClientError a constructor call throws. */
function constructionError(options: ClientOptions): ClientError {
  try {
    new ApiClient(options, settings);
  } catch (error) {
    expect(error).toBeInstanceOf(ClientError);
    return error as ClientError;
  }
  throw new Error('expected the constructor to throw');
}

describe('API key', () => {
  it('missing key: names the option and every env var', () => {
    expect(constructionError({}).message).toBe(
      'Missing API key for the Example client: pass `apiKey` or set EXAMPLE_API_KEY or ALT_EXAMPLE_API_KEY.',
    );
  });

  it('an empty apiKey option is reported as such (and does not fall back to env)', () => {
    vi.stubEnv('EXAMPLE_API_KEY', VALID_KEY);
    expect(constructionError({ apiKey: '' }).message).toContain('(the apiKey option is empty)');
  });

  it('reads the first non-empty env var, in order', async () => {
    vi.stubEnv('ALT_EXAMPLE_API_KEY', OTHER_VALID_KEY);
    const scope = nock(BASE_URL).get('/v1/me').matchHeader('authorization', `Bearer ${OTHER_VALID_KEY}`).reply(200, {});
    await new ApiClient({}, settings).request(getSpec('/v1/me'));
    expect(scope.isDone()).toBe(true);

    vi.stubEnv('EXAMPLE_API_KEY', VALID_KEY);
    const first = nock(BASE_URL).get('/v1/me').matchHeader('authorization', `Bearer ${VALID_KEY}`).reply(200, {});
    await new ApiClient({}, settings).request(getSpec('/v1/me'));
    expect(first.isDone()).toBe(true);
  });

  it('trims whitespace around env keys (trailing newline from .env files)', async () => {
    vi.stubEnv('EXAMPLE_API_KEY', `  ${VALID_KEY}\n`);
    const scope = nock(BASE_URL).get('/v1/me').matchHeader('authorization', `Bearer ${VALID_KEY}`).reply(200, {});
    await new ApiClient({}, settings).request(getSpec('/v1/me'));
    expect(scope.isDone()).toBe(true);
  });

  it('the option wins over the environment', async () => {
    vi.stubEnv('EXAMPLE_API_KEY', OTHER_VALID_KEY);
    const scope = nock(BASE_URL).get('/v1/me').matchHeader('authorization', `Bearer ${VALID_KEY}`).reply(200, {});
    await makeClient().request(getSpec('/v1/me'));
    expect(scope.isDone()).toBe(true);
  });

  it('malformed key: format hint and source, never the key', () => {
    const badKey = 'tk_SHORTsecretvalue';
    const error = constructionError({ apiKey: badKey });
    expect(error.message).toBe(
      'The Example API key from the apiKey option is malformed: expected tk_ followed by 18 letters or digits (got 19 characters).',
    );
    expect(error.message).not.toContain('SHORTsecret');
    expect(JSON.stringify(error)).not.toContain('SHORTsecret');
    expect(inspect(error)).not.toContain('SHORTsecret');
  });

  it('malformed env key names the env var', () => {
    vi.stubEnv('EXAMPLE_API_KEY', 'wrong');
    expect(constructionError({}).message).toContain('from the EXAMPLE_API_KEY environment variable is malformed');
  });

  it('without a pattern, any non-empty key is accepted', () => {
    const loose = { ...settings, apiKey: { envVars: [] } };
    expect(() => new ApiClient({ apiKey: 'anything' }, loose)).not.toThrow();
    expect(() => new ApiClient({}, loose)).toThrow('Missing API key for the Example client: pass `apiKey`.');
  });

  describe('when no operation requires a key (apiKey.optional)', () => {
    const optional = { ...settings, apiKey: { ...settings.apiKey, optional: true } };

    it('the client is built without one and sends no credentials', async () => {
      const scope = nock(BASE_URL)
        .get('/v1/open')
        .reply(200, function () {
          return { authorization: this.req.headers.authorization ?? null };
        });
      await expect(new ApiClient({}, optional).request(getSpec('/v1/open'))).resolves.toEqual({ authorization: null });
      expect(scope.isDone()).toBe(true);
    });

    it('a key from the option or the environment is still checked and sent', async () => {
      expect(() => new ApiClient({ apiKey: 'tk_SHORT' }, optional)).toThrow('is malformed');
      expect(new ApiClient({ apiKey: '  ' }, optional).baseUrl).toBe(BASE_URL); // empty: no key, as if unset
      vi.stubEnv('EXAMPLE_API_KEY', VALID_KEY);
      const scope = nock(BASE_URL).get('/v1/open').matchHeader('authorization', `Bearer ${VALID_KEY}`).reply(200, {});
      await new ApiClient({}, optional).request(getSpec('/v1/open'));
      expect(scope.isDone()).toBe(true);
    });
  });

  it('the key is invisible to util.inspect and JSON.stringify', () => {
    const client = makeClient({ headers: { 'x-extra': '1' } });
    expect(inspect(client, { showHidden: true, depth: Infinity, getters: true })).not.toContain('SECRET');
    expect(JSON.stringify(client)).not.toContain('SECRET');
    expect(Object.keys(client).sort()).toEqual(['baseUrl', 'deadline', 'maxResponseBytes', 'maxRetries', 'timeout']);
  });
});

describe('base URL', () => {
  it.each<[string, ClientOptions, string]>([
    ['default server', {}, BASE_URL],
    ['region', { region: 'eu' }, EU_URL],
    ['baseUrl wins over region', { region: 'eu', baseUrl: 'https://proxy.test/api/' }, 'https://proxy.test/api'],
    ['http on localhost', { baseUrl: 'http://localhost:4010' }, 'http://localhost:4010'],
    ['http on 127.0.0.1', { baseUrl: 'http://127.0.0.1:4010' }, 'http://127.0.0.1:4010'],
    ['http on ::1', { baseUrl: 'http://[::1]:4010' }, 'http://[::1]:4010'],
  ])('%s', (_label, options, expected) => {
    expect(makeClient(options).baseUrl).toBe(expected);
  });

  it('an API whose spec names no usable server: baseUrl is required, and said so', () => {
    const serverless = { ...settings, servers: {}, defaultServer: '' };
    const message = "The Example client needs a baseUrl: the API's spec names no server it can use.";
    expect(() => new ApiClient({ apiKey: VALID_KEY }, serverless)).toThrow(message);
    expect(() => new ApiClient({ apiKey: VALID_KEY, region: 'us' }, serverless)).toThrow(message);
    expect(new ApiClient({ apiKey: VALID_KEY, baseUrl: 'https://self.example' }, serverless).baseUrl).toBe('https://self.example');
  });

  it('unknown region lists the valid ones', () => {
    expect(constructionError({ apiKey: VALID_KEY, region: 'ap' }).message).toBe(
      'Unknown region "ap" for the Example client; valid regions: "us", "eu".',
    );
  });

  it('inherited object keys are not regions', () => {
    expect(constructionError({ apiKey: VALID_KEY, region: 'toString' }).message).toContain('Unknown region "toString"');
  });

  it('plain http to a remote host is refused', () => {
    expect(constructionError({ apiKey: VALID_KEY, baseUrl: 'http://api.example.test' }).message).toContain(
      'Refusing plain http baseUrl "http://api.example.test"',
    );
  });

  it('requests go to the path under the base URL prefix', async () => {
    const scope = nock('https://proxy.test').get('/api/v1/x').reply(200, { ok: true });
    await expect(makeClient({ baseUrl: 'https://proxy.test/api/' }).request(getSpec('/v1/x'))).resolves.toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
  });
});

describe('other options', () => {
  it('defaults', () => {
    const client = makeClient();
    expect(client.maxRetries).toBe(2);
    expect(client.timeout).toBe(60_000);
    expect(client.deadline).toBeUndefined();
  });

  it.each<[ClientOptions, string]>([
    [{ maxRetries: -1 }, 'maxRetries must be a non-negative integer'],
    [{ maxRetries: 1.5 }, 'maxRetries must be a non-negative integer'],
    [{ timeout: 0 }, 'timeout must be a positive number of milliseconds'],
    [{ timeout: Number.NaN }, 'timeout must be a positive number of milliseconds'],
    [{ deadline: -5 }, 'deadline must be a positive number of milliseconds'],
    [{ authHeader: 'basic' }, 'Unknown authHeader "basic"; valid values: "bearer", "x-api-key".'],
    [{ logLevel: 'loud' as never }, 'Invalid logLevel "loud"'],
    [{ headers: { 'x-bad': 'a\r\nx-injected: 1' } }, 'Invalid value for header "x-bad": it must not contain CR, LF or NUL'],
    [{ headers: { 'x-bad': 'a\x0bb' } }, 'Invalid value for header "x-bad": it must not contain control characters or characters above U+00FF (encode them first)'],
    [{ headers: { 'x-bad': '€' } }, 'Invalid value for header "x-bad": it must not contain control characters or characters above U+00FF (encode them first)'],
    [{ headers: { 'bad name': 'x' } }, 'Invalid header name "bad name"'],
  ])('%o is rejected', (options, message) => {
    expect(constructionError({ apiKey: VALID_KEY, ...options }).message).toBe(message);
  });
});

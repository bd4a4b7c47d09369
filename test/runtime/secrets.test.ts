import { inspect } from 'node:util';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../templates/runtime/core.js';
import { AuthenticationError, InvalidResponseError } from '../../templates/runtime/errors.js';
import { createRedactor, REDACTED } from '../../templates/runtime/redact.js';
import { VALID_KEY, api, clearKeyEnv, getSpec, makeClient, settings } from './fixtures.js';

// The distinctive middle of the key: no output may contain it, not even partially redacted.
const SECRET_PART = 'SECRETsecret';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  vi.unstubAllEnvs();
  nock.cleanAll();
});

function everyView(value: unknown): string {
  return [String(value), JSON.stringify(value), inspect(value, { showHidden: true, depth: 5 })].join('\n');
}

describe('the API key never leaks', () => {
  it('a server echoing the key in a 401 envelope: message, body, JSON and inspect are scrubbed', async () => {
    api()
      .get('/v1/x')
      .reply(401, { error: { code: 'INVALID_API_KEY', message: `Key ${VALID_KEY} is unknown`, details: { key: VALID_KEY } } });
    const error = await makeClient().request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('INVALID_API_KEY');
    expect((error as AuthenticationError).message).toBe('Key [redacted] is unknown');
    expect((error as AuthenticationError).details).toEqual({ key: '[redacted]' });
    expect(everyView(error)).not.toContain(SECRET_PART);
  });

  it('a server echoing the key in an HTML error page', async () => {
    api().get('/v1/x').reply(502, `<html><body>upstream rejected Bearer ${VALID_KEY}</body></html>`);
    const error = await makeClient({ maxRetries: 0 }).request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect((error as Error).message).toBe('HTTP 502: upstream rejected Bearer [redacted]');
    expect(everyView(error)).not.toContain(SECRET_PART);
  });

  it('a server echoing the key in an invalid 200 body', async () => {
    api().get('/v1/x').reply(200, `not json ${VALID_KEY}`);
    const error = await makeClient().request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(everyView(error)).not.toContain(SECRET_PART);
  });

  it('errors never carry the request headers', async () => {
    api().get('/v1/x').reply(404, {});
    const error = await makeClient().request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(everyView(error)).not.toContain(SECRET_PART);
    expect(everyView(error)).not.toContain('authorization');
  });

  it('construction errors from an env key never show it', () => {
    vi.stubEnv('EXAMPLE_API_KEY', `${VALID_KEY}x`);
    let caught: unknown;
    try {
      new ApiClient({}, settings);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toContain('EXAMPLE_API_KEY environment variable is malformed');
    expect(everyView(caught)).not.toContain(SECRET_PART);
  });

  it('the client itself, in every view', () => {
    const client = makeClient({ authHeader: 'x-api-key', logLevel: 'debug', logger: { error() {}, warn() {}, info() {}, debug() {} } });
    expect(everyView(client)).not.toContain(SECRET_PART);
    expect(Object.getOwnPropertyNames(client)).not.toContain('apiKey');
  });
});

describe('URL-encoded spellings of the key', () => {
  it('lowercase hex and + for a space are scrubbed too; text without % or + is not re-scanned', () => {
    const redact = createRedactor('k+y/K EY', []);
    expect(redact.text('a=k%2by%2fK+EY b=k%2By%2FK%20EY c=k+y/K EY')).toBe(`a=${REDACTED} b=${REDACTED} c=${REDACTED}`);
    expect(redact.text('k%2bz')).toBe('k%2bz');
    // A key nothing in which gets encoded has no other spelling.
    expect(createRedactor('plainKEY123', []).text('plainkey123 plainKEY123')).toBe(`plainkey123 ${REDACTED}`);
  });
});

describe('short keys (no key format in the settings)', () => {
  const loose = { ...settings, apiKey: { envVars: [] } };

  it('a key under 8 characters stays in success data: scrubbing it would change the data', async () => {
    api().get('/v1/x').matchHeader('authorization', 'Bearer test').reply(200, { name: 'test run', note: 'latest' });
    const client = new ApiClient({ apiKey: 'test' }, loose);
    await expect(client.request(getSpec('/v1/x'))).resolves.toEqual({ name: 'test run', note: 'latest' });
  });

  it('but not in messages, error bodies or logs: a short key can still be a secret', async () => {
    const key = 'Ab3xK9q';
    api().get('/v1/x').reply(401, { message: `invalid key ${key}` });
    api().get('/v1/y').reply(200, `<html>key ${key}</html>`);
    const client = new ApiClient({ apiKey: key, maxRetries: 0 }, loose);
    const denied = await client.request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect((denied as Error).message).toBe('invalid key [redacted]');
    expect(everyView(denied)).not.toContain(key);
    const invalid = await client.request(getSpec('/v1/y')).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidResponseError);
    expect(everyView(invalid)).not.toContain(key);
    expect(() => new ApiClient({ apiKey: key, baseUrl: `https://h.test/?k=${key}` }, loose)).toThrow(/k=\[redacted\]/);
  });

  it('credential headers are masked by name, whatever the key length', () => {
    const redact = createRedactor('test', []);
    expect(redact.headers({ authorization: 'Bearer test', accept: 'x/y' })).toEqual({ authorization: REDACTED, accept: 'x/y' });
  });

  it('from 8 characters on, the key is scrubbed from success data too', async () => {
    api().get('/v1/x').reply(200, { echo: 'abcd1234' });
    const client = new ApiClient({ apiKey: 'abcd1234' }, loose);
    await expect(client.request(getSpec('/v1/x'))).resolves.toEqual({ echo: REDACTED });
  });
});

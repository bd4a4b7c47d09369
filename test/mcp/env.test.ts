import { describe, expect, it } from 'vitest';
import { readStartupConfig, StartupError } from '../../templates/mcp/env.js';
import { describeError } from '../../templates/mcp/errors.js';
import { ResponseTooLargeError } from '../../templates/runtime/errors.js';
import { settings } from '../runtime/fixtures.js';
import { createLogger, createRedactor } from '../../templates/mcp/log.js';
import { MCP_SETTINGS } from '../../generated-mcp/src/settings.js';
import { TEST_KEYS } from '../contract-server/keys.js';

const KEY = TEST_KEYS.eu.pro;
const failure = (env: Record<string, string>): string => {
  try {
    readStartupConfig(MCP_SETTINGS, env);
  } catch (error) {
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  }
  throw new Error('expected a StartupError');
};

describe('start-up configuration from the environment', () => {
  it('takes the first key variable that is set, and the region, base URL, mode and log level', () => {
    expect(readStartupConfig(MCP_SETTINGS, { ISNOTAI_API_KEY: KEY, NOTAI_REGION: 'eu', NOTAI_MCP_TOOLS: 'Dynamic', NOTAI_LOG: 'debug' })).toEqual({
      apiKey: KEY,
      apiKeyVar: 'ISNOTAI_API_KEY',
      region: 'eu',
      mode: 'dynamic',
      logLevel: 'debug',
    });
    expect(readStartupConfig(MCP_SETTINGS, { NOTAI_API_KEY: KEY, ISNOTAI_API_KEY: 'ignored', NOTAI_BASE_URL: 'http://127.0.0.1:9' })).toMatchObject({
      apiKeyVar: 'NOTAI_API_KEY',
      baseUrl: 'http://127.0.0.1:9',
      logLevel: 'info',
    });
  });

  it('starts without a key, naming the variables that would hold one', () => {
    // The tools answer MISSING_API_KEY naming them (server.e2e / stdio tests), where the agent sees it.
    expect(readStartupConfig(MCP_SETTINGS, {})).toEqual({ logLevel: 'info', missingKey: ['NOTAI_API_KEY', 'ISNOTAI_API_KEY'] });
    expect(readStartupConfig(MCP_SETTINGS, { NOTAI_API_KEY: '   ', NOTAI_REGION: 'eu' })).toEqual({ logLevel: 'info', region: 'eu', missingKey: ['NOTAI_API_KEY', 'ISNOTAI_API_KEY'] });
  });

  it('names the variable to fix and never repeats a value', () => {
    const malformed = failure({ NOTAI_API_KEY: 'aik_v1_tooShortSecret' });
    expect(malformed).toMatch(/^NOTAI_API_KEY is malformed: expected aik_v1_ followed by 40 base64url characters .*\(got 21 characters\)/);
    expect(malformed).not.toContain('tooShortSecret');
    const region = failure({ NOTAI_API_KEY: KEY, NOTAI_REGION: 'mars-secret' });
    expect(region).toBe('NOTAI_REGION must be one of us, eu.');
    expect(failure({ NOTAI_API_KEY: KEY, NOTAI_MCP_TOOLS: 'all' })).toMatch(/^NOTAI_MCP_TOOLS must be/);
    expect(failure({ NOTAI_API_KEY: KEY, NOTAI_LOG: 'loud' })).toMatch(/^NOTAI_LOG must be/);
  });
});

describe('an API that needs no key (apiKeyOptional)', () => {
  const optional = { ...MCP_SETTINGS, apiKeyOptional: true };

  it('starts without one, and still checks one that is set', () => {
    expect(readStartupConfig(optional, { NOTAI_REGION: 'eu' })).toEqual({ region: 'eu', logLevel: 'info' });
    expect(readStartupConfig(optional, { NOTAI_API_KEY: KEY })).toMatchObject({ apiKey: KEY, apiKeyVar: 'NOTAI_API_KEY' });
    expect(() => readStartupConfig(optional, { NOTAI_API_KEY: 'aik_v1_short' })).toThrow(/^NOTAI_API_KEY is malformed/);
    expect(() => readStartupConfig(optional, { NOTAI_REGION: 'mars' })).toThrow('NOTAI_REGION must be one of us, eu.');
  });

  it('any key is scrubbed from output, however short: results go to an agent', () => {
    expect(createRedactor('Ab3xK9q')('key Ab3xK9q')).toBe('key [redacted]');
    expect(createRedactor('')('text')).toBe('text');
  });
});

describe('logging', () => {
  it('writes whole, redacted lines at or above the level', () => {
    const lines: string[] = [];
    const log = createLogger({ name: 'x-mcp', level: 'info', redact: createRedactor(KEY), write: (l) => lines.push(l) });
    log.debug('hidden');
    log.info(`key ${KEY}\nsecond line`, { header: `Bearer ${KEY}` });
    log.error('boom', { error: new Error(`bad ${KEY}`) });
    expect(lines).toEqual([
      'x-mcp info: key [redacted] second line {"header":"Bearer [redacted]"}\n',
      'x-mcp error: boom {"error":"Error: bad [redacted]"}\n',
    ]);
  });
});

describe('error descriptions', () => {
  it('classify client failures that carry no HTTP status', () => {
    const named = (name: string): Error => Object.assign(new Error(`${name} happened`), { name });
    expect(describeError(named('APITimeoutError'), []).code).toBe('TIMEOUT');
    expect(describeError(named('APIConnectionError'), []).code).toBe('CONNECTION_ERROR');
    expect(describeError(named('InvalidResponseError'), []).code).toBe('INVALID_RESPONSE');
    const internal = describeError(new TypeError(`x is undefined ${KEY}`), []);
    expect(internal).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(internal.message).not.toContain(KEY);
    const unknownStatus = Object.assign(new Error('teapot'), { status: 418 });
    expect(describeError(unknownStatus, [])).toMatchObject({ code: 'HTTP_418', status: 418 });
  });

  it('tell the agent to ask for less, not to retry, when an answer is over the size cap, whatever its status', () => {
    for (const status of [200, 503]) {
      const tooLarge = new ResponseTooLargeError('Response body exceeds maxResponseBytes', status, new Headers(), settings, { limit: 65536, url: 'https://api.example.test/things' });
      const info = describeError(tooLarge, []);
      expect(info.code).toBe('RESPONSE_TOO_LARGE');
      expect(info.hint).toMatch(/65536 bytes/);
      expect(info.hint).not.toMatch(/try again/i);
    }
  });
});

describe('an API whose operations take different credentials (env.credentials)', () => {
  const multi = { ...MCP_SETTINGS, env: { ...MCP_SETTINGS.env, credentials: { oauth: 'NOTAI_AUTH_OAUTH', store: 'NOTAI_AUTH_STORE' } } };

  it('reads the credential variables that are set, with or without the API key', () => {
    expect(readStartupConfig(multi, { NOTAI_AUTH_OAUTH: ' tok-1 ' })).toEqual({ credentials: { oauth: 'tok-1' }, logLevel: 'info' });
    expect(readStartupConfig(multi, { NOTAI_API_KEY: KEY, NOTAI_AUTH_STORE: 'store-1' })).toMatchObject({ apiKey: KEY, credentials: { store: 'store-1' } });
  });

  it('names every variable when none is set, and refuses control characters by name only', () => {
    const message = (env: Record<string, string>): string => {
      try {
        readStartupConfig(multi, env);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(readStartupConfig(multi, {}).missingKey).toEqual(['NOTAI_API_KEY', 'ISNOTAI_API_KEY', 'NOTAI_AUTH_OAUTH', 'NOTAI_AUTH_STORE']);
    expect(message({ NOTAI_AUTH_OAUTH: 'tok\nsecret' })).toBe('NOTAI_AUTH_OAUTH contains control characters.');
  });

  it('the redactor masks every key, the longer first', () => {
    const redact = createRedactor(['abc', undefined, 'abcdef-long']);
    expect(redact('x abcdef-long y abc z')).toBe('x [redacted] y [redacted] z');
  });
});

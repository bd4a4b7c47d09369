/**
 * Boundaries of the generated client: what a caller or a server can make it send or believe.
 * - Path parameters cannot change the request's path, query, fragment or headers: each value
 *   arrives as exactly one percent-encoded segment (checked on the raw request line a real
 *   node:http server received), or is refused with a ClientError before any request.
 * - Header values with CR/LF (or anything else HTTP forbids in a field value) are refused.
 * - `__proto__` / `constructor` keys in success bodies, error bodies and pages pollute nothing.
 * - Plain http:// is refused off loopback.
 * - A redirect to another origin never carries the key there (nor anything else: it is not
 *   followed); same-origin redirects are followed with the usual method semantics.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  ApiClient,
  BadRequestError,
  InvalidResponseError,
  NotAi,
  NotAiError,
  type NotAiOptions,
} from '../../generated/src/index.js';
import { API_SETTINGS } from '../../generated/src/settings.js';
import { createRedactor } from '../../templates/runtime/redact.js';
import { json, startScriptedServer, type ScriptedServer } from './helpers.js';

const KEY = 'aik_v1_BoundaryBoundaryBoundaryBoundary_-012345';

let api: ScriptedServer;
let other: ScriptedServer;
beforeAll(async () => {
  api = await startScriptedServer();
  other = await startScriptedServer();
});
afterAll(async () => {
  await Promise.all([api.close(), other.close()]);
});
// `{ data: … }`: the envelope the spec's single-object responses share (the client unwraps it).
const enveloped = (_req: unknown, res: Parameters<typeof json>[0]): void => json(res, 200, { data: {} });
beforeEach(() => api.handle(enveloped));
afterEach(() => {
  api.seen.length = 0;
  other.seen.length = 0;
});

const client = (extra: Partial<NotAiOptions> = {}): NotAi => new NotAi({ apiKey: KEY, baseUrl: api.url, maxRetries: 0, ...extra });

/** Runs a call and returns what it threw, whether it threw synchronously or rejected. */
async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

// ---------------------------------------------------------------------------------------------

describe('path parameters', () => {
  // Expected request targets are written out by hand, not computed with encodeURIComponent.
  it.each<[string, string, string]>([
    ['../', '../', '/v1/sessions/..%2F'],
    ['../../admin', '../../admin', '/v1/sessions/..%2F..%2Fadmin'],
    ['..\\ (backslash: a slash to WHATWG URLs)', '..\\', '/v1/sessions/..%5C'],
    ['?a=b', '?a=b', '/v1/sessions/%3Fa%3Db'],
    ['#frag', '#frag', '/v1/sessions/%23frag'],
    ['%2F', '%2F', '/v1/sessions/%252F'],
    ['%', '%', '/v1/sessions/%25'],
    ['%2e%2e (encoded dot-dot)', '%2e%2e', '/v1/sessions/%252e%252e'],
    ['.%2e', '.%2e', '/v1/sessions/.%252e'],
    ['...', '...', '/v1/sessions/...'],
    ['spaces and sub-delims', 'a b+c&d=e;f,g', '/v1/sessions/a%20b%2Bc%26d%3De%3Bf%2Cg'],
    ['a tab', 'a\tb', '/v1/sessions/a%09b'],
    ['DEL and ESC', 'a\x7f\x1bb', '/v1/sessions/a%7F%1Bb'],
    ['unicode', 'café-Ω-日本', '/v1/sessions/caf%C3%A9-%CE%A9-%E6%97%A5%E6%9C%AC'],
    ['an emoji', 'ses_🦄', '/v1/sessions/ses_%F0%9F%A6%84'],
    ['a request line', 'x HTTP/1.1', '/v1/sessions/x%20HTTP%2F1.1'],
    ['very long (4,000 characters)', 'a'.repeat(4000), `/v1/sessions/${'a'.repeat(4000)}`],
  ])('%s arrives as one encoded segment', async (_label, value, target) => {
    await client().sessions.get(value);
    expect(api.seen.map((r) => r.url)).toEqual([target]);
  });

  it.each<[string, string, string]>([
    ['../', '../', '/v1/sessions/..%2F/events'],
    ['?cursor=x', '?cursor=x', '/v1/sessions/%3Fcursor%3Dx/events'],
    ['#', '#', '/v1/sessions/%23/events'],
  ])('the same in the middle of a path (events of %s)', async (_label, value, target) => {
    api.handle((_req, res) => json(res, 200, { data: [], pagination: { hasMore: false } }));
    await client().sessions.events(value);
    expect(api.seen.map((r) => r.url)).toEqual([target]);
  });

  it.each<[string, string, string]>([
    ['empty', '', 'must not be empty'],
    ['.', '.', 'must not be "." or ".."'],
    ['..', '..', 'must not be "." or ".."'],
    ['CRLF with an injected header', 'ses_1\r\nx-injected: 1', 'must not contain CR, LF or NUL'],
    ['a request-line split', 'ses_1 HTTP/1.1\r\nHost: evil.test\r\n\r\nGET /', 'must not contain CR, LF or NUL'],
    ['LF', 'a\nb', 'must not contain CR, LF or NUL'],
    ['CR', 'a\rb', 'must not contain CR, LF or NUL'],
    ['NUL', 'a\0b', 'must not contain CR, LF or NUL'],
    ['a lone surrogate', 'a\uD800', 'not well-formed Unicode'],
  ])('%s is a ClientError before any request', async (_label, value, reason) => {
    const error = await thrown(() => client().sessions.get(value));
    expect(error).toBeInstanceOf(NotAiError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as Error).message).toBe(`Invalid path parameter #1 of /v1/sessions/{}: ${reason}`);
    expect(api.seen).toEqual([]);
  });

  it('query values cannot inject either: CR/LF, & and # are percent-encoded', async () => {
    api.handle((_req, res) => json(res, 200, { data: [], pagination: { hasMore: false } }));
    await client().sessions.list({ status: 'a\r\nx-injected: 1&cursor=evil#frag' });
    expect(api.seen.map((r) => r.url)).toEqual(['/v1/sessions?status=a%0D%0Ax-injected%3A+1%26cursor%3Devil%23frag']);
    expect(api.seen[0]?.headers['x-injected']).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------

describe('header values', () => {
  const refused: [string, string, string][] = [
    ['CRLF', 'a\r\nx-injected: 1', 'it must not contain CR, LF or NUL'],
    ['LF', 'a\nx-injected: 1', 'it must not contain CR, LF or NUL'],
    ['CR', 'a\rb', 'it must not contain CR, LF or NUL'],
    ['NUL', 'a\0b', 'it must not contain CR, LF or NUL'],
    ['a vertical tab', 'a\x0bb', 'it must not contain control characters or characters above U+00FF (encode them first)'],
    ['DEL', 'a\x7fb', 'it must not contain control characters or characters above U+00FF (encode them first)'],
    ['a character above U+00FF', 'price in €', 'it must not contain control characters or characters above U+00FF (encode them first)'],
  ];

  it.each(refused)('%s in a client-wide header: ClientError at construction', (_label, value, reason) => {
    expect(() => client({ headers: { 'x-trace': value } })).toThrow(new NotAiError(`Invalid value for header "x-trace": ${reason}`));
  });

  it.each(refused)('%s in a per-call header: ClientError, nothing sent, not retried', async (_label, value, reason) => {
    const error = await thrown(() => client({ maxRetries: 2 }).stats.get({ headers: { 'x-trace': value } }));
    expect(error).toBeInstanceOf(NotAiError);
    expect(error).not.toBeInstanceOf(APIConnectionError); // fetch's own TypeError would have been retried as one
    expect((error as Error).message).toBe(`Invalid value for header "x-trace": ${reason}`);
    expect(api.seen).toEqual([]);
  });

  it.each(['x-a\r\nx-injected', 'x a', 'x:a', ''])('header name %j is refused', async (name) => {
    const error = await thrown(() => client().stats.get({ headers: { [name]: 'v' } }));
    expect((error as Error).message).toBe(`Invalid header name "${name}"`);
    expect(api.seen).toEqual([]);
  });

  it('a tab and Latin-1 text are valid field values and arrive as sent', async () => {
    await client().stats.get({ headers: { 'x-trace': 'a\tcafé' } });
    const raw = api.seen[0]!.rawHeaders;
    expect(raw[raw.indexOf('x-trace') + 1]).toBe('a\tcafé');
  });

  it('an API key with CR/LF never becomes a header', async () => {
    expect(() => new NotAi({ apiKey: `${KEY.slice(0, 20)}\r\nx-injected: 1`, baseUrl: api.url })).toThrow(/is malformed/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('prototype pollution', () => {
  const clean = (): void => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
  };
  afterEach(clean);

  const POISON = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}';

  it('a success body', async () => {
    api.handle((_req, res) => json(res, 200, `{${POISON},"data":{"id":"ses_1",${POISON},"nested":{${POISON},"ok":1}}}`));
    const data = (await client().sessions.get('ses_1')) as unknown as Record<string, unknown>;
    clean();
    expect(data['id']).toBe('ses_1');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true); // kept as plain data
    expect((data['nested'] as Record<string, unknown>)['ok']).toBe(1);
  });

  it('an error body: the envelope is read from own properties only', async () => {
    api.handle((_req, res) =>
      json(
        res,
        400,
        `{"__proto__":{"polluted":true,"error":{"code":"FROM_PROTO"}},` +
          `"error":{"code":"VALIDATION_ERROR","message":"bad id","details":{${POISON},"field":"id"}}}`,
      ),
    );
    const error = (await thrown(() => client().sessions.get('ses_1'))) as BadRequestError;
    clean();
    expect(error).toBeInstanceOf(BadRequestError);
    expect([error.code, error.message, error.details?.['field']]).toEqual(['VALIDATION_ERROR', 'bad id', 'id']);
    expect(Object.getPrototypeOf(error.details)).toBe(Object.prototype);
  });

  it('an envelope that exists only under __proto__ is not believed', async () => {
    api.handle((_req, res) => json(res, 400, '{"__proto__":{"error":{"code":"FROM_PROTO","message":"trust me"}}}'));
    const error = (await thrown(() => client().sessions.get('ses_1'))) as BadRequestError;
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('HTTP 400: {"__proto__":{"error":{"code":"FROM_PROTO","message":"trust me"}}}');
  });

  it('an error body re-serialised to scrub a JSON-escaped key keeps __proto__ as data', async () => {
    const escapedKey = `\\u0061${KEY.slice(1)}`;
    api.handle((_req, res) => json(res, 422, `{"error":{"code":"ECHO","message":"${escapedKey}","details":{${POISON},"key":"${escapedKey}"}}}`));
    const error = (await thrown(() => client().sessions.get('ses_1'))) as APIError;
    clean();
    expect(error.message).toBe('[redacted]');
    expect(error.details).toMatchObject({ key: '[redacted]' });
    expect(Object.prototype.hasOwnProperty.call(error.details, '__proto__')).toBe(true);
  });

  it('pages: items, pagination and body under __proto__ change nothing about the walk', async () => {
    api.handle((req, res) => {
      const page2 = req.url?.includes('cursor=c2') === true;
      json(
        res,
        200,
        page2
          ? `{"data":[{"id":"c"}],"pagination":{"__proto__":{"nextCursor":"evil","hasMore":true}},"__proto__":{"data":[{"id":"evil"}]}}`
          : `{"data":[{"id":"a",${POISON}},{"id":"b"}],"pagination":{"nextCursor":"c2","hasMore":true,"__proto__":{"hasMore":false}}}`,
      );
    });
    const ids: string[] = [];
    for await (const session of client().sessions.list()) ids.push(session.id);
    clean();
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(api.seen.map((r) => r.url)).toEqual(['/v1/sessions', '/v1/sessions?cursor=c2']);
  });

  it('the log redactor copies a "__proto__" key as data', () => {
    const copy = createRedactor(KEY, []).value(JSON.parse(`{${POISON},"k":"${KEY}"}`)) as Record<string, unknown>;
    clean();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(true);
    expect(copy['k']).toBe('[redacted]');
  });
});

// ---------------------------------------------------------------------------------------------

describe('plain http', () => {
  it.each([
    'http://api.isnotai.com',
    'http://example.com:80/v1',
    'http://localhost.evil.test',
    'http://127.0.0.1.nip.io',
    'http://10.0.0.1',
    'http://169.254.169.254',
    'http://0.0.0.0:8080',
    'http://[::ffff:127.0.0.1]',
    'http://[::2]',
  ])('%s is refused (the key would travel in clear text)', (baseUrl) => {
    expect(() => new NotAi({ apiKey: KEY, baseUrl })).toThrow(/^Refusing plain http baseUrl ".*": the API key would be sent unencrypted/);
  });

  it.each(['ftp://127.0.0.1', 'ws://127.0.0.1:1234', 'file:///etc/passwd', 'javascript:alert(1)'])('%s is refused (not http or https)', (baseUrl) => {
    expect(() => new NotAi({ apiKey: KEY, baseUrl })).toThrow(NotAiError);
  });

  it.each([
    ['http://127.0.0.1:1234', 'http://127.0.0.1:1234'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://[::1]:1234/', 'http://[::1]:1234'],
    ['http://localhost:1234', 'http://localhost:1234'],
    ['http://LOCALHOST', 'http://localhost'],
    ['https://api.isnotai.com/', 'https://api.isnotai.com'],
  ])('%s is accepted', (baseUrl, normalised) => {
    expect(new NotAi({ apiKey: KEY, baseUrl }).baseUrl).toBe(normalised);
  });

  it('real requests over http to 127.0.0.1, localhost and [::1] carry the key', async () => {
    const v6 = await startScriptedServer('::1');
    v6.handle(enveloped);
    try {
      const port = new URL(api.url).port;
      for (const baseUrl of [api.url, `http://localhost:${port}`]) await client({ baseUrl }).stats.get();
      await client({ baseUrl: v6.url }).stats.get();
      expect([...api.seen, ...v6.seen].map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`, `Bearer ${KEY}`]);
    } finally {
      await v6.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('redirects', () => {
  const credential = (mode: 'bearer' | 'x-api-key', headers: Record<string, unknown>): unknown =>
    mode === 'bearer' ? headers['authorization'] : headers['x-api-key'];

  describe.each(['bearer', 'x-api-key'] as const)('to another origin (%s)', (authHeader) => {
    it.each([301, 302, 303, 307, 308])('%i is refused: the other host gets nothing, the API no retry', async (status) => {
      api.handle((_req, res) => {
        res.writeHead(status, { location: `${other.url}/v1/stats?from=api` }).end();
      });
      const error = await thrown(() => client({ authHeader, maxRetries: 2 }).stats.get());
      expect(error).toBeInstanceOf(InvalidResponseError);
      const invalid = error as InvalidResponseError;
      expect(invalid.status).toBe(status);
      expect(invalid.message).toBe(
        `Refused to follow a redirect (HTTP ${status}) from ${api.origin}/v1/stats to another origin, ${other.origin}: ` +
          `the API key is only ever sent to ${api.origin}. Check the baseUrl or region.`,
      );
      expect(invalid.headers.get('location')).toBe(`${other.url}/v1/stats?from=api`);
      expect(other.seen).toEqual([]);
      expect(api.seen).toHaveLength(1);
      expect(credential(authHeader, api.seen[0]!.headers)).toContain(KEY);
    });

    it('a same-origin hop first, then off to the other host: refused at the second hop', async () => {
      api.handle((req, res) => {
        const location = req.url === '/v1/stats' ? '/v1/hop' : `${other.url}/v1/stats`;
        res.writeHead(302, { location }).end();
      });
      await expect(client({ authHeader }).stats.get()).rejects.toThrow(/\(HTTP 302\) from http:\/\/127\.0\.0\.1:\d+\/v1\/hop to another origin/);
      expect(api.seen.map((r) => r.url)).toEqual(['/v1/stats', '/v1/hop']);
      expect(other.seen).toEqual([]);
    });
  });

  it('an https -> http downgrade on the same host is another origin, refused', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      calls.push([String(input), init]);
      return new Response(null, { status: 301, headers: { location: 'http://api.isnotai.com/v1/stats' } });
    };
    const error = await thrown(() => new NotAi({ apiKey: KEY, fetch }).stats.get());
    expect((error as Error).message).toMatch(/to another origin, http:\/\/api\.isnotai\.com: the API key is only ever sent to https:\/\/api\.isnotai\.com\./);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[1]?.redirect).toBe('manual');
  });

  it('a same-origin redirect (relative Location) is followed, with the key', async () => {
    api.handle((req, res) => {
      if (req.url === '/v1/stats') res.writeHead(307, { location: '/v1/stats/moved#frag' }).end();
      else json(res, 200, { data: { totalSessions: 7 } });
    });
    const data = await client({ authHeader: 'x-api-key' }).stats.get();
    expect(data).toEqual({ totalSessions: 7 });
    expect(api.seen.map((r) => [r.url, r.headers['x-api-key']])).toEqual([
      ['/v1/stats', KEY],
      ['/v1/stats/moved', KEY],
    ]);
  });

  it.each<[number, string, string, string | null]>([
    [301, 'POST', 'GET', null],
    [302, 'POST', 'GET', null],
    [303, 'POST', 'GET', null],
    [303, 'PUT', 'GET', null],
    [301, 'PUT', 'PUT', '{"a":1}'],
    [302, 'DELETE', 'DELETE', '{"a":1}'],
    [307, 'POST', 'POST', '{"a":1}'],
    [308, 'PATCH', 'PATCH', '{"a":1}'],
  ])('%i after %s is followed as %s (body %s)', async (status, method, followedAs, body) => {
    api.handle((req, res) => {
      if (req.url === '/v1/things') res.writeHead(status, { location: '/v1/things/2' }).end();
      else json(res, 200, { ok: true });
    });
    const raw = new ApiClient({ apiKey: KEY, baseUrl: api.url }, API_SETTINGS);
    await raw.request({ method: method as 'POST', path: '/v1/things', body: { a: 1 }, operationId: 'thing' });
    const [first, second] = api.seen;
    expect([first?.method, first?.body]).toEqual([method, '{"a":1}']);
    expect([second?.method, second?.body === '' ? null : second?.body]).toEqual([followedAs, body]);
    expect(second?.headers['content-type']).toBe(body === null ? undefined : 'application/json');
    expect(second?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('a redirect loop stops after 5 hops', async () => {
    api.handle((_req, res) => res.writeHead(302, { location: '/v1/stats' }).end());
    const error = await thrown(() => client({ maxRetries: 2 }).stats.get());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/^Refused to follow a redirect \(HTTP 302\) from .*\/v1\/stats: more than 5 redirects in a row\.$/);
    expect(api.seen).toHaveLength(6);
  });

  it('a Location with credentials is refused', async () => {
    api.handle((_req, res) => res.writeHead(302, { location: `http://user:pw@${new URL(api.url).host}/v1/x` }).end());
    await expect(client().stats.get()).rejects.toThrow(/its Location embeds credentials\.$/);
    expect(api.seen).toHaveLength(1);
  });

  it('a 3xx without Location is an ordinary APIError', async () => {
    api.handle((_req, res) => json(res, 302, { error: { code: 'MOVED', message: 'moved, somewhere' } }));
    const error = await thrown(() => client().stats.get());
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 302, code: 'MOVED' });
  });

  it("a browser's opaque redirect is refused (its target cannot be checked)", async () => {
    const fetch: typeof globalThis.fetch = async () => {
      const response = new Response(null, { status: 200 });
      Object.defineProperties(response, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
      return response;
    };
    const error = await thrown(() => new NotAi({ apiKey: KEY, fetch }).stats.get());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/with a redirect, which is not followed here: in a browser its target is hidden/);
  });
});

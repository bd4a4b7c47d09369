import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIConnectionError, ClientError, InvalidResponseError, NotFoundError } from '../../templates/runtime/errors.js';
import { ApiClient } from '../../templates/runtime/core.js';
import { BASE_URL, VALID_KEY, api, clearKeyEnv, failure, getSpec, makeClient, settings, useFakeClock } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  vi.unstubAllEnvs();
  nock.cleanAll();
});

/** Captures the headers of the single request the test makes. */
function captureHeaders(path = '/v1/x'): { headers: () => Record<string, string | string[] | undefined>; scope: nock.Scope } {
  let seen: Record<string, string | string[] | undefined> = {};
  const scope = api()
    .get(path)
    .reply(function reply() {
      seen = { ...this.req.headers };
      return [200, { ok: true }];
    });
  return { headers: () => seen, scope };
}

describe('headers sent', () => {
  it('accept, bearer auth and user-agent by default', async () => {
    const { headers, scope } = captureHeaders();
    await makeClient().request(getSpec('/v1/x'));
    expect(scope.isDone()).toBe(true);
    expect(headers()['accept']).toBe('application/json');
    expect(headers()['authorization']).toBe(`Bearer ${VALID_KEY}`);
    expect(headers()['x-api-key']).toBeUndefined();
    expect(headers()['user-agent']).toBe('example-client/3.2.1');
    expect(headers()['content-type']).toBeUndefined();
  });

  it('x-api-key form sends the bare key and no authorization header', async () => {
    const { headers } = captureHeaders();
    await makeClient({ authHeader: 'x-api-key' }).request(getSpec('/v1/x'));
    expect(headers()['x-api-key']).toBe(VALID_KEY);
    expect(headers()['authorization']).toBeUndefined();
  });

  it('auth: false sends no credentials at all', async () => {
    const { headers, scope } = captureHeaders('/health');
    await makeClient().request(getSpec('/health', { auth: false }));
    expect(scope.isDone()).toBe(true);
    expect(headers()['authorization']).toBeUndefined();
    expect(headers()['x-api-key']).toBeUndefined();
  });

  it('layers: client headers, then operation headers, then request headers; null removes', async () => {
    const { headers } = captureHeaders();
    const client = makeClient({ headers: { 'X-Client': 'c', 'X-Shared': 'client', 'X-Drop': 'd', 'x-op-default': 'client' } });
    const opHeaders = { 'x-op': 7, 'x-flag': true, 'x-skip': undefined, 'x-shared': 'op', 'x-op-default': 'op' };
    await client.request(getSpec('/v1/x', { headers: opHeaders }), {
      headers: { 'x-shared': 'request', 'x-drop': null, accept: 'application/x-ndjson' },
    });
    expect(headers()['x-op']).toBe('7');
    expect(headers()['x-flag']).toBe('true');
    expect(headers()['x-skip']).toBeUndefined();
    expect(headers()['x-client']).toBe('c');
    expect(headers()['x-op-default']).toBe('op');
    expect(headers()['x-shared']).toBe('request');
    expect(headers()['x-drop']).toBeUndefined();
    expect(headers()['accept']).toBe('application/x-ndjson');
  });

  it('per-request headers can remove the auth header with null', async () => {
    const first = captureHeaders();
    await makeClient().request(getSpec('/v1/x'), { headers: { Authorization: null } });
    expect(first.headers()['authorization']).toBeUndefined();
  });

  it('no user-agent in a browser-like global scope', async () => {
    vi.stubGlobal('document', {});
    try {
      const { headers } = captureHeaders();
      await makeClient().request(getSpec('/v1/x'));
      expect(headers()['user-agent']).not.toBe('example-client/3.2.1');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ['request header with CRLF', {}, { 'x-evil': 'a\r\nx-injected: 1' }, 'Invalid value for header "x-evil"'],
    ['request header with LF', {}, { 'x-evil': 'a\nb' }, 'Invalid value for header "x-evil"'],
    ['operation header with CR', { 'x-op': 'a\rb' }, {}, 'Invalid value for header "x-op"'],
    ['invalid header name', {}, { 'x evil': 'a' }, 'Invalid header name "x evil"'],
  ])('%s is rejected before any request', async (_label, opHeaders, reqHeaders, message) => {
    const fetchSpy = vi.fn<typeof fetch>();
    const client = makeClient({ fetch: fetchSpy });
    const error = await client.request(getSpec('/v1/x', { headers: opHeaders }), { headers: reqHeaders }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('injected');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('a key in the query string (auth form { query })', () => {
  const KEY = 'k+y/SECRET=0123456789';
  const querySettings = { ...settings, apiKey: { envVars: [] }, auth: { default: 'q', headers: { q: { query: 'api_key' } } } };

  it('is appended to the query of operations that send the key, and to no header', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    const scope = api()
      .get('/v1/x')
      .query({ page: '2', api_key: KEY })
      .reply(function reply() {
        seen = { ...this.req.headers };
        return [200, {}];
      });
    api().get('/v1/open').reply(200, {}); // no query at all: the key is not appended
    const client = new ApiClient({ apiKey: KEY }, querySettings);
    await client.request(getSpec('/v1/x', { query: { page: 2 } }));
    await client.request(getSpec('/v1/open', { auth: false }));
    expect(scope.isDone()).toBe(true);
    expect(seen['authorization']).toBeUndefined();
    expect(nock.isDone()).toBe(true);
  });

  it('survives a same-origin redirect whose Location drops it', async () => {
    api().get('/v1/moved').query({ api_key: KEY }).reply(301, '', { location: '/v1/x#top' });
    const target = api().get('/v1/x').query({ api_key: KEY }).reply(200, { ok: true });
    await expect(new ApiClient({ apiKey: KEY }, querySettings).request(getSpec('/v1/moved'))).resolves.toEqual({ ok: true });
    expect(target.isDone()).toBe(true);
  });

  it('is not appended twice when the URL already has the parameter', async () => {
    const scope = api().get('/v1/x').query({ api_key: 'explicit' }).reply(200, {});
    await new ApiClient({ apiKey: KEY }, querySettings).request(getSpec('/v1/x', { query: { api_key: 'explicit' } }));
    expect(scope.isDone()).toBe(true);
  });

  it('the Response handed out has the key redacted from its url', async () => {
    api().get('/v1/x').query(true).reply(200, { ok: true }, { 'x-request-id': 'r1' });
    const { response, requestId } = await new ApiClient({ apiKey: KEY }, querySettings).request(getSpec('/v1/x')).withResponse();
    expect(response.url).toBe('https://api.example.test/v1/x?api_key=[redacted]');
    expect([response.status, requestId]).toEqual([200, 'r1']);
  });

  it('a key pasted into baseUrl does not come back out of the error, encoded or not', () => {
    expect(() => new ApiClient({ apiKey: KEY, baseUrl: `https://h.test/?api_key=${encodeURIComponent(KEY)}` }, querySettings)).toThrow(
      'Invalid baseUrl "https://h.test/?api_key=[redacted]": it must not contain a query string or fragment',
    );
  });

  it('never shows in log lines or hook payloads, even URL-encoded', async () => {
    api().get('/v1/x').query(true).times(2).reply(503, { error: { code: 'DOWN', message: 'down' } });
    const lines: string[] = [];
    const urls: string[] = [];
    const logger = { error: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), info: (m: string) => lines.push(m), debug: (m: string, d?: unknown) => lines.push(m + JSON.stringify(d)) };
    const client = new ApiClient({ apiKey: KEY, maxRetries: 1, logger, logLevel: 'debug', hooks: { onRequest: (info) => urls.push(info.url) } }, querySettings);
    vi.spyOn(Math, 'random').mockReturnValue(0);
    await client.request(getSpec('/v1/x')).catch(() => undefined);
    const everything = [...lines, ...urls].join('\n');
    expect(urls[0]).toBe('https://api.example.test/v1/x?api_key=[redacted]');
    expect(everything).not.toContain('SECRET');
    expect(everything).not.toContain(encodeURIComponent(KEY));
  });
});

describe('URL and body', () => {
  it('sends the query string', async () => {
    const scope = api().get('/v1/sessions').query({ pageSize: '10', botOnly: 'true', tag: ['a', 'b'] }).reply(200, { data: [] });
    await makeClient().request(getSpec('/v1/sessions', { query: { pageSize: 10, botOnly: true, tag: ['a', 'b'], none: undefined } }));
    expect(scope.isDone()).toBe(true);
  });

  it('a query that cannot be serialised fails before fetch', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const error = await makeClient({ fetch: fetchSpy })
      .request(getSpec('/v1/x', { query: { filter: { a: { b: 1 } } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('JSON bodies are serialised with a content-type', async () => {
    const scope = api()
      .post('/v1/things', { name: 'n', n: 1 })
      .matchHeader('content-type', 'application/json')
      .reply(201, { id: 't1' });
    const data = await makeClient().request<{ id: string }>({ ...getSpec('/v1/things'), method: 'POST', body: { name: 'n', n: 1 } });
    expect(data).toEqual({ id: 't1' });
    expect(scope.isDone()).toBe(true);
  });

  it('form bodies are encoded from an object: undefined left out, arrays repeated, before fetch on a bad value', async () => {
    let sent: { body: string; type: string | undefined } | undefined;
    api()
      .post('/v1/form')
      .reply(function reply(_uri, body) {
        sent = { body: String(body), type: this.req.headers['content-type'] as string | undefined };
        return [200, {}];
      });
    const body = { name: 'Rex & co', status: undefined, tags: ['a b', 'c'], age: 3 };
    await makeClient().request(getSpec('/v1/form', { method: 'POST', body, bodyType: 'form' }));
    expect(sent).toEqual({ body: 'name=Rex+%26+co&tags=a+b&tags=c&age=3', type: 'application/x-www-form-urlencoded' });
    await expect(makeClient().request(getSpec('/v1/form', { method: 'POST', body: 'name=x', bodyType: 'form' }))).rejects.toThrow(
      'A form body must be an object of fields',
    );
  });

  it('raw bodies are sent as given', async () => {
    const scope = api().put('/v1/blob', 'raw-bytes').reply(204);
    await makeClient().request({ ...getSpec('/v1/blob'), method: 'PUT', body: 'raw-bytes', bodyType: 'raw' });
    expect(scope.isDone()).toBe(true);
  });

  it('a GET with a body is a ClientError', async () => {
    await expect(makeClient().request(getSpec('/v1/x', { body: { a: 1 } }))).rejects.toThrow('GET requests cannot have a body');
  });

  it('an optional runtime module the settings lack refuses its request before fetch, never sends it another way', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => new Response('{}'));
    const bare = { ...settings };
    delete bare.formBody;
    delete bare.readBytes;
    delete bare.queryStyles;
    delete bare.headerParams;
    const client = new ApiClient({ apiKey: VALID_KEY, fetch: fetchSpy }, bare);
    await expect(client.request(getSpec('/v1/f', { responseType: 'blob' }))).rejects.toThrow(
      new ClientError('This client was generated without file downloads'),
    );
    await expect(client.request(getSpec('/v1/f', { method: 'POST', body: { a: 1 }, bodyType: 'form' }))).rejects.toThrow(
      new ClientError('This client was generated without form bodies'),
    );
    await expect(client.request(getSpec('/v1/f', { query: { ids: [1, 2] }, queryStyles: { ids: { explode: false } } }))).rejects.toThrow(
      new ClientError('This client was generated without query styles'),
    );
    for (const value of [['a', 'b'], { a: 1 }, new Date(0), 7]) {
      await expect(client.request(getSpec('/v1/f', { headers: { 'x-thing': value } }))).rejects.toThrow(
        new ClientError('This client was generated without header parameters: header "x-thing" must be a string'),
      );
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('without header parameters, literal headers go out as written and null or undefined ones are left out', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => new Response('"text"', { headers: { 'content-type': 'application/json' } }));
    const bare = { ...settings };
    delete bare.headerParams;
    const client = new ApiClient({ apiKey: VALID_KEY, fetch: fetchSpy }, bare);
    await client.request(getSpec('/v1/f', { headers: { accept: 'text/plain', authorization: null, 'x-gone': undefined } }));
    const sent = new Headers(fetchSpy.mock.calls[0]?.[1]?.headers);
    expect(sent.get('accept')).toBe('text/plain');
    // A null operation header never removes the client's own credentials (only per-call options can).
    expect(sent.get('authorization')).toBe(`Bearer ${VALID_KEY}`);
    expect(sent.has('x-gone')).toBe(false);
  });

  it('uses an injected fetch', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => new Response('{"injected":true}', { status: 200 }));
    await expect(makeClient({ fetch: fetchSpy }).request(getSpec('/v1/x'))).resolves.toEqual({ injected: true });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe(`${BASE_URL}/v1/x`);
    expect(fetchSpy.mock.calls[0]?.[1]?.method).toBe('GET');
  });
});

describe('successful responses', () => {
  it('withResponse gives the raw response, tier and request id', async () => {
    api().get('/v1/x').reply(200, { data: { id: 's1' } }, { 'x-example-tier': 'pro', 'x-request-id': 'req_42' });
    const { data, response, tier, requestId } = await makeClient().request<{ data: { id: string } }>(getSpec('/v1/x')).withResponse();
    expect(data).toEqual({ data: { id: 's1' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req_42');
    expect(tier).toBe('pro');
    expect(requestId).toBe('req_42');
  });

  it('unknown fields pass through untouched', async () => {
    api().get('/v1/x').reply(200, { data: { id: 's1', brandNewField: { nested: [1] }, status: 'future_enum' } });
    await expect(makeClient().request(getSpec('/v1/x'))).resolves.toEqual({
      data: { id: 's1', brandNewField: { nested: [1] }, status: 'future_enum' },
    });
  });

  it('204 gives undefined', async () => {
    api().get('/v1/x').reply(204);
    await expect(makeClient().request(getSpec('/v1/x'))).resolves.toBeUndefined();
  });

  it('JSON with a wrong content-type is still parsed', async () => {
    api().get('/v1/x').reply(200, '{"a":1}', { 'content-type': 'text/plain' });
    await expect(makeClient().request(getSpec('/v1/x'))).resolves.toEqual({ a: 1 });
  });

  it('responseType "text" and "none"', async () => {
    api().get('/v1/t').reply(200, 'hello');
    api().get('/v1/n').reply(200, 'ignored');
    await expect(makeClient().request(getSpec('/v1/t', { responseType: 'text' }))).resolves.toBe('hello');
    await expect(makeClient().request(getSpec('/v1/n', { responseType: 'none' }))).resolves.toBeUndefined();
  });

  it('responseType "blob": the bytes exactly as sent (not UTF-8 decoded), typed with the Content-Type', async () => {
    // Invalid UTF-8 on purpose: a text() round trip would turn these into U+FFFD.
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x80, 0xc3]);
    api().get('/v1/file').reply(200, bytes, { 'content-type': 'image/png' });
    const blob = await makeClient().request<Blob>(getSpec('/v1/file', { responseType: 'blob' }));
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('image/png');
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('responseType "blob": an error status still becomes a typed error from the text body', async () => {
    api().get('/v1/file').reply(404, { error: { code: 'NOT_FOUND', message: 'no such file' } });
    const error = await makeClient()
      .request(getSpec('/v1/file', { responseType: 'blob' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe('no such file');
  });

  it('200 with an empty body is an InvalidResponseError, not retried', async () => {
    let hits = 0;
    api()
      .get('/v1/x')
      .times(3)
      .reply(() => {
        hits += 1;
        return [200, '', { 'x-request-id': 'r9' }];
      });
    const error = await makeClient().request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as InvalidResponseError).requestId).toBe('r9');
    expect((error as Error).message).toBe('Expected a JSON body but the 200 response was empty');
    expect(hits).toBe(1);
  });

  it('200 with an HTML body is an InvalidResponseError (never a SyntaxError)', async () => {
    api().get('/v1/x').reply(200, '<html><body>Captive portal</body></html>', { 'content-type': 'text/html' });
    const error = await makeClient().request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'Expected a JSON body but the 200 response (text/html) is not valid JSON: <html><body>Captive portal</body></html>',
    );
  });

  it('200 with truncated JSON is an InvalidResponseError that says it was cut off', async () => {
    api().get('/v1/x').reply(200, '{"data":[1,2', { 'content-type': 'application/json' });
    const error = await makeClient().request(getSpec('/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toBe(
      'Expected a JSON body but the 200 response (application/json) is not valid JSON: it stops mid-document after 12 characters (truncated?): {"data":[1,2',
    );
  });
});

describe('error responses', () => {
  it('a 404 envelope becomes a NotFoundError with metadata, without retries', async () => {
    let hits = 0;
    api()
      .get('/v1/sessions/nope')
      .times(3)
      .reply(() => {
        hits += 1;
        return [404, { error: { code: 'SESSION_NOT_FOUND', message: 'No such session' } }, { 'x-example-tier': 'free', 'x-request-id': 'r1' }];
      });
    const error = await makeClient().request(getSpec('/v1/sessions/nope')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const notFound = error as NotFoundError;
    expect([notFound.status, notFound.code, notFound.message, notFound.tier, notFound.requestId, notFound.retries]).toEqual([
      404,
      'SESSION_NOT_FOUND',
      'No such session',
      'free',
      'r1',
      0,
    ]);
    expect(hits).toBe(1);
  });

  it('a refused connection is an APIConnectionError naming the cause', async () => {
    useFakeClock();
    try {
      api().get('/v1/x').times(3).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
      const error = await failure(makeClient().request(getSpec('/v1/x')));
      expect(error).toBeInstanceOf(APIConnectionError);
      expect((error as APIConnectionError).retries).toBe(2);
      expect((error as Error).message).toMatch(/^Connection error: /);
    } finally {
      vi.useRealTimers();
    }
  });
});

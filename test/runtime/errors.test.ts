import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ClientError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../templates/runtime/errors.js';
import { settings } from './fixtures.js';

const envelope = (code: string, message: string, details?: unknown): string =>
  JSON.stringify({ error: { code, message, ...(details === undefined ? {} : { details }) } });

describe('APIError.from picks the class by status', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [418, APIError],
    [405, APIError],
  ])('%i -> %o', (status, ErrorClass) => {
    const error = APIError.from(status, envelope('SOME_CODE', 'Something'), new Headers(), 0, settings);
    expect(error.constructor).toBe(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });
});

describe('APIError.from reads the envelope', () => {
  it('takes code, message, details, tier, request id and retries', () => {
    const headers = new Headers({ 'x-example-tier': 'pro', 'x-request-id': 'req_1' });
    const error = APIError.from(400, envelope('INVALID_PARAM', 'pageSize too big', { field: 'pageSize' }), headers, 2, settings);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('INVALID_PARAM');
    expect(error.message).toBe('pageSize too big');
    expect(error.details).toEqual({ field: 'pageSize' });
    expect(error.tier).toBe('pro');
    expect(error.requestId).toBe('req_1');
    expect(error.retries).toBe(2);
    expect(error.headers).toBe(headers);
    expect(error.body).toEqual({ error: { code: 'INVALID_PARAM', message: 'pageSize too big', details: { field: 'pageSize' } } });
  });

  it('falls back to the second request-id header name', () => {
    const error = APIError.from(500, '', new Headers({ 'x-amzn-requestid': 'amz_9' }), 0, settings);
    expect(error.requestId).toBe('amz_9');
  });

  it('passes unknown error codes through untouched', () => {
    const error = APIError.from(403, envelope('BRAND_NEW_CODE', 'new'), new Headers(), 0, settings);
    expect(error.code).toBe('BRAND_NEW_CODE');
  });

  it('an HTML 502 from a proxy is still an InternalServerError with a readable message', () => {
    const html = '<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const error = APIError.from(502, html, new Headers({ 'content-type': 'text/html' }), 1, settings);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.code).toBeUndefined();
    expect(error.message).toBe('HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx');
    expect(error.body).toBe(html);
    expect(error.retries).toBe(1);
  });

  it('an empty 401 body is an AuthenticationError with message "HTTP 401"', () => {
    const error = APIError.from(401, '', new Headers(), 0, settings);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toBe('HTTP 401');
    expect(error.code).toBeUndefined();
    expect(error.details).toBeUndefined();
    expect(error.body).toBeUndefined();
  });

  it.each([
    ['JSON of no known shape', '{"msg":{"text":"nope"}}', 'HTTP 404: {"msg":{"text":"nope"}}', undefined],
    ['a flat {message} (API gateways)', '{"message":"nope"}', 'nope', undefined],
    ['error is a string', '{"error":"nope"}', 'nope', undefined],
    ['problem details (RFC 9457): detail before title', '{"type":"about:blank","title":"Not Found","detail":"No widget 7"}', 'No widget 7', undefined],
    ['OAuth: the description is the message', '{"error":"invalid_token","error_description":"expired"}', 'expired', undefined],
    ['flat code and message', '{"code":"GONE","message":"gone"}', 'gone', 'GONE'],
    ['fields of the wrong type', '{"error":{"code":true,"message":["x"],"details":"d"}}', 'HTTP 404: {"error":{"code":true,"message":["x"],"details":"d"}}', undefined],
    // Petstore's server: `{code: 1, type: "error", message}`; the number becomes its string.
    ['a numeric code', '{"code":1,"type":"error","message":"Pet not found"}', 'Pet not found', '1'],
    ['a numeric code, nested, without a message', '{"error":{"code":404}}', 'HTTP 404 404: {"error":{"code":404}}', '404'],
    ['a code that is not a finite number', '{"code":1e999}', 'HTTP 404: {"code":1e999}', undefined],
    ['code without message', '{"error":{"code":"GONE"}}', 'HTTP 404 GONE: {"error":{"code":"GONE"}}', 'GONE'],
    ['a JSON array', '[1,2]', 'HTTP 404: [1,2]', undefined],
    ['plain text', 'Not Found', 'HTTP 404: Not Found', undefined],
    ['truncated JSON', '{"error":{"code":"NOT_F', 'HTTP 404: {"error":{"code":"NOT_F', undefined],
  ])('%s', (_label, body, message, code) => {
    const error = APIError.from(404, body, new Headers(), 0, settings);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe(message);
    expect(error.code).toBe(code);
    expect(error.details).toBeUndefined();
  });

  it("reads the spec's own paths first, then common shapes", () => {
    const custom = { ...settings, errorBody: { code: [['problem', 'kind']], message: [['problem', 'text']], details: [['problem', 'extra']] } };
    const body = '{"message":"generic","code":"GENERIC","problem":{"kind":"SPECIFIC","text":"specific","extra":{"field":"a"}}}';
    const error = APIError.from(400, body, new Headers(), 0, custom);
    expect([error.code, error.message, error.details]).toEqual(['SPECIFIC', 'specific', { field: 'a' }]);
    // Where the spec's paths hold nothing (a proxy's page), the message is still found; a
    // gateway's code and details are not taken for the API's (callers branch on code).
    const proxied = APIError.from(403, '{"message":"Forbidden","code":"GW_1","details":{"x":1}}', new Headers(), 0, custom);
    expect([proxied.code, proxied.message, proxied.details]).toEqual([undefined, 'Forbidden', undefined]);
  });

  it('without a layout from the spec, code and details come from common places too', () => {
    const error = APIError.from(409, '{"code":"TAKEN","message":"name taken","details":{"field":"name"}}', new Headers(), 0, settings);
    expect([error.code, error.message, error.details]).toEqual(['TAKEN', 'name taken', { field: 'name' }]);
  });

  it('never reads a field through the prototype chain', () => {
    // Field names no settings object uses, so only the body reading can see the pollution.
    const layout = { errorBody: { message: [['error', 'text']], code: [['error', 'kind']], details: [['error', 'extra']] } };
    const proto = Object.prototype as Record<string, unknown>;
    proto['text'] = 'polluted';
    proto['kind'] = 'POLLUTED';
    proto['extra'] = { polluted: true };
    try {
      const error = APIError.from(400, '{"error":{}}', new Headers(), 0, { ...settings, ...layout });
      expect([error.code, error.message, error.details]).toEqual([undefined, 'HTTP 400: {"error":{}}', undefined]);
    } finally {
      delete proto['text'];
      delete proto['kind'];
      delete proto['extra'];
    }
  });

  it('cuts a long body to a 200-character snippet', () => {
    const error = APIError.from(500, 'x'.repeat(5000), new Headers(), 0, settings);
    expect(error.message).toBe(`HTTP 500: ${'x'.repeat(200)}…`);
  });

  it('reads only the head of a huge body for the message (what keeps pathological HTML cheap)', () => {
    // A tag that closes only after 800 characters is never seen closed: had the whole body been
    // scanned, the tag would be stripped and the message would be empty. (Speed itself is a bench
    // matter, not a timed unit test.)
    const error = APIError.from(500, `<${'a'.repeat(900)}>`, new Headers(), 0, settings);
    expect(error.message).toBe(`HTTP 500: <${'a'.repeat(199)}…`);
    expect(APIError.from(500, '<'.repeat(1_000_000), new Headers(), 0, settings).message).toBe(`HTTP 500: ${'<'.repeat(200)}…`);
  });
});

describe('RateLimitError.retryAfter', () => {
  it.each([
    [{ 'retry-after': '7' }, 7],
    [{ 'retry-after-ms': '1500' }, 1.5],
    [{ 'retry-after-ms': '1500', 'retry-after': '9' }, 1.5],
    [{ 'retry-after': '120' }, 120],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-3' }, undefined],
    [{}, undefined],
  ])('%o -> %s seconds', (headers, expected) => {
    const error = APIError.from(429, '', new Headers(headers), 0, settings);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(expected);
  });
});

describe('serialisation', () => {
  it('toJSON has exactly the public fields, no headers', () => {
    const headers = new Headers({ 'x-example-tier': 'free', 'x-request-id': 'r1', 'set-cookie': 'session=abc' });
    const error = APIError.from(404, envelope('NOT_FOUND', 'No such session', { id: 's1' }), headers, 1, settings);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      status: 404,
      code: 'NOT_FOUND',
      message: 'No such session',
      details: { id: 's1' },
      requestId: 'r1',
      tier: 'free',
      retries: 1,
    });
  });

  it('name is not an own enumerable property (clean inspect output)', () => {
    const error = new APIConnectionError('boom');
    expect(Object.keys(error)).toEqual(['retries']);
    expect(inspect(error)).toContain('APIConnectionError: boom');
  });

  it('connection, timeout and abort errors', () => {
    const cause = new TypeError('fetch failed');
    const connection = new APIConnectionError('Connection error', { cause, retries: 2 });
    expect(connection.cause).toBe(cause);
    expect(connection.retries).toBe(2);
    expect(connection.toJSON()).toEqual({ name: 'APIConnectionError', message: 'Connection error', retries: 2 });

    const timeout = new APITimeoutError();
    expect(timeout).toBeInstanceOf(APIConnectionError);
    expect(timeout.name).toBe('APITimeoutError');
    expect(timeout.message).toBe('Request timed out');

    const reason = new Error('user left');
    const abort = new APIUserAbortError(reason);
    expect(abort).toBeInstanceOf(ClientError);
    expect(abort).not.toBeInstanceOf(APIConnectionError);
    expect(abort.cause).toBe(reason);
    expect(abort.name).toBe('APIUserAbortError');
  });

  it('InvalidResponseError carries status and response metadata', () => {
    const error = new InvalidResponseError('bad', 200, new Headers({ 'x-example-tier': 'enterprise', 'x-request-id': 'r2' }), settings);
    expect(error).toBeInstanceOf(ClientError);
    expect(error.toJSON()).toEqual({ name: 'InvalidResponseError', status: 200, message: 'bad', requestId: 'r2', tier: 'enterprise' });
  });
});

describe('surfaced response headers (settings.responseHeaders.fields)', () => {
  const from = (headers: Record<string, string>, s = settings): APIError => APIError.from(429, envelope('RATE_LIMITED', 'slow down'), new Headers(headers), 0, s);

  it('reads each declared header into its field, numbers parsed, absent or malformed ones undefined', () => {
    expect([from({ 'x-example-tier': 'pro', 'x-ratelimit-remaining': '42' })].map((e) => [e.tier, e.rateLimitRemaining])).toEqual([['pro', 42]]);
    for (const bad of ['4.5', 'many', '', '1e3']) expect(from({ 'x-ratelimit-remaining': bad }).rateLimitRemaining, bad).toBeUndefined();
    const none = from({});
    expect([none.tier, none.rateLimitRemaining]).toEqual([undefined, undefined]);
  });

  it('puts them in toJSON right after requestId', () => {
    const json = from({ 'x-example-tier': 'pro', 'x-ratelimit-remaining': '0', 'x-request-id': 'r9' }).toJSON();
    expect(Object.keys(json)).toEqual(['name', 'status', 'code', 'message', 'details', 'requestId', 'tier', 'rateLimitRemaining', 'retries']);
    expect(json).toMatchObject({ tier: 'pro', rateLimitRemaining: 0 });
  });

  it('adds nothing for an API that declares no fields', () => {
    const plain = { ...settings, responseHeaders: { requestId: ['x-request-id'] } };
    const error = from({ 'x-example-tier': 'pro' }, plain);
    expect('tier' in error).toBe(false);
    expect(Object.keys(error.toJSON())).not.toContain('tier');
    const invalid = new InvalidResponseError('bad', 200, new Headers({ 'x-example-tier': 'pro' }), plain);
    expect('tier' in invalid).toBe(false);
  });
});

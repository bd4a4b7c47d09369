import { describe, expect, it } from 'vitest';
import { ClientError } from '../../templates/runtime/errors.js';
import { encodePath } from '../../templates/runtime/paths.js';
import { serializeQuery } from '../../templates/runtime/query.js';
import { styleQuery } from '../../templates/runtime/query-styles.js';
import { buildUrl, normalizeBaseUrl } from '../../templates/runtime/url.js';

describe('serializeQuery', () => {
  it.each([
    ['undefined', undefined, ''],
    ['empty object', {}, ''],
    ['string', { status: 'active' }, 'status=active'],
    ['number', { pageSize: 50 }, 'pageSize=50'],
    ['zero is kept', { n: 0 }, 'n=0'],
    ['negative and fractional', { a: -1, b: 0.5 }, 'a=-1&b=0.5'],
    ['bigint', { big: 9007199254740993n }, 'big=9007199254740993'],
    ['booleans', { botOnly: true, other: false }, 'botOnly=true&other=false'],
    ['Date -> ISO string', { startDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }, 'startDate=2024-01-02T03%3A04%3A05.000Z'],
    ['undefined and null skipped', { a: undefined, b: null, c: 'x' }, 'c=x'],
    ['empty string kept', { q: '' }, 'q='],
    ['arrays exploded', { tag: ['a', 'b'] }, 'tag=a&tag=b'],
    ['array holes skipped', { tag: ['a', null, undefined, 'b'] }, 'tag=a&tag=b'],
    ['empty array omitted', { tag: [] }, ''],
    ['mixed array', { v: [1, true, 'x'] }, 'v=1&v=true&v=x'],
    ['insertion order kept', { z: 1, a: 2, m: 3 }, 'z=1&a=2&m=3'],
    ['percent-encoding', { q: 'a b&c=d/é?#+' }, 'q=a+b%26c%3Dd%2F%C3%A9%3F%23%2B'],
    ['cursor with = and :', { cursor: 'eyJ9==:x' }, 'cursor=eyJ9%3D%3D%3Ax'],
  ])('%s', (_label, query, expected) => {
    expect(serializeQuery(query)).toBe(expected);
  });

  it.each([
    ['an object nested two deep', { filter: { a: { b: 1 } } }, 'Query parameter "filter.a" cannot be serialised'],
    ['an object inside an array', { filter: [{ a: 1 }] }, 'Query parameter "filter" cannot be serialised'],
    ['a nested array', { filter: [[1]] }, 'Query parameter "filter" cannot be serialised'],
    ['a function', { fn: () => 1 }, 'Query parameter "fn" cannot be serialised'],
    ['a symbol', { s: Symbol('s') }, 'Query parameter "s" cannot be serialised'],
    ['NaN', { n: Number.NaN }, 'Query parameter "n" must be a finite number'],
    ['Infinity', { n: Infinity }, 'Query parameter "n" must be a finite number'],
    ['an invalid Date', { d: new Date('nope') }, 'Query parameter "d" is an invalid Date'],
  ])('rejects %s, naming the key', (_label, query, message) => {
    expect(() => serializeQuery(query)).toThrow(ClientError);
    expect(() => serializeQuery(query)).toThrow(message);
  });

  it.each([
    ['object, form explode (default): its properties', { filter: { a: 1, b: 'x' } }, undefined, 'a=1&b=x'],
    ['object, form no explode', { filter: { a: 1, b: 'x' } }, { filter: { explode: false } }, 'filter=a%2C1%2Cb%2Cx'],
    ['object, deepObject', { filter: { a: 1, b: 'x y' } }, { filter: { style: 'deepObject', explode: true } }, 'filter%5Ba%5D=1&filter%5Bb%5D=x+y'],
    ['array, form no explode', { ids: [1, 2] }, { ids: { style: 'form', explode: false } }, 'ids=1%2C2'],
    ['array, spaceDelimited', { ids: [1, 2] }, { ids: { style: 'spaceDelimited' } }, 'ids=1+2'],
    ['array, pipeDelimited', { ids: [1, 2] }, { ids: { style: 'pipeDelimited' } }, 'ids=1%7C2'],
    ['array, form explode (declared)', { ids: [1, 2] }, { ids: { style: 'form', explode: true } }, 'ids=1&ids=2'],
  ] as const)('styles: %s', (_label, query, styles, expected) => {
    expect(serializeQuery(query, styles, styleQuery)).toBe(expected);
  });

  it('refuses a declared style on a client generated without styles (settings.queryStyles)', () => {
    expect(() => serializeQuery({ ids: [1, 2] }, { ids: { style: 'pipeDelimited' } })).toThrow(
      new ClientError('This client was generated without query styles'),
    );
    expect(serializeQuery({ ids: [1, 2], q: 'x' }, { q: { explode: true } }, styleQuery)).toBe('ids=1&ids=2&q=x');
  });
});

describe('encodePath', () => {
  it.each([
    [encodePath`/v1/sessions/${'abc'}`, '/v1/sessions/abc'],
    [encodePath`/v1/sessions/${'a/b'}/events`, '/v1/sessions/a%2Fb/events'],
    [encodePath`/v1/sessions/${'a b?c#d'}`, '/v1/sessions/a%20b%3Fc%23d'],
    [encodePath`/v1/sessions/${'%2e%2e'}`, '/v1/sessions/%252e%252e'],
    [encodePath`/v1/sessions/${'...'}`, '/v1/sessions/...'],
    [encodePath`/v1/sessions/${'é'}`, '/v1/sessions/%C3%A9'],
    [encodePath`/v1/users/${42}/sessions`, '/v1/users/42/sessions'],
    [encodePath`/v1/a/${'x'}/b/${'y'}`, '/v1/a/x/b/y'],
    [encodePath`/health`, '/health'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    ['empty', '', 'must not be empty'],
    ['"."', '.', 'must not be "." or ".."'],
    ['".."', '..', 'must not be "." or ".."'],
    ['CRLF', 'a\r\nb', 'must not contain CR, LF or NUL'],
    ['LF', 'a\nb', 'must not contain CR, LF or NUL'],
    ['CR', 'a\rb', 'must not contain CR, LF or NUL'],
    ['NUL', 'a\0b', 'must not contain CR, LF or NUL'],
    ['a lone surrogate', '\uD800', 'not well-formed Unicode'],
  ])('rejects %s with a ClientError naming the parameter', (_label, value, reason) => {
    const run = (): string => encodePath`/v1/sessions/${value}/events`;
    expect(run).toThrow(ClientError);
    expect(run).toThrow(`Invalid path parameter #1 of /v1/sessions/{}/events: ${reason}`);
  });

  it('rejects non-finite numbers', () => {
    expect(() => encodePath`/v1/users/${Number.NaN}`).toThrow('must be a finite number');
  });
});

describe('normalizeBaseUrl / buildUrl', () => {
  it.each([
    ['https://api.example.test', 'https://api.example.test'],
    ['https://api.example.test/', 'https://api.example.test'],
    ['https://api.example.test/prefix//', 'https://api.example.test/prefix'],
    ['HTTPS://API.Example.TEST', 'https://api.example.test'],
    ['http://localhost:8080', 'http://localhost:8080'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    ['http://127.1', 'http://127.0.0.1'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['http://api.example.test', 'Refusing plain http baseUrl'],
    ['http://10.0.0.1', 'Refusing plain http baseUrl'],
    ['http://128.0.0.1', 'Refusing plain http baseUrl'],
    ['http://localhost.evil.test', 'Refusing plain http baseUrl'],
    ['http://127.0.0.1.nip.io', 'Refusing plain http baseUrl'],
    ['http://[::2]', 'Refusing plain http baseUrl'],
    ['ftp://api.example.test', 'only https://'],
    ['not a url', 'not an absolute URL'],
    ['/relative', 'not an absolute URL'],
    ['https://api.example.test/?a=1', 'query string or fragment'],
    ['https://api.example.test/#x', 'query string or fragment'],
  ])('refuses %s', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(ClientError);
    expect(() => normalizeBaseUrl(input)).toThrow(message);
  });

  it('refuses credentials without echoing them', () => {
    const run = (): string => normalizeBaseUrl('https://user:hunter2@api.example.test');
    expect(run).toThrow('Invalid baseUrl: it must not contain credentials (user:password@)');
  });

  it('joins base, path and query', () => {
    expect(buildUrl('https://h.test/p', '/v1/x', { a: 1, b: undefined })).toBe('https://h.test/p/v1/x?a=1');
    expect(buildUrl('https://h.test', '/v1/x', {})).toBe('https://h.test/v1/x');
    expect(() => buildUrl('https://h.test', 'v1/x', undefined)).toThrow('Request path must start with "/"');
  });
});

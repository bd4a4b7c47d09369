/**
 * Unit tables for the pieces added when the security suite (test/security) found gaps:
 * redirect decisions, key scrubbing of JSON-escaped bodies / response headers / thrown causes,
 * and the "cut off mid-document" wording of invalid JSON. End-to-end behaviour is tested there.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../templates/runtime/redact.js';
import { downloadHop } from '../../templates/runtime/download-redirect.js';
import { decideRedirect, MAX_REDIRECTS, type HopRequest } from '../../templates/runtime/redirect.js';
import { endsMidDocument } from '../../templates/runtime/response.js';
import { VALID_KEY } from './fixtures.js';

const redactor = createRedactor(VALID_KEY, []);
const escapedKey = `\\u${VALID_KEY.charCodeAt(0).toString(16).padStart(4, '0')}${VALID_KEY.slice(1)}`;

describe('redactor.json', () => {
  it.each<[string, string, string]>([
    ['no key', '{"a":"b\\n"}', '{"a":"b\\n"}'],
    ['the key, plain', `{"a":"${VALID_KEY}"}`, `{"a":"${REDACTED}"}`],
    ['the key behind a \\u escape', `{"a":"x ${escapedKey} y"}`, `{"a":"x ${REDACTED} y"}`],
    ['the key as an object key', `{"${escapedKey}":1}`, `{"${REDACTED}":1}`],
    // The escape stays as it is; what follows it is most of the key, masked as a fragment of it.
    ['not JSON: escapes are never decoded', `<p>${escapedKey}</p>`, `<p>${escapedKey.slice(0, 6)}${REDACTED}</p>`],
  ])('%s', (_label, body, expected) => {
    expect(redactor.json(body)).toBe(expected);
  });

  it('leaves a body untouched (same text) when it has escapes but no key', () => {
    const body = '{"a":"\\u0041\\"q\\""}';
    expect(redactor.json(body)).toBe(body);
  });

  it('withholds a body too deep to re-serialise, since it cannot be checked', () => {
    const deep = `${'['.repeat(20_000)}"${escapedKey}"${']'.repeat(20_000)}`;
    expect(redactor.json(deep)).toBe('[body withheld: too deeply nested to check it for the API key]');
  });

  it('is a no-op without a key', () => {
    expect(createRedactor(undefined, []).json(`{"a":"${escapedKey}"}`)).toBe(`{"a":"${escapedKey}"}`);
  });
});

describe('redactor.responseHeaders', () => {
  it('returns the same object when no value holds the key', () => {
    const headers = new Headers({ 'x-request-id': 'r1' });
    expect(redactor.responseHeaders(headers)).toBe(headers);
  });

  it('copies with every occurrence masked, names and other values kept', () => {
    const headers = new Headers({ 'x-echo': `k=${VALID_KEY}`, 'retry-after': '2' });
    const safe = redactor.responseHeaders(headers);
    expect(Object.fromEntries(safe)).toEqual({ 'x-echo': `k=${REDACTED}`, 'retry-after': '2' });
    expect(headers.get('x-echo')).toContain(VALID_KEY); // the original is not modified
  });
});

describe('redactor.cause', () => {
  it('returns a clean cause as is', () => {
    const cause = Object.assign(new TypeError('fetch failed'), { code: 'ECONNRESET' });
    expect(redactor.cause(cause)).toBe(cause);
  });

  it.each<[string, () => unknown]>([
    ['in the message', () => new Error(`sent Bearer ${VALID_KEY}`)],
    ['in a nested cause', () => new Error('outer', { cause: new Error(`inner ${VALID_KEY}`) })],
    ['in an own field', () => Object.assign(new Error('plain'), { request: { headers: { authorization: `Bearer ${VALID_KEY}` } } })],
    ['in a thrown plain object', () => ({ message: `oops ${VALID_KEY}` })],
  ])('replaces a cause holding the key %s with a clean copy', (_label, make) => {
    const copy = redactor.cause(make());
    expect(copy).toBeInstanceOf(Error);
    const text = [String(copy), (copy as Error).stack, String((copy as Error).cause)].join('\n');
    expect(text).not.toContain(VALID_KEY);
  });

  it('keeps the name and the (redacted) message chain', () => {
    const copy = redactor.cause(new TypeError(`a ${VALID_KEY}`, { cause: new RangeError('b') })) as Error;
    expect([copy.name, copy.message]).toEqual(['TypeError', `a ${REDACTED}`]);
    expect((copy.cause as Error).message).toBe('b');
  });

  it('a string cause is redacted', () => {
    expect(redactor.cause(`x${VALID_KEY}`)).toBe(`x${REDACTED}`);
  });
});

describe('endsMidDocument', () => {
  it.each<[string, boolean]>([
    ['{"data":[1,2', true],
    ['{"a":"unterminated', true],
    ['[{"a":"has } and ] inside', true],
    ['{"a":"escaped quote \\" then', true],
    ['  {"a":{"b":1}  ', true],
    ['{"a":1}', false],
    ['{"a":1}garbage', false],
    ['{"a":}', false],
    ['<html>', false],
    ['', false],
    ['"just a string', false],
  ])('%j -> %s', (text, expected) => {
    expect(endsMidDocument(text)).toBe(expected);
  });
});

describe('decideRedirect', () => {
  const from: HopRequest = { url: 'https://api.example.test/v1/x?q=1', method: 'GET', headers: { authorization: 'Bearer k' }, body: null };
  const redirect = (status: number, location?: string): Response =>
    new Response(null, { status, headers: location === undefined ? {} : { location } });

  it.each([200, 204, 304, 400, 500])('%i is final', (status) => {
    expect(decideRedirect(new Response(null, { status }), from, 0)).toEqual({ kind: 'final' });
  });

  it('a 3xx without Location is final', () => {
    expect(decideRedirect(redirect(302), from, 0)).toEqual({ kind: 'final' });
  });

  it.each<[string, string]>([
    ['/v1/y', 'https://api.example.test/v1/y'],
    ['y?z=2', 'https://api.example.test/v1/y?z=2'],
    ['https://api.example.test:443/v1/z#frag', 'https://api.example.test/v1/z'],
    ['//api.example.test/v1/w', 'https://api.example.test/v1/w'],
  ])('same origin %s is followed to %s with the credentials', (location, url) => {
    expect(decideRedirect(redirect(302, location), from, 0)).toEqual({ kind: 'follow', request: { ...from, url } });
  });

  it.each<[string, string]>([
    ['https://evil.test/v1/x', 'another origin, https://evil.test'],
    ['http://api.example.test/v1/x', 'another origin, http://api.example.test'],
    ['https://api.example.test:8443/v1/x', 'another origin, https://api.example.test:8443'],
    ['//evil.test/x', 'another origin, https://evil.test'],
    ['https://u:p@api.example.test/v1/x', 'its Location embeds credentials'],
    ['http://[bad', 'its Location is not a valid URL'],
  ])('%s is refused (%s)', (location, reason) => {
    const decision = decideRedirect(redirect(307, location), from, 0);
    expect(decision.kind).toBe('refuse');
    expect(decision.kind === 'refuse' && decision.reason).toContain(reason);
    expect(decision.kind === 'refuse' && decision.reason).not.toContain('q=1');
  });

  it(`stops after ${MAX_REDIRECTS} hops`, () => {
    expect(decideRedirect(redirect(302, '/v1/y'), from, MAX_REDIRECTS - 1).kind).toBe('follow');
    expect(decideRedirect(redirect(302, '/v1/y'), from, MAX_REDIRECTS).kind).toBe('refuse');
  });

  it('303 after a POST drops the body and its headers; 307 keeps them', () => {
    const post: HopRequest = { ...from, method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: 'Bearer k' } };
    expect(decideRedirect(redirect(303, '/v1/y'), post, 0)).toEqual({
      kind: 'follow',
      request: { url: 'https://api.example.test/v1/y', method: 'GET', body: null, headers: { authorization: 'Bearer k' } },
    });
    expect(decideRedirect(redirect(307, '/v1/y'), post, 0)).toEqual({ kind: 'follow', request: { ...post, url: 'https://api.example.test/v1/y' } });
  });

  describe('for a download (file or text answer)', () => {
    const download: HopRequest = {
      ...from,
      headers: { authorization: 'Bearer k', 'x-api-key': 'k', accept: 'application/json', 'User-Agent': 'c/1', 'x-custom': 'v', Range: 'bytes=0-9', 'if-none-match': '"e1"' },
    };

    it('another origin over https is followed anonymously: user-agent, range and conditionals go along, accept is any', () => {
      expect(decideRedirect(redirect(302, 'https://cdn.example.test/f.pdf?sig=1#x'), download, 0, downloadHop)).toEqual({
        kind: 'follow',
        anonymous: true,
        request: {
          url: 'https://cdn.example.test/f.pdf?sig=1',
          method: 'GET',
          headers: { accept: '*/*', 'User-Agent': 'c/1', Range: 'bytes=0-9', 'if-none-match': '"e1"' },
          body: null,
        },
      });
    });

    it.each<[string, string]>([
      ['http://cdn.example.test/f.pdf', "to http://cdn.example.test: downloads leave the API's host only over https"],
      ['http://api.example.test/f.pdf', "to http://api.example.test: downloads leave the API's host only over https"],
      ['https://u:p@cdn.example.test/f.pdf', 'its Location embeds credentials'],
      // A remote API cannot point the client at a service on the caller's own machine.
      ['http://localhost:6379/', "to http://localhost:6379: downloads leave the API's host only over https"],
      ['http://127.0.0.1/admin', "to http://127.0.0.1: downloads leave the API's host only over https"],
    ])('%s is still refused (%s)', (location, reason) => {
      const decision = decideRedirect(redirect(302, location), download, 0, downloadHop);
      expect(decision.kind === 'refuse' && decision.reason).toContain(reason);
    });

    it('a POST is followed elsewhere only once it has become a bodiless GET', () => {
      const post: HopRequest = { ...download, method: 'POST', body: '{}' };
      expect(decideRedirect(redirect(303, 'https://cdn.example.test/f'), post, 0, downloadHop)).toMatchObject({ kind: 'follow', request: { method: 'GET', body: null } });
      const kept = decideRedirect(redirect(308, 'https://cdn.example.test/f'), post, 0, downloadHop);
      expect(kept.kind === 'refuse' && kept.reason).toContain('it would re-send a POST body there');
    });

    it('the same origin keeps the credentials, as for any call', () => {
      expect(decideRedirect(redirect(302, '/v1/y'), download, 0, downloadHop)).toEqual({ kind: 'follow', request: { ...download, url: 'https://api.example.test/v1/y' } });
    });
  });

  it('303 after a HEAD stays a HEAD', () => {
    const head: HopRequest = { ...from, method: 'HEAD' };
    expect(decideRedirect(redirect(303, '/v1/y'), head, 0)).toEqual({ kind: 'follow', request: { ...head, url: 'https://api.example.test/v1/y' } });
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serializeHeaderParams } from '../../templates/runtime/headers.js';
import { api, getSpec, makeClient } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('header parameters (simple style)', () => {
  it.each([
    ['scalar', { 'x-a': 5 }, { 'x-a': '5' }],
    ['array', { 'x-a': ['a', 'b', null] }, { 'x-a': 'a,b' }],
    ['object', { 'x-a': { role: 'admin', n: 1 } }, { 'x-a': 'role,admin,n,1' }],
    ['undefined and null left out', { 'x-a': undefined, 'x-b': null }, {}],
  ])('%s', (_label, params, expected) => {
    expect(serializeHeaderParams(params)).toEqual(expected);
  });

  it('reach the wire, and a CR/LF value fails before any request', async () => {
    const scope = api().get('/v1/x').matchHeader('x-ids', '1,2').reply(200, {});
    await makeClient().request(getSpec('/v1/x', { headers: { 'x-ids': [1, 2] } }));
    expect(scope.isDone()).toBe(true);
    await expect(makeClient().request(getSpec('/v1/x', { headers: { 'x-ids': 'a\r\nx-evil: 1' } }))).rejects.toThrow(/CR, LF/);
  });
});

describe('raw bodies and non-JSON responses', () => {
  it('sends a raw body with its declared content type and returns text', async () => {
    const scope = api()
      .post('/v1/upload', 'a,b\n1,2\n')
      .matchHeader('content-type', 'text/csv')
      .reply(200, 'stored', { 'content-type': 'text/plain' });
    const data = await makeClient().request(getSpec('/v1/upload', { method: 'POST', body: 'a,b\n1,2\n', bodyType: 'raw', contentType: 'text/csv', responseType: 'text' }));
    expect(data).toBe('stored');
    expect(scope.isDone()).toBe(true);
  });

  it('applies per-parameter query styles', async () => {
    const scope = api().get('/v1/x').query({ 'f[a]': '1', ids: '1|2' }).reply(200, {});
    await makeClient().request(getSpec('/v1/x', { query: { f: { a: 1 }, ids: [1, 2] }, queryStyles: { f: { style: 'deepObject' }, ids: { style: 'pipeDelimited' } } }));
    expect(scope.isDone()).toBe(true);
  });
});

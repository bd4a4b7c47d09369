import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PagingSpec } from '../../templates/runtime/pagination.js';
import { api, getSpec, makeClient } from './fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const offsetPaging: PagingSpec = { style: 'offset', cursorParam: 'offset', itemsPath: ['results'], nextCursorPath: [], totalPath: ['count'] };
const pagePaging: PagingSpec = { style: 'page', cursorParam: 'page', itemsPath: [], nextCursorPath: [], firstPage: 1 };

async function walk(paging: PagingSpec, query: Record<string, unknown> = {}, caps = {}): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of makeClient().requestPage<unknown, unknown>(getSpec('/v1/list', { query }), paging, caps)) out.push(item);
  return out;
}

describe('offset pagination', () => {
  it('advances by the items received and stops at the reported total', async () => {
    api().get('/v1/list').query({ limit: '2' }).reply(200, { results: [1, 2], count: 5 });
    api().get('/v1/list').query({ limit: '2', offset: '2' }).reply(200, { results: [3, 4], count: 5 });
    api().get('/v1/list').query({ limit: '2', offset: '4' }).reply(200, { results: [5], count: 5 });
    expect(await walk(offsetPaging, { limit: 2 })).toEqual([1, 2, 3, 4, 5]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('stops on an empty page when there is no total, and resumes from a given offset', async () => {
    const noTotal: PagingSpec = { ...offsetPaging, totalPath: undefined };
    api().get('/v1/list').query({ offset: '10' }).reply(200, { results: ['k'] });
    api().get('/v1/list').query({ offset: '11' }).reply(200, { results: [] });
    expect(await walk(noTotal, { offset: 10 })).toEqual(['k']);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('page-number pagination', () => {
  it('counts pages from firstPage over a bare array body, until an empty page', async () => {
    api().get('/v1/list').query({ per_page: '2' }).reply(200, ['a', 'b']);
    api().get('/v1/list').query({ per_page: '2', page: '2' }).reply(200, ['c']);
    api().get('/v1/list').query({ per_page: '2', page: '3' }).reply(200, []);
    expect(await walk(pagePaging, { per_page: 2 })).toEqual(['a', 'b', 'c']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('honours maxPages and exposes the next page number as nextCursor', async () => {
    api().get('/v1/list').query({ page: '4' }).reply(200, ['x', 'y']);
    const first = await makeClient().requestPage<unknown, unknown>(getSpec('/v1/list', { query: { page: 4 } }), pagePaging, { maxPages: 1 });
    expect([first.data, first.nextCursor, first.hasNextPage()]).toEqual([['x', 'y'], '5', true]);
  });
});

import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvalidResponseError } from '../../templates/runtime/errors.js';
import type { CursorPaging, LinkPaging, OffsetPaging, PageNumberPaging, PagingSpec } from '../../templates/runtime/paging-spec.js';
import { Page } from '../../templates/runtime/paging-cursor.js';
import { LinkPage, linkTarget } from '../../templates/runtime/paging-link.js';
import { OffsetPage } from '../../templates/runtime/paging-offset.js';
import { PageNumberPage } from '../../templates/runtime/paging-page-number.js';
import type { PageRequestOptions } from '../../templates/runtime/options.js';
import { api, BASE_URL, getSpec, makeClient, settings } from './fixtures.js';
import { ApiClient } from '../../templates/runtime/core.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const offsetPaging: OffsetPaging = { style: 'offset', offsetParam: 'offset', itemsPath: ['results'], totalPath: ['count'] };
const pagePaging: PageNumberPaging = { style: 'page', pageParam: 'page', itemsPath: [], firstPage: 1 };
const linkPaging: LinkPaging = { style: 'link', itemsPath: [] };
const stripePaging: CursorPaging = { cursorParam: 'starting_after', itemsPath: ['data'], itemCursorPath: ['id'], hasMorePath: ['has_more'] };

async function walk(paging: PagingSpec, query: Record<string, unknown> = {}, caps: PageRequestOptions = {}): Promise<unknown[]> {
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
    const noTotal: OffsetPaging = { style: 'offset', offsetParam: 'offset', itemsPath: ['results'] };
    api().get('/v1/list').query({ offset: '10' }).reply(200, { results: ['k'] });
    api().get('/v1/list').query({ offset: '11' }).reply(200, { results: [] });
    expect(await walk(noTotal, { offset: 10 })).toEqual(['k']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('types its positions as numbers', async () => {
    api().get('/v1/list').query({ offset: '4' }).reply(200, { results: ['a', 'b'], count: 9 });
    const page = await makeClient().requestPage<unknown, unknown, OffsetPage<unknown, unknown>>(getSpec('/v1/list', { query: { offset: 4 } }), offsetPaging);
    expect(page).toBeInstanceOf(OffsetPage);
    expect([page.offset, page.nextOffset, page.position, page.nextPosition]).toEqual([4, 6, 4, 6]);
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

  it('honours maxPages and exposes the next page number as a number', async () => {
    api().get('/v1/list').query({ page: '4' }).reply(200, ['x', 'y']);
    const first = await makeClient().requestPage<unknown, unknown, PageNumberPage<unknown, unknown>>(getSpec('/v1/list', { query: { page: 4 } }), pagePaging, { maxPages: 1 });
    expect(first).toBeInstanceOf(PageNumberPage);
    expect([first.data, first.pageNumber, first.nextPageNumber, first.hasNextPage()]).toEqual([['x', 'y'], 4, 5, true]);
  });

  it('stops at a total item count without asking for an empty page', async () => {
    const withTotal: PageNumberPaging = { style: 'page', pageParam: 'page', pageSizeParam: 'per_page', itemsPath: ['items'], totalPath: ['total'] };
    api().get('/v1/list').query({ per_page: '2' }).reply(200, { items: [1, 2], total: 3 });
    api().get('/v1/list').query({ per_page: '2', page: '2' }).reply(200, { items: [3], total: 3 });
    expect(await walk(withTotal, { per_page: 2 })).toEqual([1, 2, 3]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('stops at a total page count', async () => {
    const withPages: PageNumberPaging = { style: 'page', pageParam: 'p', itemsPath: ['items'], firstPage: 0, totalPagesPath: ['pages'] };
    api().get('/v1/list').reply(200, { items: [1], pages: 2 });
    api().get('/v1/list').query({ p: '1' }).reply(200, { items: [2], pages: 2 });
    expect(await walk(withPages)).toEqual([1, 2]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('cursor from the last item (Stripe style)', () => {
  it('sends the last id as starting_after until has_more is false', async () => {
    api().get('/v1/list').reply(200, { data: [{ id: 'a' }, { id: 'b' }], has_more: true });
    api().get('/v1/list').query({ starting_after: 'b' }).reply(200, { data: [{ id: 'c' }], has_more: false });
    expect(await walk(stripePaging)).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('keeps the cursor page surface: nextCursor and cursor', async () => {
    api().get('/v1/list').query({ starting_after: 'x' }).reply(200, { data: [{ id: 'y' }], has_more: true });
    const page = await makeClient().requestPage<unknown, unknown>(getSpec('/v1/list', { query: { starting_after: 'x' } }), stripePaging);
    expect(page).toBeInstanceOf(Page);
    expect([page.cursor, page.nextCursor]).toEqual(['x', 'y']);
  });
});

describe('Link header pagination', () => {
  const next = (page: number) => ({ link: `<${BASE_URL}/v1/list?per_page=2&page=${page}>; rel="next", <${BASE_URL}/v1/list?per_page=2&page=9>; rel="last"` });

  it('follows rel="next" until a response has none', async () => {
    api().get('/v1/list').query({ per_page: '2' }).reply(200, [1, 2], next(2));
    api().get('/v1/list').query({ per_page: '2', page: '2' }).reply(200, [3, 4], next(3));
    api().get('/v1/list').query({ per_page: '2', page: '3' }).reply(200, [5]);
    expect(await walk(linkPaging, { per_page: 2 })).toEqual([1, 2, 3, 4, 5]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('exposes the next URL and resumes from it with pageUrl', async () => {
    api().get('/v1/list').reply(200, [1], next(2));
    const first = await makeClient().requestPage<unknown, unknown, LinkPage<unknown, unknown>>(getSpec('/v1/list'), linkPaging);
    expect(first).toBeInstanceOf(LinkPage);
    expect(first.nextUrl).toBe(`${BASE_URL}/v1/list?per_page=2&page=2`);
    api().get('/v1/list').query({ per_page: '2', page: '2' }).reply(200, [2]);
    expect(await walk(linkPaging, {}, { pageUrl: first.nextUrl })).toEqual([2]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('never follows a link off the base URL (the key would go with it)', async () => {
    api().get('/v1/list').reply(200, [1], { link: '<https://evil.example.test/v1/list?page=2>; rel="next"' });
    await expect(walk(linkPaging)).rejects.toThrow(InvalidResponseError);
    await expect(walk(linkPaging, {}, { pageUrl: 'https://evil.example.test/v1/list' })).rejects.toThrow(/outside the client's baseUrl/);
  });

  it('parses RFC 8288 headers: several relations, case, relative targets', () => {
    expect(linkTarget('<a>; rel="prev", <b>; REL="Next last"', 'next')).toBe('b');
    expect(linkTarget('<c>; rel=next', 'next')).toBe('c');
    expect(linkTarget('<d>; rel="prev"', 'next')).toBeUndefined();
    expect(linkTarget(null, 'next')).toBeUndefined();
  });
});

it('a client refuses a style its settings do not carry', () => {
  const { pageStyles: _all, ...bare } = settings;
  const client = new ApiClient({ apiKey: 'tk_SECRETsecret123456' }, bare);
  expect(() => client.requestPage(getSpec('/v1/list'), linkPaging)).toThrow('This client has no "link" pagination');
});

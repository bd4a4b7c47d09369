import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientError, InternalServerError, InvalidResponseError } from '../../templates/runtime/errors.js';
import { PagePromise, getPath } from '../../templates/runtime/pagination.js';
import { Page } from '../../templates/runtime/paging-cursor.js';
import type { PageRequestOptions } from '../../templates/runtime/options.js';
import type { RequestSpec } from '../../templates/runtime/core.js';
import { api, clearKeyEnv, failure, getSpec, makeClient, paging, settle, useFakeClock } from './fixtures.js';

interface Item {
  id: number;
}
interface ListBody {
  data: Item[];
  pagination: { nextCursor?: string; hasMore?: boolean; limit?: number };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  nock.cleanAll();
});

const items = (...ids: number[]): Item[] => ids.map((id) => ({ id }));
const body = (ids: number[], nextCursor?: string, hasMore?: boolean): ListBody => ({
  data: items(...ids),
  pagination: { ...(nextCursor === undefined ? {} : { nextCursor }), ...(hasMore === undefined ? {} : { hasMore }), limit: 2 },
});

type Served = [status: number, body: unknown] | ListBody;

/**
 * Serves GET /v1/items by cursor ("" = no cursor). A list of replies for one cursor is served
 * in order (to script a failure then a success). Records every cursor requested, in order.
 */
function serve(byCursor: Record<string, Served | Served[]>): { cursors: (string | null)[]; queries: URLSearchParams[] } {
  const cursors: (string | null)[] = [];
  const queries: URLSearchParams[] = [];
  const used = new Map<string, number>();
  api()
    .get('/v1/items')
    .query(true)
    .times(50)
    .reply((uri) => {
      const query = new URL(uri, 'https://x.test').searchParams;
      const cursor = query.get('cursor');
      cursors.push(cursor);
      queries.push(query);
      const key = cursor ?? '';
      const entry = byCursor[key];
      if (entry === undefined) return [500, `no page for cursor ${key}`];
      const list = Array.isArray(entry) && typeof entry[0] !== 'number' ? (entry as Served[]) : [entry as Served];
      const index = used.get(key) ?? 0;
      used.set(key, index + 1);
      const served = list[Math.min(index, list.length - 1)] as Served;
      return Array.isArray(served) ? [served[0], JSON.stringify(served[1])] : [200, JSON.stringify(served)];
    });
  return { cursors, queries };
}

const threePages = {
  '': body([1, 2], 'c2', true),
  c2: body([3, 4], 'c3', true),
  c3: body([5, 6], undefined, false),
};

function list(options?: PageRequestOptions, extra: Partial<RequestSpec> = {}): PagePromise<ListBody, Item> {
  return makeClient().requestPage<ListBody, Item>(getSpec('/v1/items', extra), paging, options);
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

describe('first page', () => {
  it('await gives the first page only', async () => {
    const { cursors } = serve(threePages);
    const page = await list();
    expect(page).toBeInstanceOf(Page);
    expect(page.data).toEqual(items(1, 2));
    expect(page.body).toEqual(threePages['']);
    expect(page.pagination).toEqual({ nextCursor: 'c2', hasMore: true, limit: 2 });
    expect(page.nextCursor).toBe('c2');
    expect(page.cursor).toBeUndefined();
    expect(page.hasNextPage()).toBe(true);
    expect(page.response.status).toBe(200);
    expect(cursors).toEqual([null]);
  });

  it('withResponse works on a page promise', async () => {
    serve(threePages);
    const { data, response } = await list().withResponse();
    expect(data.data).toEqual(items(1, 2));
    expect(response.status).toBe(200);
  });

  it('getNextPage walks by hand and throws after the last page', async () => {
    const { cursors } = serve(threePages);
    const first = await list();
    const second = await first.getNextPage();
    expect(second.cursor).toBe('c2');
    const third = await second.getNextPage();
    expect(third.data).toEqual(items(5, 6));
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(new ClientError('No next page: this is the last page'));
    expect(cursors).toEqual([null, 'c2', 'c3']);
  });
});

describe('auto-pagination', () => {
  it('for await walks every item across pages, one request per page', async () => {
    const { cursors } = serve(threePages);
    expect((await collect(list())).map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cursors).toEqual([null, 'c2', 'c3']);
  });

  it('.pages() yields each page', async () => {
    serve(threePages);
    const pages = await collect(list().pages());
    expect(pages.map((p) => p.data.map((i) => i.id))).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(pages.map((p) => p.nextCursor)).toEqual(['c2', 'c3', undefined]);
  });

  it('repeats the other query parameters on every page', async () => {
    const { queries } = serve(threePages);
    await collect(list(undefined, { query: { status: 'active', pageSize: 2, botOnly: undefined } }));
    expect(queries.map((q) => q.toString())).toEqual([
      'status=active&pageSize=2',
      'status=active&pageSize=2&cursor=c2',
      'status=active&pageSize=2&cursor=c3',
    ]);
  });

  it.each<[string, Record<string, Served>, number[], number]>([
    ['hasMore === false even with a cursor', { '': body([1, 2], 'c2', false), c2: body([3]) }, [1, 2], 1],
    ['an empty page even with hasMore', { '': body([1, 2], 'c2', true), c2: body([], 'c3', true), c3: body([9]) }, [1, 2], 2],
    ['a missing cursor even with hasMore', { '': body([1, 2], undefined, true) }, [1, 2], 1],
    ['an empty cursor', { '': body([1, 2], '', true) }, [1, 2], 1],
    ['a non-string cursor', { '': { data: items(1), pagination: { nextCursor: 7 as never, hasMore: true } } }, [1], 1],
    ['no items array at all', { '': { pagination: { nextCursor: 'c2', hasMore: true } } as never }, [], 1],
    ['no pagination object', { '': { data: items(1, 2) } as never }, [1, 2], 1],
  ])('stops on %s', async (_label, pages, expectedIds, requests) => {
    const { cursors } = serve(pages);
    expect((await collect(list())).map((i) => i.id)).toEqual(expectedIds);
    expect(cursors).toHaveLength(requests);
  });

  it('without a hasMore path, the cursor alone drives the walk', async () => {
    const { cursors } = serve({ '': body([1], 'c2'), c2: body([2]) });
    const noHasMore = { cursorParam: 'cursor', itemsPath: ['data'], nextCursorPath: ['pagination', 'nextCursor'] };
    const pages = makeClient().requestPage<ListBody, Item>(getSpec('/v1/items'), noHasMore);
    expect((await collect(pages)).map((i) => i.id)).toEqual([1, 2]);
    expect(cursors).toEqual([null, 'c2']);
    expect((await pages).pagination).toBeUndefined();
  });

  it('iterating twice walks twice (first page reused)', async () => {
    const { cursors } = serve(threePages);
    const pages = list();
    await collect(pages);
    await collect(pages);
    expect(cursors).toEqual([null, 'c2', 'c3', 'c2', 'c3']);
  });
});

describe('caps', () => {
  it.each<[PageRequestOptions, number[], number]>([
    [{ maxItems: 1 }, [1], 1],
    [{ maxItems: 2 }, [1, 2], 1],
    [{ maxItems: 3 }, [1, 2, 3], 2],
    [{ maxItems: 100 }, [1, 2, 3, 4, 5, 6], 3],
    [{ maxPages: 1 }, [1, 2], 1],
    [{ maxPages: 2 }, [1, 2, 3, 4], 2],
    [{ maxPages: 2, maxItems: 3 }, [1, 2, 3], 2],
    [{ maxPages: 5, maxItems: 1 }, [1], 1],
  ])('%o -> items %o with exactly %i requests', async (options, ids, requests) => {
    const { cursors } = serve(threePages);
    expect((await collect(list(options))).map((i) => i.id)).toEqual(ids);
    expect(cursors).toHaveLength(requests);
  });

  it('.pages() honours maxPages and stops fetching once maxItems are held', async () => {
    const first = serve(threePages);
    expect(await collect(list({ maxPages: 2 }).pages())).toHaveLength(2);
    expect(first.cursors).toEqual([null, 'c2']);
    nock.cleanAll();
    const second = serve(threePages);
    expect(await collect(list({ maxItems: 3 }).pages())).toHaveLength(2);
    expect(second.cursors).toEqual([null, 'c2']);
  });

  it.each([{ maxItems: 0 }, { maxItems: -1 }, { maxItems: 1.5 }, { maxPages: 0 }])('%o is rejected before any request', (options) => {
    const fetchSpy = vi.fn<typeof fetch>();
    expect(() => makeClient({ fetch: fetchSpy }).requestPage(getSpec('/v1/items'), paging, options)).toThrow(ClientError);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('resume and safety', () => {
  it('resumes from a saved cursor', async () => {
    const { cursors } = serve(threePages);
    const first = await list();
    const checkpoint = first.nextCursor;
    expect(checkpoint).toBe('c2');
    const resumed = list(undefined, { query: { cursor: checkpoint } });
    expect((await collect(resumed)).map((i) => i.id)).toEqual([3, 4, 5, 6]);
    expect(cursors).toEqual([null, 'c2', 'c3']);
  });

  // Behaviour change (security suite): a repeated cursor used to be a plain ClientError; it is now
  // an InvalidResponseError (still a ClientError) carrying the page's status and request id.
  it('a repeated cursor stops the walk with an InvalidResponseError', async () => {
    const { cursors } = serve({ '': body([1], 'c2', true), c2: body([2], 'c2', true) });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of list()) seen.push(item.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as Error).message).toBe(
      'Pagination cursor repeated: the next cursor "c2" is the cursor this page was requested with, so following it ' +
        'would yield the same items again; stopping the walk (the items so far were each yielded once).',
    );
    expect((error as InvalidResponseError).status).toBe(200);
    expect(seen).toEqual([1, 2]);
    expect(cursors).toEqual([null, 'c2']);
  });

  it('a resumed walk whose first page repeats the given cursor also stops', async () => {
    serve({ c2: body([2], 'c2', true) });
    const page = await list(undefined, { query: { cursor: 'c2' } });
    await expect(page.getNextPage()).rejects.toThrow('Pagination cursor repeated');
  });

  it('a cursor cycle (c2 -> c3 -> c2) stops before any item is yielded twice', async () => {
    const { cursors } = serve({ '': body([1], 'c2', true), c2: body([2], 'c3', true), c3: body([3], 'c2', true) });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const item of list()) seen.push(item.id);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/^Pagination cursor repeated: the next cursor "c2" was already requested earlier in this walk/);
    expect(seen).toEqual([1, 2, 3]);
    expect(cursors).toEqual([null, 'c2', 'c3']);
  });

  it('page by page, a cycle is the caller\'s to see: getNextPage only refuses a self-referencing page', async () => {
    serve({ '': body([1], 'c2', true), c2: body([2], 'c3', true), c3: body([3], 'c2', true) });
    const third = await (await (await list()).getNextPage()).getNextPage();
    expect((await third.getNextPage()).data).toEqual(items(2));
  });

  it('a failed page is retried on its own; the walk does not restart', async () => {
    useFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { cursors } = serve({
      '': body([1, 2], 'c2', true),
      c2: [[503, { error: { code: 'UNAVAILABLE', message: 'later' } }], body([3, 4], 'c3', true)],
      c3: body([5], undefined, false),
    });
    const result = await settle(collect(list()));
    expect(result.ok && result.value.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
    expect(cursors).toEqual([null, 'c2', 'c2', 'c3']);
  });

  it('a page that keeps failing ends the walk with the API error after the earlier items', async () => {
    useFakeClock();
    const { cursors } = serve({ '': body([1, 2], 'c2', true), c2: [[500, {}]] });
    const seen: number[] = [];
    const error = await failure(
      (async () => {
        for await (const item of list()) seen.push(item.id);
      })(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).retries).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(cursors).toEqual([null, 'c2', 'c2', 'c2']);
  });

  it('a long walk keeps working (1000 pages through an injected fetch)', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
      const cursor = new URL(String(input)).searchParams.get('cursor');
      const n = cursor === null ? 0 : Number(cursor);
      const next = n + 1 < 1000 ? String(n + 1) : undefined;
      return new Response(JSON.stringify(body([n], next, next !== undefined)), { status: 200 });
    });
    let count = 0;
    let last = -1;
    for await (const item of makeClient({ fetch }).requestPage<ListBody, Item>(getSpec('/v1/items'), paging)) {
      count += 1;
      last = item.id;
    }
    expect([count, last, fetch.mock.calls.length]).toEqual([1000, 999, 1000]);
  });
});

describe('getPath', () => {
  it.each<[unknown, string[], unknown]>([
    [{ a: { b: 1 } }, ['a', 'b'], 1],
    [{ a: { b: 1 } }, ['a', 'c'], undefined],
    [{ a: null }, ['a', 'b'], undefined],
    [{ a: 'str' }, ['a', 'length'], undefined],
    [{}, ['constructor'], undefined],
    [{ a: [10, 20] }, ['a', '1'], 20],
    [5, [], 5],
  ])('%o at %o', (value, path, expected) => {
    expect(getPath(value, path)).toBe(expected);
  });
});

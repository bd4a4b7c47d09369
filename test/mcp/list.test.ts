import { describe, expect, it } from 'vitest';
import { jsonSize } from '../../templates/mcp/budget.js';
import { runList, type ListResult } from '../../templates/mcp/list.js';
import type { ApiClientLike, PageLike, PagePromiseLike, PagingBinding, RequestSpecLike, ToolDefinition } from '../../templates/mcp/types.js';

/**
 * runList against an in-memory API, for what the contract server does not have: offset and page
 * positions, lists without a page-size parameter, items larger than the whole budget.
 */
type Style = 'cursor' | 'offset' | 'page';

function fakeApi(items: unknown[], style: Style, defaultSize = 10) {
  const requests: Record<string, unknown>[] = [];
  const pageAt = (query: Record<string, unknown>): PageLike => {
    requests.push({ ...query });
    const size = typeof query['size'] === 'number' ? query['size'] : defaultSize;
    const raw = query['pos'];
    const start = raw === undefined ? 0 : style === 'cursor' ? Number(String(raw).slice(1)) : style === 'offset' ? Number(raw) : (Number(raw) - 1) * size;
    const data = items.slice(start, start + size);
    const more = start + size < items.length;
    const position = style === 'cursor' ? `c${start + data.length}` : style === 'offset' ? start + data.length : start / size + 2;
    const page: PageLike = { data, body: { data }, nextPosition: more ? position : undefined, position: raw === undefined ? undefined : style === 'cursor' ? String(raw) : Number(raw), hasNextPage: () => more };
    return page;
  };
  const client: ApiClientLike = {
    request: () => Promise.resolve(undefined),
    requestPage(spec: RequestSpecLike, _paging: PagingBinding, options?: { maxItems?: number }): PagePromiseLike {
      const first = Promise.resolve().then(() => pageAt({ ...(spec.query as Record<string, unknown>) }));
      return {
        then: (ok, fail) => first.then(ok, fail),
        async *pages() {
          let page = await first;
          let count = page.data.length;
          yield page;
          while (page.hasNextPage() && (options?.maxItems === undefined || count < options.maxItems)) {
            page = pageAt({ ...(spec.query as Record<string, unknown>), pos: page.nextPosition });
            count += page.data.length;
            yield page;
          }
        },
      };
    },
  };
  return { client, requests };
}

function tool(style: Style, withSize = true, positionType = 'string'): ToolDefinition {
  return {
    name: 'list_things',
    title: 'List things',
    description: '',
    inputSchema: {
      type: 'object',
      properties: { pos: { type: positionType }, ...(withSize ? { size: { type: 'integer', default: 10, maximum: 50 } } : {}), maxItems: { type: 'integer' } },
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    binding: {
      operationId: 'listThings',
      method: 'GET',
      path: '/things',
      pathParams: [],
      queryParams: withSize ? ['pos', 'size'] : ['pos'],
      responseType: 'json',
      auth: true,
      paging: { ...(style === 'cursor' ? { cursorParam: 'pos', nextCursorPath: ['next'] } : style === 'offset' ? { style, offsetParam: 'pos' } : { style, pageParam: 'pos' }), ...(withSize ? { pageSizeParam: 'size' } : {}), itemsPath: ['data'] },
    },
    list: { maxItems: true },
  };
}

const things = Array.from({ length: 95 }, (_, i) => ({ id: i, text: 'x'.repeat(40) }));

/** Walks the whole list through runList, returning the ids seen and the results. */
async function walk(t: ToolDefinition, client: ApiClientLike, budget: number, args: Record<string, unknown> = {}): Promise<{ ids: unknown[]; results: ListResult[] }> {
  const ids: unknown[] = [];
  const results: ListResult[] = [];
  let pos: string | number | null = null;
  for (let i = 0; i < 100; i++) {
    const result = await runList(t, { ...args, ...(pos === null ? {} : { pos }) }, { client, budget, defaultPageSize: 10 });
    results.push(result);
    ids.push(...result.items.map((item) => (item as { id: number }).id));
    pos = result.nextCursor;
    if (pos === null) break;
  }
  return { ids, results };
}

describe('list results under a budget', () => {
  it('re-cuts an offset page and hands back a numeric position that resumes exactly', async () => {
    const { client, requests } = fakeApi(things, 'offset');
    const { ids, results } = await walk(tool('offset', true, 'integer'), client, 700, { size: 20 });
    expect(ids).toEqual(things.map((t) => t.id));
    for (const r of results) expect(jsonSize(r)).toBeLessThanOrEqual(700);
    expect(typeof results[0]!.nextCursor).toBe('number');
    expect(requests.slice(0, 2)).toEqual([{ size: 20 }, { size: results[0]!.items.length }]);
  });

  it('re-cuts a cursor page the same way', async () => {
    const { client } = fakeApi(things, 'cursor');
    const { ids, results } = await walk(tool('cursor'), client, 900, { size: 50 });
    expect(ids).toEqual(things.map((t) => t.id));
    expect(results.every((r) => r.truncated === undefined && jsonSize(r) <= 900)).toBe(true);
  });

  it('says what it skips when the page cannot be re-cut (no page size, or page numbers)', async () => {
    for (const t of [tool('cursor', false), tool('page', true, 'integer')]) {
      const { client, requests } = fakeApi(things, (t.binding.paging!.style ?? 'cursor') as Style);
      const result = await runList(t, {}, { client, budget: 500, defaultPageSize: 10 });
      expect(result.items.length).toBeLessThan(10);
      expect(result.truncated?.note).toMatch(/more items of this page did not fit .* skipped by nextCursor/);
      expect(requests).toHaveLength(1);
    }
  });

  it('maxItems stops exactly, re-reading the last page with the remaining count', async () => {
    const { client, requests } = fakeApi(things, 'offset');
    const result = await runList(tool('offset', true, 'integer'), { maxItems: 23 }, { client, budget: 40_000, defaultPageSize: 10 });
    expect(result.items.map((i) => (i as { id: number }).id)).toEqual(things.slice(0, 23).map((t) => t.id));
    expect(result).toMatchObject({ nextCursor: 23, hasMore: true });
    expect(requests).toEqual([{ size: 23 }]);
  });

  it('cuts the arrays of an item that alone exceeds the budget', async () => {
    const big = [{ id: 0, rows: Array.from({ length: 400 }, (_, i) => ({ i })) }, { id: 1 }];
    const { client } = fakeApi(big, 'cursor');
    const result = await runList(tool('cursor'), {}, { client, budget: 1_000, defaultPageSize: 10 });
    expect(jsonSize(result)).toBeLessThanOrEqual(1_000);
    expect(result.items).toHaveLength(1);
    expect(result.nextCursor).toBe('c1');
    expect(result.truncated?.arrays?.[0]).toMatchObject({ path: '/items/0/rows', total: 400 });
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/pipeline.js';
import { specWith, tempDir } from '../helpers/ir.js';

/**
 * One small API per pagination style, its style detected from the spec alone (no config), each
 * generated into a temp dir and walked to the end by the generated client against a local
 * server: `for await`, `.pages()`, `maxItems`/`maxPages`, and resume from a saved position.
 */
const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: `c${i + 1}`, n: i + 1 }));
const SIZE = 3;
const item = { type: 'object', properties: { id: { type: 'string' }, n: { type: 'integer' } } };
const int = (name: string) => ({ name, in: 'query', schema: { type: 'integer' } });
const str = (name: string) => ({ name, in: 'query', schema: { type: 'string' } });
const ok = (schema: unknown, headers?: unknown) => ({
  responses: { '200': { description: 'ok', ...(headers ? { headers } : {}), content: { 'application/json': { schema } } } },
});
const list = (parameters: unknown[], schema: unknown, headers?: unknown) => ({ '/v1/things': { get: { operationId: 'listThings', parameters, ...ok(schema, headers) } } });

/** The specs: nothing in a config, everything from the conventions the spec shows. */
const SPECS = {
  stripe: list([int('limit'), str('starting_after')], { type: 'object', properties: { data: { type: 'array', items: item }, has_more: { type: 'boolean' } } }),
  token: list([int('pageSize'), str('page_token')], { type: 'object', properties: { things: { type: 'array', items: item }, nextPageToken: { type: 'string' } } }),
  offset: list([int('offset'), int('limit')], { type: 'object', properties: { results: { type: 'array', items: item }, total: { type: 'integer' } } }),
  page: list([int('page'), int('per_page')], { type: 'array', items: item }),
  link: list([int('page'), int('per_page')], { type: 'array', items: item }, { Link: { description: 'RFC 8288 links', schema: { type: 'string' } } }),
} as const;
type Style = keyof typeof SPECS;

/** The server for all five: each path prefix answers in its style. */
function answer(style: Style, url: URL, base: string): { body: unknown; headers?: Record<string, string> } {
  const q = (name: string) => url.searchParams.get(name);
  switch (style) {
    case 'stripe': {
      const after = q('starting_after');
      const start = after === null ? 0 : ITEMS.findIndex((i) => i.id === after) + 1;
      return { body: { data: ITEMS.slice(start, start + SIZE), has_more: start + SIZE < ITEMS.length } };
    }
    case 'token': {
      const start = Number(q('page_token') ?? '0');
      const more = start + SIZE < ITEMS.length;
      return { body: { things: ITEMS.slice(start, start + SIZE), ...(more ? { nextPageToken: String(start + SIZE) } : {}) } };
    }
    case 'offset': {
      const start = Number(q('offset') ?? '0');
      return { body: { results: ITEMS.slice(start, start + Number(q('limit') ?? SIZE)), total: ITEMS.length } };
    }
    case 'page': {
      const page = Number(q('page') ?? '1');
      return { body: ITEMS.slice((page - 1) * SIZE, page * SIZE) };
    }
    case 'link': {
      const page = Number(q('page') ?? '1');
      const more = page * SIZE < ITEMS.length;
      const next = `${base}/link/v1/things?per_page=${SIZE}&page=${page + 1}`;
      return { body: ITEMS.slice((page - 1) * SIZE, page * SIZE), headers: more ? { link: `<${next}>; rel="next"` } : {} };
    }
  }
}

interface AnyPage {
  data: { id: string }[];
  hasNextPage(): boolean;
  [key: string]: unknown;
}
interface Paged extends PromiseLike<AnyPage>, AsyncIterable<{ id: string }> {
  pages(): AsyncIterable<AnyPage>;
}
type Client = { things: { list(params?: Record<string, unknown>, options?: Record<string, unknown>): Paged } };

let server: Server;
let base: string;
const requests: string[] = [];
const dirs = new Map<Style, string>();
const clients = new Map<Style, (prefix: Style) => Client>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(url.pathname + url.search);
    const style = url.pathname.split('/')[1] as Style;
    const { body, headers } = answer(style, url, base);
    res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const style of Object.keys(SPECS) as Style[]) {
    const dir = await tempDir(`paging-${style}-`);
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(specWith(SPECS[style])));
    const out = join(dir, 'client');
    await generate({ spec: join(dir, 'openapi.json'), out, format: false });
    dirs.set(style, out);
    const { Test } = (await import(pathToFileURL(join(out, 'src', 'index.ts')).href)) as { Test: new (o: object) => Client };
    clients.set(style, (prefix) => new Test({ baseUrl: `${base}/${prefix}`, apiKey: 'k_0123456789', maxRetries: 0 }));
  }
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const client = (style: Style): Client => clients.get(style)!(style);
const size = (style: Style): Record<string, number> => ({ stripe: { limit: SIZE }, token: { pageSize: SIZE }, offset: { limit: SIZE }, page: { per_page: SIZE }, link: { per_page: SIZE } })[style];
const ids = (items: { id: string }[]) => items.map((i) => i.id);

/** Each style: its page class's next position after page 1, and how to resume from it. */
const POSITION: Record<Style, { field: string; value: (base: string) => unknown; resume: (pos: unknown) => [Record<string, unknown>, Record<string, unknown>] }> = {
  stripe: { field: 'nextCursor', value: () => 'c3', resume: (p) => [{ starting_after: p }, {}] },
  token: { field: 'nextCursor', value: () => '3', resume: (p) => [{ page_token: p }, {}] },
  offset: { field: 'nextOffset', value: () => 3, resume: (p) => [{ offset: p }, {}] },
  page: { field: 'nextPageNumber', value: () => 2, resume: (p) => [{ page: p }, {}] },
  link: { field: 'nextUrl', value: (b) => `${b}/link/v1/things?per_page=${SIZE}&page=2`, resume: (p) => [{}, { pageUrl: p }] },
};

describe.each(Object.keys(SPECS) as Style[])('a generated client walks a %s-paginated list', (style) => {
  it('to the end with for await, and page by page with .pages()', async () => {
    const all: { id: string }[] = [];
    for await (const thing of client(style).things.list(size(style))) all.push(thing);
    expect(ids(all)).toEqual(ids(ITEMS));
    const pages: string[][] = [];
    for await (const page of client(style).things.list(size(style)).pages()) pages.push(ids(page.data));
    // The page-number walk needs one empty page to know it is done (no total in that spec).
    expect(pages.filter((p) => p.length > 0)).toEqual([['c1', 'c2', 'c3'], ['c4', 'c5', 'c6'], ['c7']]);
  });

  it('honours maxItems and maxPages', async () => {
    const some: { id: string }[] = [];
    for await (const thing of client(style).things.list(size(style), { maxItems: 4 })) some.push(thing);
    expect(ids(some)).toEqual(['c1', 'c2', 'c3', 'c4']);
    let pages = 0;
    for await (const _page of client(style).things.list(size(style), { maxPages: 2 }).pages()) pages += 1;
    expect(pages).toBe(2);
  });

  it('types its position and resumes from a saved one', async () => {
    const first = await client(style).things.list(size(style));
    const { field, value, resume } = POSITION[style];
    expect(first[field]).toEqual(value(base));
    const [params, options] = resume(first[field]);
    const rest: { id: string }[] = [];
    for await (const thing of client(style).things.list({ ...size(style), ...params }, options)) rest.push(thing);
    expect(ids(rest)).toEqual(['c4', 'c5', 'c6', 'c7']);
  });
});

describe('what each generated package carries', () => {
  it('imports only the pagination style its API uses, so a bundle carries no other', async () => {
    const pageClass: Record<Style, string> = { stripe: 'Page', token: 'Page', offset: 'OffsetPage', page: 'PageNumberPage', link: 'LinkPage' };
    for (const style of ['stripe', 'offset', 'page', 'link'] as const) {
      const out = dirs.get(style)!;
      const bundle = await build({ entryPoints: [join(out, 'src', 'index.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
      const text = bundle.outputFiles[0]!.text;
      const carried = Object.values(pageClass).filter((cls, i, all) => all.indexOf(cls) === i && new RegExp(`\\b${cls} = class\\b`).test(text));
      expect([style, carried]).toEqual([style, [pageClass[style]]]);
    }
  });

  it('writes a README whose pagination text follows the style', async () => {
    const readme = async (style: Style) => {
      const text = await readFile(join(dirs.get(style)!, 'README.md'), 'utf8');
      return text.slice(text.indexOf('## Pagination'), text.indexOf('\n## ', text.indexOf('## Pagination') + 1));
    };
    const offset = await readme('offset');
    expect(offset).toContain('`client.things.list()` is offset-paginated');
    expect(offset).toContain('the items seen reach `total`');
    expect(offset).toContain('page.nextOffset');
    expect(offset).toContain('let checkpoint: number | undefined');
    const page = await readme('page');
    expect(page).toContain('`client.things.list()` is page-numbered');
    expect(page).toContain('page.nextPageNumber');
    expect(page).toContain('as `page` with the same other parameters');
    for (const text of [offset, page]) {
      expect(text).not.toMatch(/cursor|opaque|`` is missing/);
    }
    const link = await readme('link');
    expect(link).toContain('paginated by `Link` headers');
    expect(link).toContain('{ pageUrl: checkpoint }');
    const stripe = await readme('stripe');
    expect(stripe).toContain("the next page starts after the last item: its `id` is sent as `starting_after`");
    expect(stripe).toContain('Treat cursors as opaque strings.');
  });

  it('generates each paging constant with its own typed position parameter', async () => {
    const paging = async (style: Style) => Object.values((await import(pathToFileURL(join(dirs.get(style)!, 'src', 'paging.ts')).href)) as Record<string, unknown>);
    expect(await paging('offset')).toEqual([{ style: 'offset', offsetParam: 'offset', itemsPath: ['results'], totalPath: ['total'] }]);
    expect(await paging('page')).toEqual([{ style: 'page', pageParam: 'page', itemsPath: [], firstPage: 1 }]);
    expect(await paging('link')).toEqual([{ style: 'link', itemsPath: [] }]);
    expect(await paging('stripe')).toEqual([{ cursorParam: 'starting_after', itemsPath: ['data'], itemCursorPath: ['id'], hasMorePath: ['has_more'] }]);
    expect(await paging('token')).toEqual([{ cursorParam: 'page_token', itemsPath: ['things'], nextCursorPath: ['nextPageToken'] }]);
  });
});

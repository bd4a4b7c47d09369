import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf } from '../../generator/pipeline.js';
import { jsonSize } from '../../templates/mcp/budget.js';
import type { ApiClientLike, ToolDefinition } from '../../templates/mcp/types.js';
import { specWith } from '../helpers/ir.js';
import { asPage, connect, type Harness } from './harness.js';
import { evaluateTools, generateWithMcp } from './spec-tools.js';

/**
 * Issue #18: a list paginated by RFC 8288 `Link` headers (GitHub's per_page/page lists) is a list
 * tool like a cursor-paginated one: items, an opaque nextCursor (the next page's URL) the agent
 * passes back, the page-size default, maxItems and the result budget. The spec is generated
 * through the real pipeline (client and MCP tools); the generated client calls a local server.
 */
const ITEMS = Array.from({ length: 11 }, (_, i) => ({ id: i + 1, name: `thing ${i + 1}`, note: 'x'.repeat(60) }));
const item = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, note: { type: 'string' } }, required: ['id', 'name'] };
const SPEC = specWith({
  '/v1/orgs/{org}/things': {
    get: {
      operationId: 'listThings',
      parameters: [
        { name: 'org', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 30 } },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
      ],
      responses: {
        '200': {
          description: 'ok',
          headers: { Link: { description: 'RFC 8288 links', schema: { type: 'string' } } },
          content: { 'application/json': { schema: { type: 'array', items: item } } },
        },
      },
    },
  },
});

let server: Server;
let base: string;
const requests: string[] = [];
let tools: readonly ToolDefinition[];
let api: ApiClientLike;
let readme: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push(url.pathname + url.search);
    const size = Number(url.searchParams.get('per_page') ?? '30');
    const page = Number(url.searchParams.get('page') ?? '1');
    const more = page * size < ITEMS.length;
    // Absolute, as GitHub writes them; the query keeps the caller's other parameters.
    const next = `${base}${url.pathname}?per_page=${size}&page=${page + 1}`;
    res.writeHead(200, { 'content-type': 'application/json', ...(more ? { link: `<${next}>; rel="next", <${base}/last>; rel="last"` } : {}) });
    res.end(JSON.stringify(ITEMS.slice((page - 1) * size, page * size)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const result = await generateWithMcp(SPEC, 'mcp:\n  defaultPageSize: 4\n');
  tools = await evaluateTools(outputOf(result, 'mcp')!.files.get('src/tools.ts')!);
  readme = outputOf(result, 'mcp')!.files.get('README.md')!;
  const module = (await import(pathToFileURL(join(result.dir, 'client', 'src', 'index.ts')).href)) as Record<string, new (options: object) => ApiClientLike>;
  const Client = module[result.ir.clientClassName]!;
  api = new Client({ baseUrl: base, apiKey: 'k_0123456789', maxRetries: 0 });
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function harness(settings: { resultBudget?: number; defaultPageSize?: number } = {}): Promise<Harness> {
  return connect({ baseUrl: base, apiKey: 'k_0123456789', api, tools, settings });
}

const ids = (items: Record<string, unknown>[]) => items.map((i) => i['id']);

describe('a Link-paginated list tool', () => {
  it('is listed as a list tool: a cursor argument, the page-size default, fields and maxItems', () => {
    const [tool] = tools;
    const properties = tool!.inputSchema['properties'] as Record<string, Record<string, unknown>>;
    expect(tool!.name).toBe('list_org_things');
    expect(Object.keys(properties)).toEqual(['org', 'per_page', 'page', 'cursor', 'fields', 'maxItems']);
    expect(properties['cursor']!['description']).toMatch(/nextCursor/);
    expect(tool!.description).toMatch(/pass nextCursor back as cursor for the next page/);
    expect(tool!.binding.paging).toMatchObject({ style: 'link', cursorArgument: 'cursor', pageSizeParam: 'per_page', itemsPath: [] });
    expect(readme).toContain("Lists paged by page number or by `Link` header (whose `nextCursor` is the next page's URL) cannot be re-read smaller");
  });

  it('is walked to the end through nextCursor: every item once, in order, then null', async () => {
    const mcp = await harness();
    requests.length = 0;
    const seen: unknown[] = [];
    const cursors: unknown[] = [];
    let cursor: string | null = null;
    for (let call = 0; call < 10; call++) {
      const result = await mcp.call('list_org_things', { org: 'acme', ...(cursor === null ? {} : { cursor }) });
      expect(result.isError).toBe(false);
      const page = asPage(result.structured!);
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
      cursors.push(cursor);
      expect(page.hasMore).toBe(cursor !== null);
      if (cursor === null) break;
    }
    await mcp.close();
    expect(seen).toEqual(ids(ITEMS));
    // The agent-sized default page (4) on the first call; each later page is the URL the server linked.
    expect(requests).toEqual(['/v1/orgs/acme/things?per_page=4', '/v1/orgs/acme/things?per_page=4&page=2', '/v1/orgs/acme/things?per_page=4&page=3']);
    expect(cursors).toEqual([`${base}/v1/orgs/acme/things?per_page=4&page=2`, `${base}/v1/orgs/acme/things?per_page=4&page=3`, null]);
  });

  it('walks several pages with maxItems, and its cursor resumes after them', async () => {
    const mcp = await harness();
    const first = asPage((await mcp.call('list_org_things', { org: 'acme', per_page: 3, maxItems: 6, fields: ['id'] })).structured!);
    expect(first.items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }, { id: 6 }]);
    const rest = asPage((await mcp.call('list_org_things', { org: 'acme', per_page: 3, maxItems: 20, cursor: first.nextCursor })).structured!);
    await mcp.close();
    expect(ids(rest.items)).toEqual([7, 8, 9, 10, 11]);
    expect(rest.nextCursor).toBeNull();
  });

  it('keeps a result within the budget and says what its cursor skips (a linked page cannot be re-cut)', async () => {
    const mcp = await harness({ resultBudget: 600 });
    requests.length = 0;
    const result = await mcp.call('list_org_things', { org: 'acme', per_page: 8 });
    await mcp.close();
    const page = asPage(result.structured!);
    expect(jsonSize(result.structured)).toBeLessThanOrEqual(600);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.length).toBeLessThan(8);
    expect(page.truncated).toMatchObject({ note: expect.stringMatching(/did not fit .* skipped by nextCursor/) });
    expect(page.nextCursor).toBe(`${base}/v1/orgs/acme/things?per_page=8&page=2`);
    expect(requests).toHaveLength(1);
  });

  it('refuses a cursor off the API base URL before sending anything (it would carry the key there)', async () => {
    const mcp = await harness();
    requests.length = 0;
    const elsewhere = await mcp.call('list_org_things', { org: 'acme', cursor: 'http://127.0.0.1:9/v1/orgs/acme/things?page=2' });
    const otherHost = await mcp.call('list_org_things', { org: 'acme', cursor: 'https://evil.example/v1/orgs/acme/things?page=2' });
    await mcp.close();
    for (const result of [elsewhere, otherHost]) {
      expect(result.isError).toBe(true);
      expect(result.json['error']).toMatchObject({ code: 'INVALID_ARGUMENTS', message: expect.stringMatching(/"cursor" is not a page of this API: .*outside the client's baseUrl/) });
    }
    expect(requests).toEqual([]);
  });
});

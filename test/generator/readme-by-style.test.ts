import { describe, expect, it } from 'vitest';
import { emitReadme } from '../../generator/emit/readme/index.js';
import { operations } from '../../generator/emit/readme/sections/operations.js';
import { formatFiles } from '../../generator/format/index.js';
import { irOf, specWith } from '../helpers/ir.js';

/**
 * The README follows the IR: its pagination text by the API's pagination style, its auth text by
 * each security scheme. Small specs, one per style or scheme, their README printed from the IR.
 */
const item = { type: 'object', properties: { id: { type: 'string' } } };
const int = (name: string) => ({ name, in: 'query', schema: { type: 'integer' } });
const list = (parameters: unknown[], schema: unknown, headers?: unknown) => ({
  '/v1/things': { get: { operationId: 'listThings', parameters, responses: { '200': { description: 'ok', ...(headers ? { headers } : {}), content: { 'application/json': { schema } } } } } },
});
const one = list([], item);
const secured = (scheme: unknown) => ({ components: { securitySchemes: { main: scheme } }, security: [{ main: [] }] });

const SPECS = {
  offset: specWith(list([int('offset'), int('limit')], { type: 'object', properties: { results: { type: 'array', items: item }, total: { type: 'integer' } } })),
  page: specWith(list([int('page'), int('per_page')], { type: 'array', items: item })),
  link: specWith(list([int('page'), int('per_page')], { type: 'array', items: item }, { Link: { schema: { type: 'string' } } })),
  query: specWith(one, secured({ type: 'apiKey', in: 'query', name: 'api_key' })),
  cookie: specWith(one, secured({ type: 'apiKey', in: 'cookie', name: 'session' })),
  basic: specWith(one, secured({ type: 'http', scheme: 'basic' })),
  oauth: specWith(one, secured({ type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.test/token', scopes: {} } } })),
  none: specWith(one),
} as const;

const readme = async (name: keyof typeof SPECS): Promise<string> => emitReadme({ ir: await irOf(SPECS[name]), header: 'test' });
const section = (text: string, title: string): string => {
  const start = text.indexOf(`## ${title}\n`);
  expect(start, title).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end === -1 ? undefined : end);
};
/** Two backticks with nothing between them: a code span around a value the IR did not have. */
const EMPTY_CODE = /(?<!`)``(?!`)/;

describe('the README of a paginated API speaks its pagination style', () => {
  it.each(['offset', 'page'] as const)('%s: never a cursor, anywhere in the README', async (style) => {
    const text = await readme(style);
    expect(text).not.toMatch(/cursor|opaque/i);
    expect(text).not.toMatch(EMPTY_CODE);
    expect(section(text, 'Pagination')).toContain(style === 'offset' ? 'is offset-paginated' : 'is page-numbered');
    expect(section(text, 'Pagination')).toContain(style === 'offset' ? 'page.nextOffset' : 'page.nextPageNumber');
  });

  it('link: follows `Link` headers, and a repeating next link (not a cursor) is the invalid response', async () => {
    const text = await readme('link');
    expect(text).not.toMatch(/cursor/i);
    expect(text).not.toMatch(EMPTY_CODE);
    expect(section(text, 'Pagination')).toContain('paginated by `Link` headers');
    expect(section(text, 'Errors')).toContain('or a next-page link that leads back into the walk');
  });
});

describe('the README of an API says how its security schemes are met', () => {
  it('a key in the query: sent as a query parameter, with the URL caveat and no header to mask', async () => {
    const text = await readme('query');
    const auth = section(text, 'Authentication');
    expect(auth).toContain('which sends `?api_key=<key>`');
    expect(auth).not.toMatch(/header form/);
    expect(auth).toContain('A key sent in the query string is part of the URL');
    expect(section(text, 'Logging and hooks')).toContain('The API key is masked in everything logged.');
    expect(text).not.toMatch(EMPTY_CODE);
  });

  it('a cookie and HTTP Basic: the scheme is named, with how to send it yourself', async () => {
    expect(section(await readme('cookie'), 'Authentication')).toContain("takes the key in the `session` cookie, which the client does not set. Send it yourself with the `headers` option");
    expect(section(await readme('basic'), 'Authentication')).toContain('is HTTP Basic authentication (a user name and password), which the client does not build from a key');
  });

  it('OAuth 2: the token comes from the provider; the client only sends it', async () => {
    const auth = section(await readme('oauth'), 'Authentication');
    expect(auth).toContain('is OAuth 2.0 (`clientCredentials` flow; tokens from `https://auth.example.test/token`)');
    expect(auth).toContain('pass it as `apiKey`, sent as `authorization: Bearer <key>`');
  });

  it('no scheme at all: says the spec declares none', async () => {
    expect(section(await readme('none'), 'Authentication')).toContain('The spec declares no security scheme');
  });
});

describe('the operations table is left compact', () => {
  it('an added operation with the longest cells adds one row and changes no other', async () => {
    const op = (id: string, summary: string) => ({ get: { operationId: id, summary, responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } } } } });
    const before = specWith({ '/v1/a': op('getA', 'Get A'), '/v1/b': op('getB', 'Get B') });
    const after = specWith({ '/v1/a': op('getA', 'Get A'), '/v1/b': op('getB', 'Get B'), '/v1/a-much-longer-path/children/of-things': op('listTheChildrenOfAThing', 'A summary far longer than any other in this table') });
    // As written to disk: formatted (prettier would pad every row to the widest cell).
    const formatted = async (spec: Record<string, unknown>) => (await formatFiles(new Map([['README.md', await emitReadme({ ir: await irOf(spec), header: 'test' })]]), { cache: false })).get('README.md') ?? '';
    const rows = async (spec: Record<string, unknown>) => (await formatted(spec)).split('\n').filter((l) => l.startsWith('| `client.'));
    const [old, next] = [await rows(before), await rows(after)];
    expect(next.length).toBe(old.length + 1);
    expect(next.filter((row) => !old.includes(row))).toHaveLength(1);
    expect(section(await formatted(after), 'Operations')).toContain('<!-- prettier-ignore -->\n| method | function | HTTP | summary | notes |');
  });
});

describe('an API with more operations than a README can hold lists its resources', () => {
  const op = (id: string, tag: string, method = 'get') => ({ [method]: { operationId: id, tags: [tag], summary: `Summary of ${id}`, responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } } } } });
  const spec = specWith({
    '/v1/cats': { ...op('listCats', 'cats'), ...op('createCat', 'cats', 'post') },
    '/v1/cats/{id}': { ...op('getCat', 'cats'), parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] },
    '/v1/dogs': op('listDogs', 'dogs'),
  });
  const lines = (text: string[]) => text.join('\n');

  it('within the budget: a row and a call for every operation', async () => {
    const ir = await irOf(spec);
    const text = lines(operations(ir));
    for (const r of ir.resources) for (const o of r.operations) expect(text).toContain(`| \`client.${r.property}.${o.resourceMethod}()\` |`);
    expect(text).toContain('| method | function | HTTP | summary | notes |');
  });

  it('counts the budget in bytes: summaries in CJK (3 bytes a character) that fit in characters do not fit', async () => {
    const wide = (id: string) => ({ get: { operationId: id, tags: ['docs'], summary: '文書を取得する'.repeat(40), responses: { '200': { description: 'ok', content: { 'application/json': { schema: item } } } } } });
    const ir = await irOf(specWith({ '/v1/a': wide('getA'), '/v1/b': wide('getB'), '/v1/c': wide('getC'), '/v1/d': wide('getD') }));
    const whole = lines(operations(ir, Infinity));
    expect(whole).toContain('| method | function |');
    // The whole section, header included, in characters: more than the table alone, fewer than its bytes.
    expect(lines(operations(ir, whole.length))).not.toContain('| method | function |');
    expect(lines(operations(ir, Buffer.byteLength(whole)))).toContain('| method | function |');
  });

  it('past it: a row per resource with its operation count, and one example call each', async () => {
    const ir = await irOf(spec);
    const text = lines(operations(ir, 1));
    expect(text).not.toContain('| method | function |');
    const total = ir.resources.reduce((n, r) => n + r.operations.length, 0);
    expect(text).toContain(`This API has ${total} operations`);
    for (const r of ir.resources) {
      expect(text).toContain(`| \`client.${r.property}\` | ${r.operations.length} | \`src/resources/${r.fileName}.ts\` |`);
      const start = text.indexOf(`### \`client.${r.property}\``);
      expect(start).toBeGreaterThan(-1);
      const next = text.indexOf('\n### ', start + 1);
      const block = text.slice(start, next === -1 ? undefined : next);
      // Exactly one call of the resource in its block, its first operation's.
      const calls = [...block.matchAll(new RegExp(`client\\.${r.property}\\.(\\w+)\\(`, 'g'))].map((m) => m[1]);
      expect(calls).toEqual([r.operations[0]!.resourceMethod]);
    }
  });
});

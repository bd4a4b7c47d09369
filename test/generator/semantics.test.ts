import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/pipeline.js';
import { typeCheck } from '../corpus/corpus.js';
import { specWith, tempDir } from '../helpers/ir.js';

const json = (schema: unknown) => ({ description: 'ok', content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** One spec with the awkward things real specs contain, generated and type-checked strictly. */
const spec = specWith(
  {
    '/items/{item-id}': {
      parameters: [{ name: 'item-id', in: 'path', required: true, schema: { type: 'integer' } }],
      get: { operationId: 'items.get-one', responses: { '200': json(ref('import')) } },
      put: { operationId: 'items.replace', requestBody: { required: true, content: { 'application/json': { schema: ref('class') } } }, responses: { '204': { description: 'done' } } },
      delete: { operationId: 'items-delete', deprecated: true, responses: { '204': { description: 'gone' } } },
    },
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          { name: 'kind', in: 'query', schema: ref('Kind') },
          { name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': json({ type: 'object', properties: { data: { type: 'array', items: ref('Pet') }, pagination: { type: 'object', properties: { nextCursor: { type: 'string' }, hasMore: { type: 'boolean' } } } } }) },
      },
      post: {
        requestBody: { content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: { '201': { description: 'csv', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    '/tree': { get: { operationId: 'getTree', responses: { '200': json(ref('Node')), '404': json(ref('Foo.Bar')) } } },
  },
  {
    components: {
      schemas: {
        import: { type: 'object', properties: { 'weird-key': { type: 'string' }, 'new': { type: 'boolean' } } },
        class: { type: 'object', required: ['name'], properties: { name: { type: 'string', description: 'Ends a comment */ and has `backticks` and ${x}' } } },
        'Foo.Bar': { type: 'object', properties: { a: { type: 'string' } } },
        FooBar: { type: 'string' },
        Kind: { type: 'string', enum: ['a', 'b', 'c-d'] },
        Node: { type: 'object', properties: { value: { type: ['string', 'null'] }, children: { type: 'array', items: ref('Node') } } },
        Pet: {
          oneOf: [ref('Cat'), ref('Dog')],
          discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: 'Dog' } },
        },
        Cat: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, meows: { type: 'boolean' } } },
        Dog: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, barks: { type: 'boolean', nullable: true } } },
      },
    },
  },
);

let result: GenerateResult;
let out: string;
beforeAll(async () => {
  const dir = await tempDir('semantics-');
  await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
  out = join(dir, 'out');
  result = await generate({ spec: join(dir, 'openapi.json'), out });
});

describe('awkward names and shapes', () => {
  it('type-checks strictly', () => {
    expect(typeCheck([out])).toEqual([]);
  });

  it('gives every operation a safe, unique identifier', () => {
    expect(result.ir.operations.map((o) => [o.functionName, `${o.resource}.${o.resourceMethod}`])).toEqual([
      ['itemsGetOne', 'items.get'],
      ['itemsReplace', 'items.replace'],
      ['itemsDelete', 'items.delete'],
      ['listItems', 'items.list'],
      ['postItems', 'items.create'],
      ['getTree', 'tree.get'],
    ]);
    expect(result.ir.schemaAliases.map((a) => [a.schemaName, a.name])).toEqual([
      ['import', 'Import'],
      ['class', 'Class'],
      ['Foo.Bar', 'FooBar'],
      ['FooBar', 'FooBar2'],
      ['Kind', 'Kind'],
      ['Node', 'Node'],
      ['Pet', 'Pet'],
      ['Cat', 'Cat'],
      ['Dog', 'Dog'],
    ]);
  });

  it('keeps spec text out of the code: comment terminators are escaped in JSDoc', async () => {
    const types = await readFile(join(out, 'src', 'types.ts'), 'utf8');
    expect(types).not.toMatch(/Ends a comment \*\/ and/);
  });

  it('detects pagination and header parameters, and marks deprecation', async () => {
    const list = result.ir.operations.find((o) => o.functionName === 'listItems')!;
    expect(list.paging?.constName).toBe('CURSOR_PAGING');
    const text = await readFile(join(out, 'src', 'resources', 'items.ts'), 'utf8');
    expect(text).toContain(`headers: { 'X-Request-Id': params?.['X-Request-Id'] }`);
    expect(text).toMatch(/@deprecated[^]*export function itemsDelete/);
    expect(text).toContain(`contentType: 'text/csv'`);
  });
});

describe('offset and page styles end to end', () => {
  it('emits paging constants the runtime understands, and the client compiles', async () => {
    const dir = await tempDir('styles-');
    const repoSpec = specWith({
      '/repos': { get: { operationId: 'listRepos', parameters: [{ name: 'page', in: 'query', schema: { type: 'integer' } }, { name: 'per_page', in: 'query', schema: { type: 'integer' } }], responses: { '200': json({ type: 'array', items: ref('Repo') }) } } },
      '/events': { get: { operationId: 'listEvents', parameters: [{ name: 'offset', in: 'query', schema: { type: 'integer' } }], responses: { '200': json({ type: 'object', properties: { results: { type: 'array', items: ref('Repo') }, count: { type: 'integer' } } }) } } },
    }, { components: { schemas: { Repo: { type: 'object', properties: { id: { type: 'integer' } } } } } });
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(repoSpec));
    await writeFile(join(dir, 'config.yaml'), 'pagination:\n  - { name: page, style: page, pageParam: page, pageSizeParam: per_page, items: "" }\n  - { name: offset, style: offset, offsetParam: offset, items: results, total: count }\n');
    const styled = join(dir, 'out');
    await generate({ spec: join(dir, 'openapi.json'), config: join(dir, 'config.yaml'), out: styled });
    const paging = await readFile(join(styled, 'src', 'paging.ts'), 'utf8');
    expect(paging).toContain(`style: 'page'`);
    expect(paging).toContain(`totalPath: ['count']`);
    expect(typeCheck([styled])).toEqual([]);
  });
});

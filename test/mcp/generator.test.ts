import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile, resolveConfig } from '../../generator/config.js';
import { GeneratorError } from '../../generator/errors.js';
import { buildIR } from '../../generator/ir/build.js';
import { loadSpec } from '../../generator/load/index.js';
import { deriveToolName, singular } from '../../generator/mcp/naming.js';
import { buildRequest } from '../../templates/mcp/request.js';
import type { McpConfig } from '../../generator/mcp/config.js';
import { mcpOutDir } from '../../generator/mcp/wire.js';
import { mcpTarget } from '../../generator/targets/mcp.js';
import { formatFiles } from '../../generator/format/index.js';
import { generate, outputOf, type GenerateResult } from '../../generator/pipeline.js';
import { findDrift, writeAtomically } from '../../generator/write.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';
import { cursorPage, irOf, json, specWith, tempDir } from '../helpers/ir.js';
import { namesOf } from '../../generator/ir/names-lock.js';
import { toolsOf } from './spec-tools.js';
import { generatedPackageVersion, pinnedSpec, pinnedSpecFile, specOperations } from '../helpers/pinned.js';

const ROOT = join(import.meta.dirname, '..', '..');


const get = (extra: Record<string, unknown> = {}) => ({ get: { responses: { '200': json({ type: 'object' }) }, ...extra } });
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const pageOf = (item: unknown) => ({
  get: {
    parameters: [
      { name: 'cursor', in: 'query', schema: { type: 'string' } },
      { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 20, default: 10 } },
    ],
    responses: { '200': json(cursorPage(item)) },
  },
});

describe('tool names from method + path', () => {
  it('reads like the operation, singular before an id', () => {
    const skip = /^v\d+$/;
    const name = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, paging = false) =>
      deriveToolName({ method, path, operationId: 'op', ...(paging ? { paging: {} as never } : {}) }, skip);
    expect(name('get', '/v1/sessions', true)).toBe('list_sessions');
    expect(name('get', '/v1/sessions/{sessionId}')).toBe('get_session');
    expect(name('get', '/v1/sessions/{sessionId}/details')).toBe('get_session_details');
    expect(name('get', '/v1/sessions/{sessionId}/events', true)).toBe('list_session_events');
    expect(name('post', '/v1/categories/{id}/sub-items')).toBe('create_category_sub_items');
    expect(name('delete', '/addresses/{id}')).toBe('delete_address');
    expect(name('put', '/v2/boxes/{id}')).toBe('replace_box');
    expect(name('patch', '/statusPages/{id}')).toBe('update_status_page');
    expect(name('get', '/{id}')).toBe('get_op');
    const long = name('get', '/organizations/{o}/repositories/{r}/pull-requests/{p}/review-comments/{c}/reactions', true);
    // 63 characters in full: middle words go, the verb and the most specific words stay.
    expect(long).toBe('list_pull_request_review_comment_reactions');
    expect(['analysis', 'status', 'news', 'users'].map(singular)).toEqual(['analysis', 'status', 'news', 'user']);
  });

  it('a release that adds a colliding operation keeps the existing tool and names the newcomer by its client method, for good', async () => {
    const before = specWith({ '/v2/items': get({ operationId: 'listItemsV2' }) });
    const first = await irOf(before, { mcp: {} });
    const after = specWith({ '/v1/items': get({ operationId: 'listItemsV1' }), '/v2/items': get({ operationId: 'listItemsV2' }) });
    const released = await irOf(after, { mcp: {} }, namesOf(first));
    expect(released.operations.map((op) => [`${op.resource}.${op.resourceMethod}`, op.toolName])).toEqual([
      ['items.listV1', 'items_list_v1'],
      ['items.list', 'get_items'],
    ]);
    // The next generation reads the names this one recorded: same tools, no collision error.
    const again = await toolsOf(after, {}, namesOf(released));
    expect(again.map((t) => t.name)).toEqual(['items_list_v1', 'get_items']);
  });

  it('gives a name two operations derive to neither (their client methods name them), unless the config names one', async () => {
    const spec = specWith({ '/v1/items': get({ operationId: 'a' }), '/v2/items': get({ operationId: 'b' }) });
    expect((await toolsOf(spec)).map((t) => t.name)).toEqual(['items_a', 'items_b']);
    const tools = await toolsOf(spec, { mcp: { toolNames: { b: 'get_items_v2' } } });
    expect(tools.map((t) => t.name)).toEqual(['get_items', 'get_items_v2']);
    // The config's own names must not collide: that is the user's choice to fix, with the pointer.
    const error = (await toolsOf(spec, { mcp: { toolNames: { a: 'same', b: 'same' } } }).catch((e: unknown) => e)) as GeneratorError;
    expect(error).toBeInstanceOf(GeneratorError);
    expect(error.message).toMatch(/Tool name "same" is already taken.*mcp\.toolNames\.b/);
    expect(error.pointer).toBe('#/paths/~1v2~1items/get');
  });

  it('rejects overrides for unknown operations and invalid names, pointing into the config', async () => {
    const spec = specWith({ '/items': get({ operationId: 'a' }) });
    const unknown = (await toolsOf(spec, { mcp: { toolNames: { zzz: 'x' } } }).catch((e: unknown) => e)) as GeneratorError;
    expect([unknown.pointer, unknown.file]).toEqual(['#/mcp/toolNames/zzz', 'codegen.config.yaml']);
    const invalid = (() => {
      try {
        resolveConfig({ data: { mcp: { toolNames: { a: 'has space' } } } }, { title: 'T' });
      } catch (e) {
        return e as GeneratorError;
      }
    })();
    expect(invalid?.pointer).toBe('#/mcp/toolNames/a');
    expect(() => resolveConfig({ data: { mcp: { out: '../elsewhere' } } }, { title: 'T' })).toThrow(GeneratorError);
    expect(() => resolveConfig({ data: { mcp: { resultBudget: 10 } } }, { title: 'T' })).toThrow(/resultBudget/);
    await expect(toolsOf(spec, { mcp: { toolNames: { a: 'search_operations' } } })).rejects.toThrow(/already taken \(by dynamic mode\)/);
  });

  it('derives env names and the package name from the client config', () => {
    const config = resolveConfig({ data: { package: { name: 'acme-client' }, apiKey: { envVars: ['ACME_API_KEY'] }, mcp: {} } }, { title: 'Acme' });
    expect(config.mcp).toMatchObject({ out: 'generated-mcp', packageName: 'acme-mcp', env: { region: 'ACME_REGION', baseUrl: 'ACME_BASE_URL', mode: 'ACME_MCP_TOOLS' }, resultBudget: 40_000, defaultPageSize: 25 });
    expect(resolveConfig({ data: {} }, { title: 'Acme' }).mcp).toBeUndefined();
  });
});

describe('flat, self-contained input schemas', () => {
  it('inlines $refs, converts OpenAPI 3.0 spellings, keeps enums and bounds, and drops $defs', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Test API', version: '1' },
      paths: {
        '/things/{thingId}': {
          parameters: [{ $ref: '#/components/parameters/ThingId' }],
          get: {
            operationId: 'getThing',
            parameters: [
              { name: 'kind', in: 'query', schema: { $ref: '#/components/schemas/Kind' } },
              { name: 'limit', in: 'query', required: true, schema: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 9, nullable: true, example: 3, 'x-internal': 1 } },
              { name: 'old', in: 'query', deprecated: true, schema: { type: 'string' } },
              { name: 'x-trace', in: 'header', schema: { type: 'string' } },
            ],
            responses: { '200': json({ type: 'object' }) },
          },
        },
      },
      components: {
        parameters: { ThingId: { name: 'thingId', in: 'path', required: true, description: 'The id.', schema: { $ref: '#/components/schemas/Id' } } },
        schemas: { Id: { type: 'string', pattern: '^t_' }, Kind: { type: 'string', enum: ['a', 'b'], description: 'Kind of thing.' } },
      },
    };
    const [tool] = await toolsOf(spec);
    expect(tool!.inputSchema).toEqual({
      type: 'object',
      properties: {
        thingId: { type: 'string', pattern: '^t_', description: 'The id.' },
        kind: { type: 'string', enum: ['a', 'b'], description: 'Kind of thing.' },
        limit: { type: ['integer', 'null'], exclusiveMinimum: 0, maximum: 9, examples: [3] },
        old: { type: 'string', deprecated: true, description: 'Deprecated.' },
      },
      required: ['thingId', 'limit'],
      additionalProperties: false,
    });
    expect(tool!.binding).toMatchObject({ path: '/things/{thingId}', pathParams: ['thingId'], queryParams: ['kind', 'limit', 'old'] });
  });

  it('tells the client which credentials an operation takes, where operations take different ones', async () => {
    const schemes = { oauth: { type: 'http', scheme: 'bearer' }, key: { type: 'apiKey', in: 'header', name: 'api_key' } };
    const spec = specWith(
      { '/pets': get({ operationId: 'listPets' }), '/store': get({ operationId: 'getStore', security: [{ key: [] }] }) },
      { security: [{ oauth: [] }], components: { securitySchemes: schemes } },
    );
    const auth = { auth: { default: 'oauth', headers: { oauth: { header: 'authorization', prefix: 'Bearer ' }, key: { header: 'api_key', prefix: '' } } } };
    const [pets, store] = await toolsOf(spec, auth);
    expect(pets!.binding.security).toBeUndefined(); // the API-wide list, which the client's settings hold
    expect(store!.binding.security).toEqual([['key']]);
    expect(buildRequest(store!.binding, {})).toMatchObject({ path: '/store', security: [['key']] });
  });

  it('gives the server one variable per auth form where operations take different credentials', async () => {
    const schemes = { oauth: { type: 'http', scheme: 'bearer' }, store_key: { type: 'apiKey', in: 'header', name: 'api_key' } };
    const spec = specWith(
      { '/pets': get({ operationId: 'listPets' }), '/store': get({ operationId: 'getStore', security: [{ store_key: [] }] }) },
      { security: [{ oauth: [] }], components: { securitySchemes: schemes } },
    );
    const dir = await tempDir('mcp-credentials-');
    await writeFile(join(dir, 'openapi.json'), JSON.stringify(spec));
    await writeFile(join(dir, 'codegen.config.yaml'), 'mcp: {}\napiKey:\n  envVars: [PETS_API_KEY]\n');
    const result = await generate({ spec: join(dir, 'openapi.json'), config: join(dir, 'codegen.config.yaml'), out: join(dir, 'client'), format: false });
    const settings = outputOf(result, 'mcp')!.files.get('src/settings.ts')!;
    expect(settings.replace(/\s+/g, '')).toContain('"credentials":{"oauth":"PETS_AUTH_OAUTH","store_key":"PETS_AUTH_STORE_KEY"}');
    const readme = outputOf(result, 'mcp')!.files.get('README.md')!;
    expect(readme).toContain('| `PETS_AUTH_STORE_KEY` | key for the `store_key` auth form');
  });

  it('gives request bodies a `body` argument (recursion cut) and derives annotations from the method', async () => {
    const node = { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };
    const spec = specWith(
      {
        '/nodes': { post: { operationId: 'createNode', requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } }, responses: { '201': json({}) } } },
        '/nodes/{id}': {
          parameters: [idParam('id')],
          put: { operationId: 'putNode', responses: { '204': { description: 'ok' } } },
          patch: { operationId: 'patchNode', responses: { '204': { description: 'ok' } } },
          delete: { operationId: 'deleteNode', responses: { '204': { description: 'ok' } } },
          head: { operationId: 'headNode', responses: { '200': { description: 'ok' } } },
        },
      },
      { components: { schemas: { Node: node } } },
    );
    const tools = await toolsOf(spec);
    const create = tools.find((t) => t.name === 'create_nodes')!;
    expect(create.inputSchema['required']).toEqual(['body']);
    expect(JSON.stringify(create.inputSchema)).not.toMatch(/\$ref|\$defs/);
    expect((create.inputSchema['properties'] as Record<string, unknown>)['body']).toMatchObject({ properties: { children: { type: 'array', items: {} } } });
    const hints = Object.fromEntries(tools.map((t) => [t.name, [t.annotations.readOnlyHint, t.annotations.idempotentHint, t.annotations.destructiveHint]]));
    expect(hints).toEqual({
      create_nodes: [false, false, false],
      replace_node: [false, true, true],
      update_node: [false, false, true],
      delete_node: [false, true, true],
      head_node: [true, true, false],
    });
  });

  it('adds cursor-walk arguments to list tools only: an agent-sized default page, fields from the item schema, maxItems', async () => {
    const item = { type: 'object', properties: { id: { type: 'string' }, score: { type: 'number' } } };
    const tools = await toolsOf(specWith({ '/things': pageOf(item) }), { mcp: { defaultPageSize: 50 } });
    const props = tools[0]!.inputSchema['properties'] as Record<string, Record<string, unknown>>;
    expect(tools[0]!.name).toBe('list_things');
    expect(props['pageSize']).toMatchObject({ default: 20, maximum: 20 });
    expect(props['pageSize']!['description']).toMatch(/asks for 20/);
    expect(props['fields']).toMatchObject({ items: { enum: ['id', 'score'] } });
    expect(props['maxItems']).toMatchObject({ maximum: 1000 });
    expect(tools[0]!.list).toEqual({ maxItems: true, fields: ['id', 'score'] });
  });

  it('refuses two arguments with one name', async () => {
    const spec = specWith({ '/x/{q}': { get: { parameters: [idParam('q'), { name: 'q', in: 'query', schema: { type: 'string' } }], responses: { '200': json({}) } } } });
    await expect(toolsOf(spec)).rejects.toThrow(/Argument "q" would appear twice/);
  });
});

describe('generated-mcp/', () => {
  let checked: GenerateResult;
  beforeAll(async () => {
    checked = await pinnedGeneration();
  });

  it('is checked by the generate pipeline beside the client: regenerating changes 0 bytes', async () => {
    const mcp = outputOf(checked, 'mcp')!;
    expect(mcp).toMatchObject({ label: '../generated-mcp', out: join(ROOT, 'generated-mcp'), summary: `${specOperations(pinnedSpec()).length} MCP tools` });
    expect(checked.drift!.filter((d) => d.startsWith('../generated-mcp/'))).toEqual([]);
    for (const [path, text] of mcp.files) expect(await readFile(join(mcp.out, path), 'utf8'), path).toBe(text);
  });

  it('is deterministic, and --check names changed and stale files while user files survive a rewrite', async () => {
    const source = join(ROOT, 'spec', 'codegen.config.yaml');
    const loaded = await loadSpec(pinnedSpecFile());
    const config = resolveConfig(await readConfigFile(source), { title: checked.ir.title });
    const ir = buildIR({ document: loaded.document, openapiVersion: loaded.openapiVersion, location: loaded.location, config });
    const emitted = await mcpTarget.emit({ ir, typescriptVersion: '5.9.3', lock: { generatorVersion: '0', specSha256: '', configSha256: null } });
    const again = { files: await formatFiles(emitted.files) };
    expect([...again.files]).toEqual([...outputOf(checked, 'mcp')!.files]);

    const dir = await tempDir('mcp-out-');
    const out = join(dir, 'generated-mcp');
    await writeAtomically(out, again.files);
    await mkdir(join(out, 'dist'), { recursive: true });
    await writeFile(join(out, 'dist', 'bin.js'), 'built');
    await writeFile(join(out, 'src', 'tools.ts'), 'edited by hand');
    await writeFile(join(out, 'src', 'runtime', 'old.ts'), 'stale');
    expect(await findDrift(out, again.files)).toEqual(['src/runtime/old.ts (stale)', 'src/tools.ts (changed)']);
    await writeAtomically(out, again.files);
    expect(await findDrift(out, again.files)).toEqual([]);
    expect(await readFile(join(out, 'dist', 'bin.js'), 'utf8')).toBe('built');
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an MCP directory that overlaps the client', () => {
    expect(() => mcpOutDir('/x/generated', { out: 'generated' } as McpConfig, 'c.yaml')).toThrow(/overlaps/);
    expect(mcpOutDir('/x/generated', { out: 'generated-mcp' } as McpConfig, 'c.yaml')).toBe('/x/generated-mcp');
  });

  it('declares the client and the SDK as exact dependencies, and a bin for npx', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'generated-mcp', 'package.json'), 'utf8')) as Record<string, unknown>;
    const root = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg).toMatchObject({
      name: 'notai-mcp',
      // The MCP package is released with the client it depends on, at the client's version.
      version: generatedPackageVersion(),
      type: 'module',
      bin: { 'notai-mcp': './dist/bin.js' },
      dependencies: { 'notai-client': generatedPackageVersion(), '@modelcontextprotocol/server': root.devDependencies['@modelcontextprotocol/server'] },
    });
    const client = JSON.parse(await readFile(join(ROOT, 'generated', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(client['dependencies']).toBeUndefined();
    const bin = await readFile(join(ROOT, 'generated-mcp', 'src', 'bin.ts'), 'utf8');
    expect(bin.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const readme = await readFile(join(ROOT, 'generated-mcp', 'README.md'), 'utf8');
    expect(readme).toMatch(/## Add it to an MCP client/);
    expect(readme).toMatch(/"command": "npx"/);
  });

  it('names the client package in one module only, and evaluates no schema text', () => {
    const files = [...outputOf(checked, 'mcp')!.files];
    expect(files.filter(([path, text]) => path.endsWith('.ts') && /from ['"]notai-client['"]/.test(text)).map(([path]) => path)).toEqual(['src/app.ts']);
    for (const [path, text] of files) expect(text, path).not.toMatch(/\beval\(|new Function\(/);
  });
});

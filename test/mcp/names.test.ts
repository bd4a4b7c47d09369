import { describe, expect, it } from 'vitest';
import { readStartupConfig } from '../../templates/mcp/env.js';
import { runList } from '../../templates/mcp/list.js';
import { buildRequest } from '../../templates/mcp/request.js';
import type { ApiClientLike, McpSettings, PageLike, RequestSpecLike, ToolDefinition } from '../../templates/mcp/types.js';
import { argumentChecker } from '../../templates/mcp/validate.js';
import { outputOf } from '../../generator/pipeline.js';
import { json, specWith } from '../helpers/ir.js';
import { evaluateTools, generateWithMcp, toolsOf } from './spec-tools.js';

/** operationIds and names that are also properties of every plain object. */
const OBJECT_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'] as const;

const ok = { '200': json({ type: 'object' }) };

describe('operationIds that are Object.prototype names', () => {
  // No nouns in the path, so each name is derived from the operationId itself.
  const spec = specWith(Object.fromEntries(OBJECT_NAMES.map((id, i) => [`/{p${i}}`, { get: { operationId: id, parameters: [{ name: `p${i}`, in: 'path', required: true, schema: { type: 'string' } }], responses: ok } }])));

  it('name their tools like any other operationId', async () => {
    const tools = await toolsOf(spec);
    expect(tools.map((t) => [t.binding.operationId, t.name])).toEqual([
      ['constructor', 'get_constructor'],
      ['__proto__', 'get_proto'],
      ['toString', 'get_to_string'],
      ['hasOwnProperty', 'get_has_own_property'],
      ['valueOf', 'get_value_of'],
      ['prototype', 'get_prototype'],
    ]);
  });

  it('can be renamed through mcp.toolNames, __proto__ included', async () => {
    const toolNames = Object.fromEntries(OBJECT_NAMES.map((id, i) => [id, `renamed_${i}`]));
    // A YAML config with these keys, as a user writes it (the parser keeps `__proto__` as a key).
    const yaml = `mcp:\n  toolNames:\n${OBJECT_NAMES.map((id, i) => `    ${id}: renamed_${i}\n`).join('')}`;
    const result = await generateWithMcp(spec, yaml);
    const tools = await evaluateTools(outputOf(result, 'mcp')!.files.get('src/tools.ts')!);
    expect(tools.map((t) => [t.binding.operationId, t.name])).toEqual(Object.entries(toolNames));
  });
});

describe('parameters named like Object.prototype properties', () => {
  const parameters = [
    { name: '__proto__', in: 'query', schema: { type: 'string', maxLength: 3 } },
    { name: 'toString', in: 'query', schema: { type: 'string' } },
    { name: 'constructor', in: 'query', required: true, schema: { type: 'integer' } },
  ];
  const spec = specWith({ '/things': { get: { operationId: 'listThings', parameters, responses: ok } } });

  it('survive into the generated tool table as arguments, and are validated', async () => {
    const result = await generateWithMcp(spec);
    const [tool] = await evaluateTools(outputOf(result, 'mcp')!.files.get('src/tools.ts')!);
    const properties = tool!.inputSchema['properties'] as object;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(['__proto__', 'toString', 'constructor']);
    const check = argumentChecker(tool!.inputSchema);
    expect(check(JSON.parse('{"constructor": 1, "__proto__": "abc"}'))).toBeUndefined();
    expect(check(JSON.parse('{"constructor": 1, "__proto__": "abcd"}'))?.message).toMatch(/__proto__/);
    expect(check({})?.message).toMatch(/constructor/);
  });

  it('are sent only when the caller gave them (never an inherited toString)', async () => {
    const [tool] = await toolsOf(spec);
    const request = buildRequest(tool!.binding, JSON.parse('{"constructor": 1, "__proto__": "abc"}') as Record<string, unknown>);
    expect(request.query).toBeDefined();
    expect(Object.entries(request.query!)).toEqual([
      ['__proto__', 'abc'],
      ['constructor', 1],
    ]);
  });
});

describe('paths that need JSON-pointer escaping', () => {
  it('generate: %-escapes, ~ and / in a path are read from the document, not re-decoded from a pointer', async () => {
    const query = (name: string) => [{ name, in: 'query', schema: { type: 'string', enum: [name] } }];
    const body = { required: true, content: { 'application/json': { schema: { type: 'object', properties: { n: { type: 'integer' } } } } } };
    const spec = specWith({
      '/dots/..%2F..%2Fevil': { parameters: query('fromPathItem'), get: { operationId: 'dots', parameters: query('fromOperation'), responses: ok } },
      '/dots': { get: { operationId: 'plainDots', responses: ok } },
      '/a~b/c~1d/%7E': { post: { operationId: 'tilde', parameters: query('t'), requestBody: body, responses: ok } },
    });
    const tools = await toolsOf(spec);
    expect(tools.map((t) => [t.binding.path, Object.keys(t.inputSchema['properties'] as object)])).toEqual([
      ['/dots/..%2F..%2Fevil', ['fromPathItem', 'fromOperation']],
      ['/dots', []],
      ['/a~b/c~1d/%7E', ['t', 'body']],
    ]);
  });
});

describe('runtime objects keyed by spec names', () => {
  it('a page-size parameter named __proto__ is still sent, and an auth form named __proto__ still read', async () => {
    const requests: RequestSpecLike[] = [];
    const page: PageLike = { data: [], body: {}, nextPosition: undefined, position: undefined, hasNextPage: () => false };
    const client: ApiClientLike = {
      request: () => Promise.resolve(undefined),
      requestPage: (spec) => {
        requests.push(spec);
        return { then: (ok, fail) => Promise.resolve(page).then(ok, fail), pages: async function* () {} };
      },
    };
    const tool = {
      name: 'list_things',
      inputSchema: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"integer","default":7}}}') as ToolDefinition['inputSchema'],
      binding: { operationId: 'listThings', method: 'GET', path: '/things', pathParams: [], queryParams: ['__proto__'], responseType: 'json', auth: true, paging: { cursorParam: 'cursor', pageSizeParam: '__proto__', itemsPath: ['data'], nextCursorPath: ['next'] } },
    } as unknown as ToolDefinition;
    await runList(tool, {}, { client, budget: 10_000, defaultPageSize: 25 });
    expect(Object.entries(requests[0]!.query ?? {})).toEqual([['__proto__', 7]]);

    const credentials = JSON.parse('{"__proto__":"API_AUTH_PROTO","oauth":"API_AUTH_OAUTH"}') as Record<string, string>;
    const settings = { env: { apiKey: ['API_KEY'], region: 'API_REGION', baseUrl: 'API_BASE_URL', mode: 'API_MCP_TOOLS', credentials }, regions: ['default'] } as unknown as McpSettings;
    const config = readStartupConfig(settings, { API_AUTH_PROTO: 'secret-1' });
    expect(Object.entries(config.credentials ?? {})).toEqual([['__proto__', 'secret-1']]);
  });
});

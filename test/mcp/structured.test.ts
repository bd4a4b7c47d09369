import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OUTPUT_BUDGET } from '../../generator/ir/tool-output.js';
import { FLAGGED_RESULT_SCHEMA } from '../../templates/mcp/result-schemas.js';
import type { ApiClientLike, RequestSpecLike, ToolDefinition } from '../../templates/mcp/types.js';
import { connect } from './harness.js';
import { toolsOf } from './spec-tools.js';

/**
 * Structured results (outputSchema + structuredContent) for what the contract server does not
 * answer: an enveloped single object, answers that break their documented schema, bodies that are
 * not objects, no body, bytes. A real MCP client lists the tools first, so it checks every
 * structured result against its tool's outputSchema (and would fail the call if one did not conform).
 */
const thing = {
  type: 'object',
  properties: { id: { type: 'string' }, size: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string' }, minItems: 1 }, at: { type: 'string', format: 'date-time' } },
  required: ['id', 'size'],
};
const json = (schema: unknown) => ({ description: 'ok', content: { 'application/json': { schema } } });
const spec = {
  openapi: '3.0.3',
  info: { title: 'Things', version: '1.0.0' },
  paths: {
    '/things/{id}': {
      get: { operationId: 'getThing', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ type: 'object', properties: { data: { $ref: '#/components/schemas/Thing' } }, required: ['data'] }) } },
      delete: { operationId: 'deleteThing', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'gone' } } },
    },
    '/names': { get: { operationId: 'listNames', responses: { '200': json({ type: 'array', items: { type: 'string' } }) } } },
    '/raw': { get: { operationId: 'getRaw', responses: { '200': { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
    '/file': { get: { operationId: 'getFile', responses: { '200': { description: 'ok', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } } },
    '/bare/{id}': { get: { operationId: 'getBare', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': json({ $ref: '#/components/schemas/Thing' }) } } },
  },
  components: { schemas: { Thing: thing } },
};

/** The IR with the envelope (`{ data: X }`) the config names: ir/envelope.ts sets it on getThing. */
const enveloped = (): Promise<ToolDefinition[]> => toolsOf(spec, { envelope: 'data' });

/** Answers every request from a table keyed by path. */
function stubApi(answers: Record<string, unknown>): ApiClientLike & { requests: RequestSpecLike[] } {
  const requests: RequestSpecLike[] = [];
  return {
    requests,
    request: (spec) => {
      requests.push(spec);
      return Promise.resolve(answers[spec.path]);
    },
    requestPage: () => {
      throw new Error('no list tools here');
    },
  };
}

const tool = (tools: readonly ToolDefinition[], operationId: string): ToolDefinition => tools.find((t) => t.binding.operationId === operationId)!;
/** Any key: the server scrubs it from results, so it must not be a word results contain. */
const KEY = 'sk_test_0123456789abcdef';
const good = { id: 't1', size: 3, tags: ['a', 'b'], at: '2024-01-01T00:00:00Z' };

describe('an enveloped single object', () => {
  it('is answered and declared unwrapped when the IR names the envelope', async () => {
    const tools = await enveloped();
    const get = tool(tools, 'getThing');
    expect(get.binding.envelope).toBe('data');
    // The documented branch is Thing itself, not {data: Thing}.
    expect((get.outputSchema!['anyOf'] as Record<string, unknown>[])[0]).toMatchObject({ type: 'object', required: ['id', 'size'], properties: { id: { type: 'string' } } });
    const mcp = await connect({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, api: stubApi({ '/things/t1': { data: good } }), tools });
    try {
      const result = await mcp.call(get.name, { id: 't1' });
      expect(result.isError).toBe(false);
      expect(result.structured).toEqual(good);
      expect(result.json).toEqual(good);
    } finally {
      await mcp.close();
    }
  });

  it('is answered whole, as declared, when the IR names none', async () => {
    const tools = await toolsOf(spec);
    const get = tool(tools, 'getThing');
    expect(get.binding.envelope).toBeUndefined();
    const mcp = await connect({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, api: stubApi({ '/things/t1': { data: good } }), tools });
    try {
      expect((await mcp.call(get.name, { id: 't1' })).structured).toEqual({ data: good });
    } finally {
      await mcp.close();
    }
  });
});

describe('structured content always conforms to the outputSchema', () => {
  it('declares only the shape of results: no formats, bounds or lengths a real answer may break', async () => {
    const schema = tool(await toolsOf(spec), 'getBare').outputSchema!;
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/"format"|"minimum"|"minItems"/);
    expect(schema).toEqual({ type: 'object', anyOf: [expect.objectContaining({ type: 'object', properties: expect.objectContaining({ tags: { type: 'array', items: { type: 'string' } } }) }), FLAGGED_RESULT_SCHEMA] });
  });

  it('flags an answer that breaks its documented schema instead of failing the call', async () => {
    const tools = await toolsOf(spec);
    const bare = tool(tools, 'getBare');
    const wrong = { id: 7, tags: 'none' };
    const mcp = await connect({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, api: stubApi({ '/bare/x': wrong, '/bare/y': good }), tools });
    try {
      const flagged = await mcp.call(bare.name, { id: 'x' });
      expect(flagged.isError).toBe(false);
      expect(flagged.structured).toEqual({ result: wrong, mismatch: expect.stringMatching(/^The answer does not match the documented result schema: /) });
      expect(flagged.json).toEqual(flagged.structured);
      // A conforming answer goes as it is.
      expect((await mcp.call(bare.name, { id: 'y' })).structured).toEqual(good);
    } finally {
      await mcp.close();
    }
  });

  it('cuts a result to the budget and says so in a shape the schema admits', async () => {
    const tools = await toolsOf(spec);
    const bare = tool(tools, 'getBare');
    const big = { id: 't1', size: 1, tags: Array.from({ length: 400 }, (_, i) => `tag-${i}`) };
    const mcp = await connect({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, api: stubApi({ '/bare/x': big }), tools, settings: { resultBudget: 1_000 } });
    try {
      const result = await mcp.call(bare.name, { id: 'x' });
      expect(result.isError).toBe(false);
      expect(result.text.length).toBeLessThanOrEqual(1_000);
      expect(result.structured).toMatchObject({ id: 't1', truncated: { note: expect.stringMatching(/1000-character result budget/) } });
      expect((result.structured!['tags'] as string[]).length).toBeLessThan(400);
    } finally {
      await mcp.close();
    }
  });

  it('wraps values that are not objects as {result}, and answers {ok: true} for no body and type and size for bytes', async () => {
    const tools = await toolsOf(spec);
    expect(tool(tools, 'listNames').wrapResult).toBe(true);
    expect(tool(tools, 'getRaw').wrapResult).toBe(true);
    expect(tool(tools, 'getThing').wrapResult).toBeUndefined();
    const file = new Blob([new Uint8Array(1234)], { type: 'application/pdf' });
    const api = stubApi({ '/names': ['a', 'b'], '/raw': 'plain text', '/file': file, '/things/t1': undefined });
    const mcp = await connect({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, api, tools });
    try {
      expect((await mcp.call(tool(tools, 'listNames').name)).structured).toEqual({ result: ['a', 'b'] });
      expect((await mcp.call(tool(tools, 'getRaw').name)).structured).toEqual({ result: 'plain text' });
      expect((await mcp.call(tool(tools, 'getFile').name)).structured).toEqual({ binary: true, contentType: 'application/pdf', bytes: 1234 });
      const deleted = await mcp.call(tool(tools, 'deleteThing').name, { id: 't1' });
      expect(deleted.structured).toEqual({ ok: true });
      expect(deleted.text).toBe('{"ok":true}');
    } finally {
      await mcp.close();
    }
  });

  it('gives errors no structured content', async () => {
    const tools = await toolsOf(spec);
    const mcp = await connect({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, api: stubApi({}), tools });
    try {
      const invalid = await mcp.call(tool(tools, 'getBare').name, {});
      expect(invalid.isError).toBe(true);
      expect(invalid.structured).toBeUndefined();
      expect(invalid.json['error']).toMatchObject({ code: 'INVALID_ARGUMENTS' });
    } finally {
      await mcp.close();
    }
  });
});

describe('the size of output schemas', () => {
  it('describes a huge response as deeply as the budget allows (Figma: a file is a tree of dozens of node types)', async () => {
    const file = createRequire(import.meta.url).resolve('@figma/rest-api-spec/openapi/openapi.yaml');
    const tools = await toolsOf(parse(await readFile(file, 'utf8')) as Record<string, unknown>, { mcp: { toolNames: {} } });
    const flagged = JSON.stringify(FLAGGED_RESULT_SCHEMA).length;
    for (const t of tools) expect(JSON.stringify(t.outputSchema).length, t.name).toBeLessThanOrEqual(OUTPUT_BUDGET + flagged + 400);
    // Inlined in full, getFile's would be over 100,000 characters; cut, it still names the top-level fields.
    const getFile = tool(tools, 'getFile').outputSchema!;
    expect(Object.keys((getFile['anyOf'] as { properties: Record<string, unknown> }[])[0]!.properties)).toEqual(expect.arrayContaining(['name', 'document', 'components']));
    expect(JSON.stringify(getFile)).not.toContain('$ref');
  }, 60_000);
});

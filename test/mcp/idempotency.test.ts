/**
 * An MCP tool call sends the request the client function would: the operation's idempotency
 * (a key header, an `x-idempotent` mark) travels in the binding, so a POST that declares an
 * `Idempotency-Key` gets one key per call, reused on its retries, and one without stays unretried.
 * Tools come from a fixture spec through the real generator; the real client runtime sends them.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createExecutor } from '../../templates/mcp/execute.js';
import { createLogger, createRedactor } from '../../templates/mcp/log.js';
import type { McpSettings, ToolDefinition } from '../../templates/mcp/types.js';
import { api, clearKeyEnv, makeClient } from '../runtime/fixtures.js';
import { toolsOf } from './spec-tools.js';

const body = { type: 'object', properties: { amount: { type: 'integer' } } };
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } };
const SPEC = {
  openapi: '3.0.3',
  info: { title: 'Orders', version: '1.0.0' },
  servers: [{ url: 'https://api.example.test' }],
  paths: {
    '/v1/charges': {
      post: {
        operationId: 'createCharge',
        parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
        requestBody: { content: { 'application/json': { schema: body } } },
        responses: ok,
      },
      put: { operationId: 'appendCharge', 'x-idempotent': false, requestBody: { content: { 'application/json': { schema: body } } }, responses: ok },
    },
    '/v1/notes': {
      post: { operationId: 'createNote', requestBody: { content: { 'application/json': { schema: body } } }, responses: ok },
    },
    '/v1/search': {
      post: { operationId: 'search', 'x-idempotent': true, requestBody: { content: { 'application/json': { schema: body } } }, responses: ok },
      put: { operationId: 'replaceSearch', requestBody: { content: { 'application/json': { schema: body } } }, responses: ok },
    },
  },
};

const SETTINGS: McpSettings = {
  name: 'orders-mcp',
  version: '1.0.0',
  apiTitle: 'Orders',
  env: { apiKey: ['EXAMPLE_API_KEY'], region: 'ORDERS_REGION', baseUrl: 'ORDERS_BASE_URL', mode: 'ORDERS_MODE' },
  regions: ['us'],
  resultBudget: 20_000,
  defaultPageSize: 10,
  maxItemsLimit: 100,
  dynamicAbove: 40,
};

let tools: ToolDefinition[];
beforeAll(async () => {
  tools = await toolsOf(SPEC);
  nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());
beforeEach(() => clearKeyEnv());
afterEach(() => nock.cleanAll());

const tool = (operationId: string): ToolDefinition => tools.find((t) => t.binding.operationId === operationId)!;

/** Answers `method path` with `statuses` in turn (a 503 asks for an immediate retry); returns the headers of every arrival. */
function serve(method: 'post' | 'put', path: string, statuses: number[]): Record<string, string | undefined>[] {
  const seen: Record<string, string | undefined>[] = [];
  api()
    [method](path)
    .times(statuses.length)
    .reply(function () {
      seen.push({ ...(this.req.headers as Record<string, string>) });
      const status = statuses[seen.length - 1]!;
      return [status, JSON.stringify(status < 300 ? { id: 'ch_1' } : { error: { message: 'try later' } }), { 'content-type': 'application/json', 'retry-after-ms': '0' }];
    });
  return seen;
}

function run(operationId: string, args: Record<string, unknown>) {
  const logger = createLogger({ name: 'orders-mcp', level: 'off', redact: (text) => text, write: () => undefined });
  const executor = createExecutor({ client: makeClient(), settings: SETTINGS, logger, redact: createRedactor(undefined) });
  return executor.run(tool(operationId), args);
}

const KEY = /^example-client-retry-[0-9a-f-]{36}$/;

describe('an MCP tool of a POST that declares Idempotency-Key', () => {
  it('sends one key, the same on each of its 3 attempts, and answers the 200', async () => {
    const seen = serve('post', '/v1/charges', [503, 503, 200]);
    const result = await run('createCharge', { body: { amount: 1 } });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toEqual({ id: 'ch_1' });
    expect(seen).toHaveLength(3);
    const keys = seen.map((headers) => headers['idempotency-key']);
    expect(keys[0]).toMatch(KEY);
    expect(keys).toEqual([keys[0], keys[0], keys[0]]);
  });

  it('sends a new key on each tool call', async () => {
    const seen = serve('post', '/v1/charges', [200, 200]);
    await run('createCharge', { body: { amount: 1 } });
    await run('createCharge', { body: { amount: 1 } });
    expect(seen[0]!['idempotency-key']).toMatch(KEY);
    expect(seen[0]!['idempotency-key']).not.toBe(seen[1]!['idempotency-key']);
  });
});

describe('MCP tools follow the operation, not only its method', () => {
  it('a POST without a key is sent once, with no key', async () => {
    const seen = serve('post', '/v1/notes', [503, 503, 200]);
    const result = await run('createNote', { body: { amount: 1 } });
    expect(result.isError).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!['idempotency-key']).toBeUndefined();
  });

  it('a POST marked x-idempotent: true is retried; a PUT marked false is not', async () => {
    const search = serve('post', '/v1/search', [503, 200]);
    expect((await run('search', { body: {} })).isError).toBeUndefined();
    expect(search).toHaveLength(2);
    const put = serve('put', '/v1/charges', [503, 200]);
    expect((await run('appendCharge', { body: {} })).isError).toBe(true);
    expect(put).toHaveLength(1);
  });

  it('carries the same idempotency value the client emits in its RequestSpec', () => {
    expect(tool('createCharge').binding.idempotency).toEqual({ keyHeader: 'Idempotency-Key' });
    expect(tool('search').binding.idempotency).toBe('idempotent');
    expect(tool('appendCharge').binding.idempotency).toBe('unsafe');
    expect(tool('createNote').binding.idempotency).toBeUndefined();
    expect(tool('replaceSearch').binding.idempotency).toBeUndefined();
  });

  it('hints idempotency from the operation: marks count, a per-call key does not', () => {
    const hint = (id: string): boolean => tool(id).annotations.idempotentHint;
    expect(hint('search')).toBe(true);
    expect(hint('replaceSearch')).toBe(true);
    expect(hint('appendCharge')).toBe(false);
    expect(hint('createNote')).toBe(false);
    // A new key per call: two calls with the same arguments are two charges.
    expect(hint('createCharge')).toBe(false);
  });
});

describe('MCP tools send the headers the client function sends', () => {
  it('a file answer asks for its own media type, not the default application/json', async () => {
    const csv = {
      ...SPEC,
      paths: { '/v1/export': { get: { operationId: 'exportCharges', responses: { '200': { description: 'ok', content: { 'text/csv': { schema: { type: 'string' } } } } } } } },
    };
    const [exportTool] = await toolsOf(csv);
    expect(exportTool!.binding.accept).toBe('text/csv');
    let accept: string | undefined;
    api()
      .get('/v1/export')
      .reply(function () {
        accept = this.req.headers['accept'] as string;
        return [200, 'id\n1\n', { 'content-type': 'text/csv' }];
      });
    const logger = createLogger({ name: 'orders-mcp', level: 'off', redact: (text) => text, write: () => undefined });
    const executor = createExecutor({ client: makeClient(), settings: SETTINGS, logger, redact: createRedactor(undefined) });
    const result = await executor.run(exportTool!, {});
    expect(result.isError).toBeUndefined();
    expect(accept).toBe('text/csv');
  });
});

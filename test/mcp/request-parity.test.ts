import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf } from '../../generator/pipeline.js';
import type { ApiIR, OperationIR } from '../../generator/ir/types.js';
import { createExecutor } from '../../templates/mcp/execute.js';
import { createLogger, createRedactor } from '../../templates/mcp/log.js';
import type { ApiClientLike, McpSettings, ToolDefinition } from '../../templates/mcp/types.js';
import { GENERATED_DIR, GENERATED_MCP_DIR } from '../helpers/pinned.js';
import { pinnedGeneration } from '../helpers/shared-generation.js';
import { specWith } from '../helpers/ir.js';
import { evaluateTools, generateWithMcp } from './spec-tools.js';

/**
 * Issue #17 item 2: the client and the MCP server send a request from the same IR request
 * description. For every operation of the pinned spec and of two foreign specs (Petstore, with
 * JSON, form and multipart bodies, and a fixture with JSON, form, binary, text and multipart
 * bodies, query styles, file answers and lists), the client method and the MCP tool are called
 * with equivalent arguments against a local server, which records what arrives: method, URL,
 * headers (a per-call idempotency key masked) and the body's bytes must be identical.
 */

const PETSTORE = join(import.meta.dirname, '..', '..', 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'petstore.json');

const ok = (schema: unknown = { type: 'object' }) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });
const body = (mediaType: string, schema: unknown, required = true) => ({ required, content: { [mediaType]: { schema } } });
const path = (name: string, type = 'string') => ({ name, in: 'path', required: true, schema: { type } });
const query = (name: string, schema: unknown, extra: Record<string, unknown> = {}) => ({ name, in: 'query', schema, ...extra });
const note = {
  type: 'object',
  required: ['title'],
  properties: { title: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } }, meta: { type: 'object', properties: { pinned: { type: 'boolean' }, rank: { type: 'integer', minimum: 3 } } } },
};
const FIXTURE = specWith({
  '/v1/notes': {
    post: {
      operationId: 'createNote',
      parameters: [query('dryRun', { type: 'boolean' }), { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
      requestBody: body('application/json', note),
      responses: ok(note),
    },
  },
  '/v1/notes/{noteId}': {
    patch: { operationId: 'patchNote', parameters: [path('noteId')], requestBody: body('application/merge-patch+json', note, false), responses: ok(note) },
    delete: { operationId: 'deleteNote', parameters: [path('noteId', 'integer')], responses: { '204': { description: 'gone' } } },
  },
  '/v1/forms/{formId}/submit': {
    post: {
      operationId: 'submitForm',
      parameters: [path('formId')],
      requestBody: body('application/x-www-form-urlencoded', {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, count: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, agree: { type: 'boolean' } },
      }),
      responses: ok(),
    },
  },
  '/v1/files/{name}': {
    put: { operationId: 'putFile', parameters: [path('name')], requestBody: body('application/octet-stream', { type: 'string', format: 'binary' }), responses: { '204': { description: 'stored' } } },
  },
  '/v1/uploads': {
    post: { operationId: 'upload', requestBody: body('multipart/form-data', { type: 'object', properties: { file: { type: 'string', format: 'binary' } } }), responses: ok() },
  },
  '/v1/texts': {
    post: {
      operationId: 'echoText',
      requestBody: body('text/plain', { type: 'string' }),
      responses: { '200': { description: 'ok', content: { 'text/plain': { schema: { type: 'string' } } } } },
    },
  },
  '/v1/search': {
    get: {
      operationId: 'search',
      parameters: [
        query('q', { type: 'string' }),
        query('ids', { type: 'array', items: { type: 'integer' } }, { explode: false }),
        query('kinds', { type: 'array', items: { type: 'string', enum: ['a', 'b'] } }, { style: 'pipeDelimited', explode: false }),
        query('filter', { type: 'object', properties: { owner: { type: 'string' }, min: { type: 'integer' } } }, { style: 'deepObject', explode: true }),
      ],
      responses: ok(),
    },
  },
  '/v1/reports/{id}.pdf': {
    get: { operationId: 'getReport', parameters: [path('id')], responses: { '200': { description: 'ok', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } } },
  },
  '/v1/items': {
    get: {
      operationId: 'listItems',
      parameters: [query('cursor', { type: 'string' }), query('limit', { type: 'integer', minimum: 1, maximum: 50 })],
      responses: ok({ type: 'object', properties: { data: { type: 'array', items: note }, nextCursor: { type: 'string' } } }),
    },
  },
  '/v1/events': {
    get: {
      operationId: 'listEvents',
      parameters: [query('per_page', { type: 'integer', maximum: 100 }), query('page', { type: 'integer' })],
      responses: { '200': { description: 'ok', headers: { Link: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'array', items: note } } } } },
    },
  },
  '/v1/ping': { get: { operationId: 'ping', security: [], responses: ok() } },
}, { components: { securitySchemes: { key: { type: 'http', scheme: 'bearer' } } }, security: [{ key: [] }] });

/** What arrived at the server for one call. */
interface Arrival {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let server: Server;
let base: string;
const arrivals: Arrival[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      // A new key per logical call is the point of the key: its presence must match, not its value.
      if (headers['idempotency-key'] !== undefined) headers['idempotency-key'] = '<per-call key>';
      arrivals.push({ method: req.method ?? '', url: req.url ?? '', headers, body: Buffer.concat(chunks).toString('base64') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

type Schema = Record<string, unknown>;

/** A value the schema accepts, as an agent would fill it in; objects get every property near the top. */
function example(schema: unknown, defs: Record<string, Schema>, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null) return 'text';
  let s = schema as Schema;
  if (typeof s['$ref'] === 'string') s = defs[(s['$ref'] as string).replace('#/$defs/', '')] ?? {};
  if ('const' in s) return s['const'];
  if (Array.isArray(s['enum'])) return s['enum'].find((v) => v !== null);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key];
    if (Array.isArray(options)) return example(options.find((o: Schema) => o['type'] !== 'null') ?? options[0], defs, depth);
  }
  if (Array.isArray(s['allOf'])) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of s['allOf'] as Schema[]) {
      const p = (typeof part['$ref'] === 'string' ? defs[(part['$ref'] as string).replace('#/$defs/', '')] : part) ?? {};
      Object.assign(merged['properties'] as Schema, p['properties'] ?? {});
      (merged['required'] as string[]).push(...((p['required'] as string[] | undefined) ?? []));
    }
    return example(merged, defs, depth);
  }
  const types = Array.isArray(s['type']) ? (s['type'] as string[]) : [s['type'] ?? (s['properties'] ? 'object' : 'string')];
  const type = types.find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set((s['required'] as string[] | undefined) ?? []);
      for (const [name, property] of Object.entries((s['properties'] as Schema | undefined) ?? {})) {
        if (depth < 2 || required.has(name)) out[name] = example(property, defs, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, Number(s['minItems'] ?? 1)) }, () => example(s['items'], defs, depth + 1));
    case 'integer':
    case 'number': {
      const min = typeof s['minimum'] === 'number' ? s['minimum'] : typeof s['exclusiveMinimum'] === 'number' ? s['exclusiveMinimum'] + 1 : 3;
      const max = typeof s['maximum'] === 'number' ? s['maximum'] : Infinity;
      return Math.min(Math.max(min, 3), max);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      const formats: Record<string, string> = { 'date-time': '2024-01-02T03:04:05Z', date: '2024-01-02', email: 'a@example.com', uri: 'https://example.com/x', uuid: '123e4567-e89b-12d3-a456-426614174000' };
      const text = formats[String(s['format'])] ?? 'a b/ç';
      return text.padEnd(Number(s['minLength'] ?? 0), 'x');
    }
  }
}

/** The tool's arguments for its operation's own parameters and body (none of the list-walk extras). */
function argumentsFor(tool: ToolDefinition): Record<string, unknown> {
  const properties = tool.inputSchema['properties'] as Record<string, Schema>;
  const defs = (tool.inputSchema['$defs'] ?? {}) as Record<string, Schema>;
  const own = [...tool.binding.pathParams, ...tool.binding.queryParams, ...(tool.binding.body ? ['body'] : [])];
  return Object.fromEntries(own.map((name) => [name, example(properties[name], defs)]));
}

type Method = (...args: unknown[]) => PromiseLike<unknown>;

/** The same call through the client's method: path values, body, the query parameters (no header ones: tools take none). */
function clientCall(client: Record<string, Record<string, Method>>, op: OperationIR, args: Record<string, unknown>): PromiseLike<unknown> {
  const call: unknown[] = op.pathParams.map((p) => args[p.name]);
  if (op.requestBody) call.push(args['body']);
  if (op.namedParams.length > 0) call.push(Object.fromEntries(op.namedParams.filter((p) => p.in === 'query').map((p) => [p.name, args[p.name]])));
  const resource = client[op.resource]!;
  return resource[op.resourceMethod]!.apply(resource, call);
}

const SETTINGS: McpSettings = {
  name: 'parity-mcp',
  version: '1.0.0',
  apiTitle: 'Parity',
  env: { apiKey: ['PARITY_API_KEY'], region: 'PARITY_REGION', baseUrl: 'PARITY_BASE_URL', mode: 'PARITY_MODE' },
  regions: ['default'],
  resultBudget: 40_000,
  defaultPageSize: 25,
  maxItemsLimit: 100,
  dynamicAbove: 1000,
};

interface Target {
  ir: ApiIR;
  tools: readonly ToolDefinition[];
  client: ApiClientLike & Record<string, Record<string, Method>>;
}

/** For every tool: what the client sent, what the tool sent (or why it sent nothing), side by side. */
async function compare({ ir, tools, client }: Target): Promise<{ tool: string; client: Arrival[]; mcp: Arrival[] | string }[]> {
  const logger = createLogger({ name: 'parity', level: 'off', redact: (text) => text, write: () => undefined });
  const executor = createExecutor({ client, settings: SETTINGS, logger, redact: createRedactor(undefined) });
  const rows = [];
  for (const tool of tools) {
    const op = ir.operations.find((o) => o.operationId === tool.binding.operationId)!;
    const args = argumentsFor(tool);
    arrivals.length = 0;
    // The answer may not fit the operation (`{}` for everything): only the request matters here.
    await Promise.resolve(clientCall(client, op, args)).catch(() => undefined);
    const sentByClient = arrivals.splice(0);
    const result = await executor.run(tool, args);
    const sentByTool = arrivals.splice(0);
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    rows.push({ tool: tool.name, client: sentByClient, mcp: sentByTool.length === 0 && result.isError === true ? `sent nothing: ${text}` : sentByTool });
  }
  return rows;
}

function expectParity(rows: Awaited<ReturnType<typeof compare>>, operations: number): void {
  expect(rows).toHaveLength(operations);
  for (const row of rows) {
    expect(row.client, `${row.tool}: the client sends one request`).toHaveLength(1);
    expect({ tool: row.tool, sent: row.mcp }).toEqual({ tool: row.tool, sent: row.client });
  }
}

async function foreign(spec: Record<string, unknown>): Promise<Target> {
  const result = await generateWithMcp(spec);
  const tools = await evaluateTools(outputOf(result, 'mcp')!.files.get('src/tools.ts')!);
  const module = (await import(pathToFileURL(join(result.dir, 'client', 'src', 'index.ts')).href)) as Record<string, new (options: object) => Target['client']>;
  const client = new module[result.ir.clientClassName]!({ baseUrl: base, apiKey: 'k_0123456789', maxRetries: 0 });
  return { ir: result.ir, tools, client };
}

describe('client and MCP tool send the same request', () => {
  it('for every operation of the pinned spec (generated/ and generated-mcp/ as committed)', async () => {
    const { ir } = await pinnedGeneration();
    const { TOOLS } = (await import(pathToFileURL(join(GENERATED_MCP_DIR, 'src', 'tools.ts')).href)) as { TOOLS: readonly ToolDefinition[] };
    const module = (await import(pathToFileURL(join(GENERATED_DIR, 'src', 'index.ts')).href)) as Record<string, new (options: object) => Target['client']>;
    const client = new module[ir.clientClassName]!({ baseUrl: base, apiKey: `aik_v1_${'a'.repeat(40)}`, maxRetries: 0 });
    expectParity(await compare({ ir, tools: TOOLS, client }), ir.operations.length);
  }, 120_000);

  it('for every operation of Petstore (JSON, form and multipart bodies)', async () => {
    const { readFile } = await import('node:fs/promises');
    const target = await foreign(JSON.parse(await readFile(PETSTORE, 'utf8')) as Record<string, unknown>);
    const rows = await compare(target);
    expectParity(rows, target.ir.operations.length);
    // The form body is encoded by the runtime for both, not sent as text.
    const form = rows.find((r) => r.tool === target.tools.find((t) => t.binding.operationId === 'updatePetWithForm')!.name)!;
    expect(form.client[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Buffer.from(form.client[0]!.body, 'base64').toString()).toBe('name=a+b%2F%C3%A7&status=a+b%2F%C3%A7');
  }, 120_000);

  it('for every operation of a fixture with JSON, form, binary, text and multipart bodies, query styles and lists', async () => {
    const target = await foreign(FIXTURE);
    const rows = await compare(target);
    expectParity(rows, target.ir.operations.length);
    const sent = (id: string) => rows.find((r) => r.tool === target.tools.find((t) => t.binding.operationId === id)!.name)!.client[0]!;
    expect(Buffer.from(sent('submitForm').body, 'base64').toString()).toBe('name=a+b%2F%C3%A7&count=3&tags=a+b%2F%C3%A7&agree=true');
    expect(sent('putFile').headers['content-type']).toBe('application/octet-stream');
    expect(sent('createNote').headers['idempotency-key']).toBe('<per-call key>');
    expect(sent('search').url).toContain('filter%5Bowner%5D=');
  }, 120_000);
});

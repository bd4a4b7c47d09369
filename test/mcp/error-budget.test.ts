import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonSize } from '../../templates/mcp/budget.js';
import { createLogger, createRedactor, REDACTED } from '../../templates/mcp/log.js';
import { createToolServer } from '../../templates/mcp/server.js';
import { fitError } from '../../templates/mcp/truncate.js';
import type { ApiClientLike, McpSettings, ToolDefinition } from '../../templates/mcp/types.js';

/** A made-up API: one tool, and a client whose every call answers with `answer`. */
const BUDGET = 2_000;
const KEY = 'mk_test_0123456789abcdefSECRET';
const settings: McpSettings = {
  name: 'made-up-mcp',
  version: '1.0.0',
  apiTitle: 'Made-up API',
  env: { apiKey: ['MADEUP_API_KEY'], region: 'MADEUP_REGION', baseUrl: 'MADEUP_BASE_URL', mode: 'MADEUP_MCP_TOOLS' },
  regions: ['default'],
  resultBudget: BUDGET,
  defaultPageSize: 10,
  maxItemsLimit: 100,
  dynamicAbove: 40,
};
const tool: ToolDefinition = {
  name: 'get_widget',
  title: 'Get widget',
  description: 'Gets a widget.',
  inputSchema: { type: 'object', properties: { id: { type: 'string' } }, additionalProperties: false },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  binding: { operationId: 'getWidget', method: 'GET', path: '/widgets', pathParams: [], queryParams: ['id'], responseType: 'json', auth: true },
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function call(answer: () => unknown, mode: 'static' | 'dynamic' = 'static', name = tool.name, args: Record<string, unknown> = {}) {
  const client: ApiClientLike = {
    request: () => Promise.resolve().then(answer),
    requestPage: () => {
      throw new Error('not a list');
    },
  };
  const logger = createLogger({ name: 'test', level: 'off', redact: createRedactor(KEY), write: () => {} });
  const server = createToolServer({ settings, tools: [tool], client, apiKey: KEY, logger, mode });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: 'error-budget-test', version: '1.0.0' });
  await mcp.connect(clientSide);
  open.push(async () => {
    await mcp.close();
    await server.close();
  });
  const result = await mcp.callTool({ name, arguments: args });
  const text = (result.content as { type: string; text: string }[]).map((c) => c.text).join('');
  return { isError: result.isError === true, text, json: JSON.parse(text) as { error?: Record<string, unknown>; truncated?: { note: string } } };
}

describe('error results obey the result budget', () => {
  it('a 5 MB API error message is cut to the budget, said in `truncated` as for a success, keeping code, status and hint', async () => {
    const { isError, text, json } = await call(() => {
      throw new ApiError(502, 'm'.repeat(5_000_000), 'UPSTREAM_FAILED');
    });
    expect(isError).toBe(true);
    expect(text.length).toBeLessThanOrEqual(BUDGET);
    expect(json.error).toMatchObject({ code: 'UPSTREAM_FAILED', status: 502, hint: expect.stringMatching(/try again later/) });
    expect(json.error!['message']).toMatch(/^m+…$/);
    expect(json.truncated!.note).toMatch(new RegExp(`did not fit the ${BUDGET}-character result budget: message cut to \\d+ of 5000000 characters`));

    // A success over the budget says it the same way: a `truncated` note beside the body.
    const success = await call(() => ({ rows: Array.from({ length: 5_000 }, (_, i) => i) }));
    expect(success.text.length).toBeLessThanOrEqual(BUDGET);
    expect(success.json.truncated!.note).toMatch(new RegExp(`${BUDGET}-character result budget`));
  });

  it('cuts long arrays in details first, then drops details that still do not fit', async () => {
    const listed = await call(() => {
      throw new ApiError(422, 'Invalid rows.', 'VALIDATION_ERROR', { field: 'rows', errors: Array.from({ length: 10_000 }, (_, i) => ({ row: i })) });
    });
    expect(listed.text.length).toBeLessThanOrEqual(BUDGET);
    expect(listed.json.error).toMatchObject({ code: 'VALIDATION_ERROR', message: 'Invalid rows.', details: { field: 'rows' } });
    expect(listed.json.truncated!.note).toMatch(/\/error\/details\/errors kept \d+ of 10000/);

    const blob = await call(() => {
      throw new ApiError(400, 'Bad.', 'BAD', { dump: 'd'.repeat(1_000_000) });
    });
    expect(blob.text.length).toBeLessThanOrEqual(BUDGET);
    expect(blob.json.error).toMatchObject({ code: 'BAD', message: 'Bad.' });
    expect(blob.json.error!['details']).toBeUndefined();
    expect(blob.json.truncated!.note).toMatch(/details \(1000011 characters of JSON\) left out/);
  });

  it('redacts before cutting, so no prefix of the key survives a cut', async () => {
    const { text } = await call(() => {
      throw new ApiError(500, `${KEY} `.repeat(200_000), 'KEY_ECHO');
    });
    expect(text.length).toBeLessThanOrEqual(BUDGET);
    expect(text).toContain(REDACTED);
    expect(text).not.toContain(KEY.slice(0, 6));
  });

  it('covers the errors the server makes itself: unknown operations and invalid arguments in dynamic mode', async () => {
    const huge = 'n'.repeat(1_000_000);
    const unknown = await call(() => ({}), 'dynamic', 'call_operation', { name: huge });
    expect(unknown.text.length).toBeLessThanOrEqual(BUDGET);
    expect(unknown.json.error).toMatchObject({ code: 'UNKNOWN_OPERATION' });
    const invalid = await call(() => ({}), 'static', tool.name, { id: 'x', [huge]: 1 });
    expect(invalid.text.length).toBeLessThanOrEqual(BUDGET);
    expect(invalid.json.error).toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });

  it('fitError stays within every budget, with multi-byte text and JSON escapes', () => {
    const error = { code: 'X', status: 500, message: '😀"\\\n'.repeat(50_000), hint: 'Try again.', requestId: 'r'.repeat(30_000) };
    for (const budget of [1_000, 1_500, 4_000, 40_000]) {
      const out = fitError(error, budget) as { error: Record<string, unknown>; truncated: { note: string } };
      expect(jsonSize(out)).toBeLessThanOrEqual(budget);
      expect(out.error['code']).toBe('X');
      expect(JSON.stringify(out)).not.toMatch(/\\ud83d/i); // no lone surrogate (a pair is written as is)
      expect(out.truncated.note).toMatch(/message cut to \d+ of 250000 characters/);
    }
    const small = { error: { code: 'X', message: 'fits' } };
    expect(fitError(small.error, 1_000)).toEqual(small);
  });
});

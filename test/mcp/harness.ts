import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { NotAi } from '../../generated/src/index.js';
import type { ToolMode } from '../../generated-mcp/src/runtime/env.js';
import { createLogger, createRedactor } from '../../generated-mcp/src/runtime/log.js';
import { createToolServer } from '../../generated-mcp/src/runtime/server.js';
import type { ApiClientLike, McpSettings, ToolDefinition } from '../../generated-mcp/src/runtime/types.js';
import { MCP_SETTINGS } from '../../generated-mcp/src/settings.js';
import { TOOLS } from '../../generated-mcp/src/tools.js';

export interface Harness {
  client: Client;
  /** Every log line the server and the API client wrote (at debug level). */
  logs: string[];
  /** Calls a tool and returns its text, parsed JSON and structured content. */
  call(name: string, args?: Record<string, unknown>): Promise<CallOutcome>;
  close(): Promise<void>;
}

export interface CallOutcome {
  isError: boolean;
  text: string;
  json: Record<string, unknown>;
  structured: Record<string, unknown> | undefined;
}

export interface HarnessOptions {
  baseUrl: string;
  /** Absent: the server runs as started without a key (missingKey names the variables). */
  apiKey?: string;
  mode?: ToolMode;
  settings?: Partial<McpSettings>;
  /** Stands in for the generated client (answers the contract server does not give). */
  api?: ApiClientLike;
  tools?: readonly ToolDefinition[];
}

/**
 * A real MCP client talking to the generated server over the SDK's in-memory transport; the
 * server calls the contract server through the generated client (no retries, so 429s surface).
 */
export async function connect({ baseUrl, apiKey, mode, settings, api, tools = TOOLS }: HarnessOptions): Promise<Harness> {
  const logs: string[] = [];
  const logger = createLogger({ name: 'notai-mcp', level: 'debug', redact: createRedactor(apiKey), write: (line) => logs.push(line) });
  // As the bin does without a key: a client for keyless operations only (generated-mcp/src/app.ts).
  const client_ = api ?? new NotAi({ apiKey: apiKey ?? null, baseUrl, maxRetries: 0, logger, logLevel: 'debug' });
  const missingKey = apiKey === undefined ? { missingKey: MCP_SETTINGS.env.apiKey } : {};
  const server = createToolServer({ settings: { ...MCP_SETTINGS, ...settings }, tools, client: client_, ...(apiKey === undefined ? {} : { apiKey }), logger, ...(mode ? { mode } : {}), ...missingKey });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(clientSide);
  // Listed once, as agents do: the client then checks every structured result against its tool's outputSchema.
  await client.listTools();
  return {
    client,
    logs,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text?: string }[];
      const text = content.map((c) => c.text ?? '').join('');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Validation errors from the SDK are plain text.
      }
      const structured = result.structuredContent as Record<string, unknown> | undefined;
      return { isError: result.isError === true, text, json, structured };
    },
    async close() {
      await client.close();
      await server.close();
    },
  };
}

export interface ListPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
  hasMore: boolean;
  truncated?: unknown;
}

export const asPage = (json: Record<string, unknown>): ListPage => json as unknown as ListPage;

import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { NotAi } from '../../generated/src/index.js';
import type { ToolMode } from '../../generated-mcp/src/runtime/env.js';
import { createLogger, createRedactor } from '../../generated-mcp/src/runtime/log.js';
import { createToolServer } from '../../generated-mcp/src/runtime/server.js';
import type { McpSettings } from '../../generated-mcp/src/runtime/types.js';
import { MCP_SETTINGS } from '../../generated-mcp/src/settings.js';
import { TOOLS } from '../../generated-mcp/src/tools.js';

export interface Harness {
  client: Client;
  /** Every log line the server and the API client wrote (at debug level). */
  logs: string[];
  /** Calls a tool and returns its text and parsed JSON. */
  call(name: string, args?: Record<string, unknown>): Promise<{ isError: boolean; text: string; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  baseUrl: string;
  apiKey: string;
  mode?: ToolMode;
  settings?: Partial<McpSettings>;
}

/**
 * A real MCP client talking to the generated server over the SDK's in-memory transport; the
 * server calls the contract server through the generated client (no retries, so 429s surface).
 */
export async function connect({ baseUrl, apiKey, mode, settings }: HarnessOptions): Promise<Harness> {
  const logs: string[] = [];
  const logger = createLogger({ name: 'notai-mcp', level: 'debug', redact: createRedactor(apiKey), write: (line) => logs.push(line) });
  const api = new NotAi({ apiKey, baseUrl, maxRetries: 0, logger, logLevel: 'debug' });
  const server = createToolServer({ settings: { ...MCP_SETTINGS, ...settings }, tools: TOOLS, client: api, apiKey, logger, ...(mode ? { mode } : {}) });
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(clientSide);
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
      return { isError: result.isError === true, text, json };
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

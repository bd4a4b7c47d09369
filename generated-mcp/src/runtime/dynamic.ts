// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/dynamic.ts.
/**
 * Dynamic mode, for APIs with too many operations to list as tools: three tools that search the
 * operation table, describe one operation (its input schema) and call it. The table is the same
 * one static mode registers, so both modes run every call through the same executor.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Executor } from './execute.js';
import { textResult } from './execute.js';
import type { Redact } from './log.js';
import type { JsonObject, ToolAnnotations, ToolDefinition } from './types.js';

export interface MetaTool {
  name: string;
  title: string;
  description: string;
  inputSchema: JsonObject;
  annotations: ToolAnnotations;
  run(args: Record<string, unknown>, signal?: AbortSignal): Promise<CallToolResult>;
}

const READ_ONLY: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

/** Keyword relevance: name and path weigh most, then title, then description. */
export function searchTools(tools: readonly ToolDefinition[], query: string, limit: number): ToolDefinition[] {
  const terms = words(query);
  const scored = tools.map((tool) => {
    const fields: [string, number][] = [
      [tool.name, 4],
      [`${tool.binding.method} ${tool.binding.path}`, 3],
      [tool.title, 2],
      [tool.description, 1],
    ];
    let score = 0;
    for (const term of terms) {
      for (const [text, weight] of fields) if (words(text).some((w) => w.startsWith(term))) score += weight;
    }
    return { tool, score };
  });
  const hits = terms.length === 0 ? scored : scored.filter((s) => s.score > 0);
  return hits
    .sort((a, b) => b.score - a.score || a.tool.name.localeCompare(b.tool.name))
    .slice(0, limit)
    .map((s) => s.tool);
}

function unknownOperation(name: unknown, executor: Executor): CallToolResult {
  return executor.fail({
    code: 'UNKNOWN_OPERATION',
    message: `No operation named ${JSON.stringify(name)}.`,
    hint: 'Use search_operations to find operation names.',
  });
}

export function metaTools(tools: readonly ToolDefinition[], executor: Executor, redact: Redact): MetaTool[] {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const allReadOnly = tools.every((t) => t.annotations.readOnlyHint);
  const allIdempotent = tools.every((t) => t.annotations.idempotentHint);
  const nameArgument = { type: 'string', description: 'Operation name, as returned by search_operations.' };
  return [
    {
      name: 'search_operations',
      title: 'Search operations',
      description: `Finds API operations by keywords (${tools.length} in all). Returns name, title, HTTP method and path of the best matches; then call describe_operation for one operation's input schema, and call_operation to run it.`,
      inputSchema: {
        type: 'object',
        properties: {
          query: {
            type: 'string',
            maxLength: 200,
            description: 'Keywords, e.g. "list sessions" or "user events". Empty lists every operation.',
          },
          limit: {
            type: 'integer',
            minimum: 1,
            maximum: 50,
            default: 10,
            description: 'How many matches to return (default 10).',
          },
        },
        required: ['query'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
      async run(args) {
        const limit = typeof args['limit'] === 'number' ? args['limit'] : 10;
        const found = searchTools(tools, String(args['query'] ?? ''), limit);
        const operations = found.map((t) => ({
          name: t.name,
          title: t.title,
          method: t.binding.method,
          path: t.binding.path,
          readOnly: t.annotations.readOnlyHint,
        }));
        return textResult({ operations, total: tools.length }, redact);
      },
    },
    {
      name: 'describe_operation',
      title: 'Describe an operation',
      description:
        "Returns one operation's description, input schema, output schema and hints; pass arguments matching the input schema to call_operation.",
      inputSchema: {
        type: 'object',
        properties: { name: nameArgument },
        required: ['name'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
      async run(args) {
        const tool = byName.get(String(args['name']));
        if (tool === undefined) return unknownOperation(args['name'], executor);
        const { name, title, description, inputSchema, outputSchema, annotations } = tool;
        // The output schema says what call_operation's structuredContent holds for this operation.
        const output = outputSchema === undefined ? {} : { outputSchema };
        return textResult({ name, title, description, inputSchema, ...output, annotations }, redact);
      },
    },
    {
      name: 'call_operation',
      title: 'Call an operation',
      description:
        "Calls one operation with arguments matching its input schema (see describe_operation). The result is the same as calling that operation's own tool.",
      inputSchema: {
        type: 'object',
        properties: {
          name: nameArgument,
          arguments: { type: 'object', description: 'Arguments for the operation, per its input schema.' },
        },
        required: ['name'],
        additionalProperties: false,
      },
      annotations: {
        readOnlyHint: allReadOnly,
        destructiveHint: !allReadOnly,
        idempotentHint: allIdempotent,
        openWorldHint: false,
      },
      async run(args, signal) {
        const tool = byName.get(String(args['name']));
        if (tool === undefined) return unknownOperation(args['name'], executor);
        // The executor validates the arguments against the operation's schema, as for its own tool.
        return executor.run(tool, (args['arguments'] ?? {}) as Record<string, unknown>, signal);
      },
    },
  ];
}

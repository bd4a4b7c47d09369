/**
 * Builds the MCP server from the generated table: one tool per operation (static mode), or the
 * three dynamic-mode tools, which become the default above `settings.dynamicAbove` tools.
 */
import { McpServer } from '@modelcontextprotocol/server';
import type { ToolMode } from './env.js';
import { createExecutor } from './execute.js';
import { metaTools } from './dynamic.js';
import { createLogger, createRedactor, type Logger, type Redact } from './log.js';
import type { ApiClientLike, McpSettings, ToolDefinition } from './types.js';
import { argumentChecker, inputSchemaOf } from './validate.js';

export interface ToolServerOptions {
  settings: McpSettings;
  tools: readonly ToolDefinition[];
  client: ApiClientLike;
  /** The API key, so that no result or log line can contain it. */
  apiKey?: string;
  /** Further keys (the client's `credentials`), for the same reason. */
  credentials?: Readonly<Record<string, string>>;
  mode?: ToolMode;
  logger?: Logger;
  /**
   * Started without any key: the variables that would hold one. Tools stay listed; calls that
   * need a key answer MISSING_API_KEY naming them.
   */
  missingKey?: readonly string[];
}

export function defaultMode(settings: McpSettings, tools: readonly ToolDefinition[]): ToolMode {
  return tools.length > settings.dynamicAbove ? 'dynamic' : 'static';
}

function instructions(settings: McpSettings, mode: ToolMode, missingKey: readonly string[] | undefined): string {
  const lists =
    'List tools return one page as {items, nextCursor, hasMore}; pass nextCursor back unchanged as cursor (with the same other arguments) for the next page. ' +
    'Use fields to return fewer properties per item and maxItems to collect several pages at once.';
  const budget = `Results are capped at ${settings.resultBudget} characters of JSON; a list that would exceed it returns fewer items, with a nextCursor that resumes exactly after them.`;
  const start = mode === 'dynamic' ? 'Use search_operations, then describe_operation, then call_operation. ' : '';
  const structured = "Results are JSON, as text and as structuredContent matching each tool's outputSchema.";
  const noKey =
    missingKey === undefined
      ? ''
      : ` No API key is set: operations that need one answer MISSING_API_KEY until ${missingKey.join(' or ')} is set in this server's environment.`;
  return `Tools for the ${settings.apiTitle}. ${start}${lists} ${budget} ${structured} Errors come back as results with a stable code, the HTTP status and a hint.${noKey}`;
}

export function createToolServer(options: ToolServerOptions): McpServer {
  const { settings, tools, client } = options;
  const redact: Redact = createRedactor([options.apiKey, ...Object.values(options.credentials ?? {})]);
  const logger =
    options.logger ??
    createLogger({ name: settings.name, level: 'warn', redact, write: (line) => process.stderr.write(line) });
  const mode = options.mode ?? defaultMode(settings, tools);
  const server = new McpServer(
    { name: settings.name, version: settings.version },
    { capabilities: { tools: { listChanged: false } }, instructions: instructions(settings, mode, options.missingKey) },
  );
  const executor = createExecutor({
    client,
    settings,
    logger,
    redact,
    ...(options.missingKey === undefined ? {} : { missingKey: options.missingKey }),
  });
  if (mode === 'static') {
    for (const tool of tools) {
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: tool.description,
          inputSchema: inputSchemaOf(tool.inputSchema),
          ...(tool.outputSchema === undefined ? {} : { outputSchema: inputSchemaOf(tool.outputSchema) }),
          annotations: tool.annotations,
        },
        (args, ctx) => executor.run(tool, args, ctx.mcpReq.signal),
      );
    }
  } else {
    for (const meta of metaTools(tools, executor, redact)) {
      const check = argumentChecker(meta.inputSchema);
      server.registerTool(
        meta.name,
        {
          title: meta.title,
          description: meta.description,
          inputSchema: inputSchemaOf(meta.inputSchema),
          annotations: meta.annotations,
        },
        (args, ctx) => {
          const problem = check(args);
          if (problem === undefined) return meta.run(args, ctx.mcpReq.signal);
          return executor.fail({
            code: 'INVALID_ARGUMENTS',
            message: `Invalid arguments for ${meta.name}: ${problem.message}`,
            hint: 'Fix the arguments (see the tool input schema) and call again.',
          });
        },
      );
    }
  }
  return server;
}

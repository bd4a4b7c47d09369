/**
 * One tool call, start to finish: arguments → client call → result within the budget → text.
 * Every failure becomes an `isError` result; every text passes the redactor.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import { describeError } from './errors.js';
import { runList } from './list.js';
import type { Logger, Redact } from './log.js';
import { buildRequest, type ToolArguments } from './request.js';
import { getOwn, setOwn } from './own.js';
import { structuredResult } from './structured.js';
import { fitError, fitObject } from './truncate.js';
import type { ApiClientLike, McpSettings, ToolDefinition } from './types.js';
import { argumentChecker, type ArgumentProblem } from './validate.js';

export interface Executor {
  run(tool: ToolDefinition, args: ToolArguments, signal?: AbortSignal): Promise<CallToolResult>;
  /** An `isError` result for `error`, redacted and within the result budget like every result. */
  fail(error: Readonly<Record<string, unknown>>): CallToolResult;
}

export interface ExecutorOptions {
  client: ApiClientLike;
  settings: McpSettings;
  logger: Logger;
  redact: Redact;
  /**
   * Set when the server started without any key: the variables that would hold one. Calls of
   * operations that need a key then answer MISSING_API_KEY naming them; keyless ones still run.
   */
  missingKey?: readonly string[];
}

/**
 * A successful result of a tool with an output schema: the same JSON as text and as
 * `structuredContent`, every string redacted in both.
 */
export function structuredToolResult(value: Record<string, unknown>, redact: Redact): CallToolResult {
  const structuredContent = redactValue(value, redact) as Record<string, unknown>;
  return { content: [{ type: 'text', text: redact(JSON.stringify(structuredContent)) }], structuredContent };
}

export function textResult(value: unknown, redact: Redact, isError = false): CallToolResult {
  const text = redact(JSON.stringify(value === undefined ? { ok: true } : value));
  return isError ? { content: [{ type: 'text', text }], isError: true } : { content: [{ type: 'text', text }] };
}

/** Every string (and key) of a JSON value passed through the redactor. */
function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, redact));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(out, redact(key), redactValue(item, redact));
  return out;
}

/**
 * An error result within `budget`. Redacted before it is cut (a cut through a key would leave a
 * prefix the redactor cannot see), and again as text like every result.
 */
export function errorResult(error: Readonly<Record<string, unknown>>, redact: Redact, budget: number): CallToolResult {
  const safe = redactValue(error, redact) as Record<string, unknown>;
  return textResult(fitError(safe, budget), redact, true);
}

export function createExecutor({ client, settings, logger, redact, missingKey }: ExecutorOptions): Executor {
  const budget = settings.resultBudget;
  const fail = (error: Readonly<Record<string, unknown>>): CallToolResult => errorResult(error, redact, budget);
  const checkers = new WeakMap<ToolDefinition, (args: unknown) => ArgumentProblem | undefined>();
  const check = (tool: ToolDefinition, args: unknown): ArgumentProblem | undefined => {
    let checker = checkers.get(tool);
    if (checker === undefined) {
      checker = argumentChecker(tool.inputSchema);
      checkers.set(tool, checker);
    }
    return checker(args);
  };
  return {
    fail,
    async run(tool, args, signal) {
      const started = Date.now();
      if (missingKey !== undefined && tool.binding.auth) {
        logger.debug(`${tool.name} needs an API key and none is set`);
        return fail(missingKeyError(missingKey));
      }
      const problem = check(tool, args);
      if (problem !== undefined) {
        logger.debug(`${tool.name} rejected its arguments: ${problem.message}`);
        const error = {
          code: 'INVALID_ARGUMENTS',
          message: `Invalid arguments for ${tool.name}: ${problem.message}`,
          ...(problem.field === undefined ? {} : { details: { field: problem.field } }),
          hint: 'Fix the arguments (see the tool input schema) and call again; nothing was sent to the API.',
        };
        return fail(error);
      }
      try {
        let value: unknown;
        if (tool.binding.paging !== undefined) {
          value = await runList(tool, args, {
            client,
            budget,
            defaultPageSize: settings.defaultPageSize,
            ...(signal === undefined ? {} : { signal }),
          });
        } else {
          const data = await client.request(buildRequest(tool.binding, args), signal === undefined ? {} : { signal });
          const body = describeBinary(unwrap(data, tool.binding.envelope));
          // No body (204): `{ ok: true }`, as the output schema says; a JSON null stays null.
          const answer = body === undefined ? { ok: true } : body;
          value = fitObject(tool.wrapResult === true ? { result: answer } : answer, budget);
        }
        const result =
          tool.outputSchema !== undefined && isPlainObject(value)
            ? structuredToolResult(structuredResult(tool, value, budget), redact)
            : textResult(value, redact);
        logger.debug(`${tool.name} ok in ${Date.now() - started} ms`, {
          characters: result.content[0]?.type === 'text' ? result.content[0].text.length : 0,
        });
        return result;
      } catch (error) {
        const info = describeError(error, settings.env.apiKey);
        if (info.code === 'INTERNAL_ERROR') logger.error(`${tool.name} failed unexpectedly`, { error });
        else
          logger.debug(
            `${tool.name} failed in ${Date.now() - started} ms: ${info.code}${info.status === undefined ? '' : ` (HTTP ${info.status})`}`,
          );
        // Errors obey the budget too: an API may answer with a message of megabytes.
        return fail({ ...info });
      }
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value inside a single-object envelope (`{ data: X }` → X); the body whole when it is not one. */
function unwrap(data: unknown, envelope: string | undefined): unknown {
  if (envelope === undefined || !isPlainObject(data) || !Object.hasOwn(data, envelope)) return data;
  return getOwn(data, envelope);
}

/** What a call that needs a key answers when the server has none: which variables to set. */
export function missingKeyError(vars: readonly string[]): Record<string, unknown> {
  return {
    code: 'MISSING_API_KEY',
    message: `This operation needs an API key and the server has none: set ${vars.join(' or ')} in the environment of this server (the "env" block of the MCP client's server entry), then restart it.`,
    hint: `Ask the user to set ${vars.join(' or ')} for this MCP server; retrying will not help. Operations that need no key still work.`,
  };
}

/** A file or image cannot be shown as text: the agent gets its type and size instead. */
function describeBinary(data: unknown): unknown {
  if (typeof Blob === 'undefined' || !(data instanceof Blob)) return data;
  return { binary: true, contentType: data.type || 'application/octet-stream', bytes: data.size };
}

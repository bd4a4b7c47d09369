// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/errors.ts.
/**
 * Failures become tool results with `isError: true` that an agent can act on: the API's stable
 * code, the HTTP status, the message, field details, Retry-After and a one-line hint. Nothing is
 * thrown as a protocol error, and the API key never appears (the caller redacts every result).
 */

/** Raised by this runtime for arguments the schema cannot rule out (e.g. an empty path segment). */
export class ToolInputError extends Error {
  static {
    this.prototype.name = 'ToolInputError';
  }
}

export interface ToolErrorInfo {
  code: string;
  status?: number;
  message: string;
  details?: Readonly<Record<string, unknown>>;
  /** Seconds the server asked to wait (429 / 503). */
  retryAfter?: number;
  requestId?: string;
  hint: string;
}

interface ApiErrorShape {
  status: number;
  code?: unknown;
  message: string;
  details?: unknown;
  retryAfter?: unknown;
  requestId?: unknown;
}

function isApiError(error: unknown): error is Error & ApiErrorShape {
  const status: unknown = error instanceof Error ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field named in the error details (`field`, `param`, `parameter`), if any. */
function fieldOf(details: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const field = details?.['field'] ?? details?.['param'] ?? details?.['parameter'];
  return typeof field === 'string' && field !== '' ? field : undefined;
}

function hintFor(
  status: number,
  code: string,
  field: string | undefined,
  retryAfter: number | undefined,
  keyVars: readonly string[],
): string {
  if (/CURSOR/i.test(code))
    return 'Pass nextCursor back exactly as returned, with the same other arguments, or start again without cursor.';
  switch (status) {
    case 400:
    case 422:
      return field === undefined
        ? 'Fix the arguments (see the tool input schema) and call again.'
        : `Fix the "${field}" argument and call again.`;
    case 401:
      return `The API key in ${keyVars.join(' / ') || 'the environment'} was rejected (missing, wrong, revoked or for another region). Fix the server's environment and restart it; retrying will not help.`;
    case 403:
      return 'The API key is not allowed to access this; retrying will not help.';
    case 404:
      return 'Nothing exists at this id: check the id (list tools return valid ones).';
    case 409:
      return 'The request conflicts with the current state; fetch it again before retrying.';
    case 429:
      return retryAfter === undefined
        ? 'Rate limited: wait before calling again.'
        : `Rate limited: wait ${retryAfter} seconds before calling again.`;
    default:
      return status >= 500 ? 'The API had a temporary problem; try again later.' : 'The API refused the request.';
  }
}

/** Classifies anything a tool call can throw. */
export function describeError(error: unknown, keyVars: readonly string[]): ToolErrorInfo {
  // Checked first: it carries the status of the answer it refused, which may be a 5xx, and a
  // "temporary problem, try again" hint would send the agent to download it again.
  if (error instanceof Error && error.name === 'ResponseTooLargeError') {
    const limit = (error as { limit?: unknown }).limit;
    return {
      code: 'RESPONSE_TOO_LARGE',
      message: error.message,
      hint: `The answer was larger than the client's limit${typeof limit === 'number' ? ` (${limit} bytes)` : ''}; ask for less (a smaller page, narrower filters) instead of retrying.`,
    };
  }
  if (isApiError(error)) {
    const code = typeof error.code === 'string' && error.code !== '' ? error.code : `HTTP_${error.status}`;
    const details = isRecord(error.details) ? error.details : undefined;
    const retryAfter =
      typeof error.retryAfter === 'number' && Number.isFinite(error.retryAfter) ? error.retryAfter : undefined;
    const info: ToolErrorInfo = {
      code,
      status: error.status,
      message: error.message,
      hint: hintFor(error.status, code, fieldOf(details), retryAfter, keyVars),
    };
    if (details !== undefined) info.details = details;
    if (retryAfter !== undefined) info.retryAfter = retryAfter;
    if (typeof error.requestId === 'string') info.requestId = error.requestId;
    return info;
  }
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'ToolInputError':
      return {
        code: 'INVALID_ARGUMENTS',
        message,
        hint: 'Fix the arguments (see the tool input schema) and call again.',
      };
    case 'APITimeoutError':
      return {
        code: 'TIMEOUT',
        message,
        hint: 'The API did not answer in time; try again, perhaps with a smaller page.',
      };
    case 'APIConnectionError':
      return { code: 'CONNECTION_ERROR', message, hint: 'The API could not be reached; try again later.' };
    case 'APIUserAbortError':
      return { code: 'CANCELLED', message, hint: 'The call was cancelled.' };
    case 'InvalidResponseError':
      return {
        code: 'INVALID_RESPONSE',
        message,
        hint: 'The API answered with something unexpected; try again later.',
      };
    case 'ClientError':
      return { code: 'CLIENT_ERROR', message, hint: 'The request could not be sent as given; check the arguments.' };
    default:
      return {
        code: 'INTERNAL_ERROR',
        message: 'The MCP server failed unexpectedly (details are in its log).',
        hint: 'Try again; if it keeps failing, report it.',
      };
  }
}

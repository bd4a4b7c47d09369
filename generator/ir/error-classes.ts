/**
 * The error classes of the client runtime (templates/runtime/errors.ts), described once as data:
 * their names, which class each extends, the statuses that select them and the fields a caller
 * reads. The names the package reserves (ir/build.ts), the `@throws` lines of the JSDoc and the
 * README's error table are all derived from it, and test/generator/error-classes.test.ts checks
 * it against the runtime classes themselves, so a class added there without a row here fails.
 */

export interface ErrorClassInfo {
  /** The runtime's class name. `ClientError` is exported under the config's `errorClassName`. */
  name: string;
  /** The class it extends (absent for the base class). */
  parent?: string;
  /** The HTTP status that selects it (`APIError.from`). */
  status?: number;
  /** Selected by every status from this one up that no other class claims (5xx). */
  statusFrom?: number;
  /** The public fields worth reading, in the README's order; a note says what one holds. */
  fields: readonly string[];
  notes?: Readonly<Record<string, string>>;
}

// The API's surfaced response headers (config `responseHeaders.fields`) are fields of every class
// that has `requestId`, listed just before it (README: emit/readme/sections/error-table.ts).
const API_ERROR_FIELDS = ['status', 'code', 'message', 'details', 'headers', 'requestId', 'retries', 'body'] as const;
const INVALID_RESPONSE_FIELDS = ['status', 'headers', 'requestId'] as const;

/** In the order the README lists them: the base, the server's errors, then failures without a usable response. */
export const ERROR_CLASSES = [
  { name: 'ClientError', fields: ['message'] },
  { name: 'APIError', parent: 'ClientError', fields: API_ERROR_FIELDS },
  { name: 'BadRequestError', parent: 'APIError', status: 400, fields: API_ERROR_FIELDS },
  { name: 'AuthenticationError', parent: 'APIError', status: 401, fields: API_ERROR_FIELDS },
  { name: 'PermissionDeniedError', parent: 'APIError', status: 403, fields: API_ERROR_FIELDS },
  { name: 'NotFoundError', parent: 'APIError', status: 404, fields: API_ERROR_FIELDS },
  { name: 'ConflictError', parent: 'APIError', status: 409, fields: API_ERROR_FIELDS },
  { name: 'UnprocessableEntityError', parent: 'APIError', status: 422, fields: API_ERROR_FIELDS },
  {
    name: 'RateLimitError',
    parent: 'APIError',
    status: 429,
    fields: [...API_ERROR_FIELDS, 'retryAfter'],
    notes: { retryAfter: 'seconds, when the server said' },
  },
  { name: 'InternalServerError', parent: 'APIError', statusFrom: 500, fields: API_ERROR_FIELDS },
  { name: 'APIConnectionError', parent: 'ClientError', fields: ['retries', 'cause'] },
  { name: 'APITimeoutError', parent: 'APIConnectionError', fields: ['retries'] },
  { name: 'APIUserAbortError', parent: 'ClientError', fields: ['cause'], notes: { cause: "the signal's reason" } },
  { name: 'InvalidResponseError', parent: 'ClientError', fields: INVALID_RESPONSE_FIELDS },
  { name: 'ResponseTooLargeError', parent: 'InvalidResponseError', fields: ['status', 'headers', 'limit', 'url', 'requestId'] },
] as const satisfies readonly ErrorClassInfo[];

export type ErrorClassName = (typeof ERROR_CLASSES)[number]['name'];

/** The class the runtime throws for a response status (`'404'`, `'5XX'`), for `@throws` lines and the README. */
export function errorClassFor(status: string): ErrorClassName {
  const exact = ERROR_CLASSES.find((c) => 'status' in c && String(c.status) === status);
  if (exact) return exact.name;
  const range = ERROR_CLASSES.find((c) => 'statusFrom' in c && status.charAt(0) === String(c.statusFrom).charAt(0));
  return range?.name ?? 'APIError';
}

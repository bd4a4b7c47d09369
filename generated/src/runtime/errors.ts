// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/errors.ts.
import { fallbackMessage, parseErrorBody, readEnvelope } from './error-envelope.js';
import { parseRetryAfterMs } from './retry-after.js';
import {
  attachHeaderFields,
  headerFieldNames,
  readHeaderFields,
  readRequestId,
  type ResponseHeaderFields,
  type ResponseSettings,
} from './response-meta.js';

/**
 * Error codes the API is known to return. Empty here; the generated package adds the codes
 * from the spec with `declare module` so `ErrorCode` autocompletes them while staying open.
 */
export interface KnownErrorCodes {}

/** A known code, or any other string: servers may add codes without a client release. */
export type ErrorCode = Extract<keyof KnownErrorCodes, string> | (string & {});

/** Base of every error this client throws, so callers can catch them all with one check. */
export class ClientError extends Error {}

/** What an APIError is built from: the response's status, headers and body, and what the client read of them. */
export type APIErrorInit = ResponseHeaderFields & {
  status: number;
  message: string;
  code: ErrorCode | undefined;
  details: Readonly<Record<string, unknown>> | undefined;
  headers: Headers;
  requestId: string | undefined;
  retries: number;
  body: unknown;
};

/** The public fields of an error, in this order, for toJSON: never headers, body or cause. */
const JSON_FIELDS = ['name', 'status', 'code', 'message', 'details', 'requestId', 'retries', 'limit', 'url'] as const;

function toJSON(error: ClientError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = headerFieldNames(error);
  for (const key of JSON_FIELDS) {
    if (key in error) out[key] = (error as unknown as Record<string, unknown>)[key];
    if (key === 'requestId')
      for (const field of fields) out[field] = (error as unknown as Record<string, unknown>)[field];
  }
  return out;
}

// The API's surfaced response headers (`tier`, say) are typed fields of the error (declaration merging).
export interface APIError extends ResponseHeaderFields {}

/** The server answered with a non-2xx status. Subclasses narrow by status. */
export class APIError extends ClientError {
  // Declared, not defined: the constructor copies them from `init` in one go.
  declare readonly status: number;
  /**
   * Stable machine-readable code from the error envelope; branch on this, not on `message`. A
   * numeric code in the body is given as its decimal string (`404` → `'404'`).
   */
  declare readonly code: ErrorCode | undefined;
  declare readonly details: Readonly<Record<string, unknown>> | undefined;
  /** Response headers (request headers, which hold the key, are never stored on errors). */
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  /** How many retries were made before this error was thrown. */
  declare readonly retries: number;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  declare readonly body: unknown;

  constructor(init: APIErrorInit) {
    super(init.message);
    const { status, message: _message, code, details, headers, requestId, retries, body, ...fields } = init;
    Object.assign(this, { status, code, details, headers, requestId, retries, body });
    attachHeaderFields(this, fields);
  }

  /**
   * Builds the right subclass from a raw error response. Defensive by design: proxies answer
   * with HTML, empty bodies or foreign JSON, and each must still become a typed error.
   *
   * @internal The client calls it; callers receive its errors.
   */
  static from(
    status: number,
    bodyText: string,
    headers: Headers,
    retries: number,
    settings: ResponseSettings,
  ): APIError {
    const body = parseErrorBody(bodyText);
    const { code, message, details } = readEnvelope(body, settings.errorBody);
    const ErrorClass = BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new ErrorClass({
      status,
      message: message ?? fallbackMessage(status, bodyText, code),
      code,
      details,
      headers,
      ...readHeaderFields(headers, settings),
      requestId: readRequestId(headers, settings),
      retries,
      body,
    });
  }

  /** The public fields (name, message, status, code, …) for logs: never headers, body or cause. */
  toJSON(): Record<string, unknown> {
    return toJSON(this);
  }
}

export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class InternalServerError extends APIError {}

export class RateLimitError extends APIError {
  /** Seconds the server asked us to wait (retry-after-ms or Retry-After), if it said. */
  readonly retryAfter: number | undefined;

  constructor(init: APIErrorInit) {
    super(init);
    const ms = parseRetryAfterMs(init.headers);
    this.retryAfter = ms !== undefined && ms >= 0 ? ms / 1000 : undefined;
  }
}

const BY_STATUS: Readonly<Record<number, typeof APIError | undefined>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The request never produced a complete response (DNS, refused, reset, body cut off). */
export class APIConnectionError extends ClientError {
  readonly retries: number;

  constructor(message = 'Connection error', options: { cause?: unknown; retries?: number } = {}) {
    super(message, { cause: options.cause });
    this.retries = options.retries ?? 0;
  }

  /** The public fields (name, message, retries) for logs: never the cause. */
  toJSON(): Record<string, unknown> {
    return toJSON(this);
  }
}

/** An attempt exceeded its timeout, or the overall deadline ran out. */
export class APITimeoutError extends APIConnectionError {
  constructor(message = 'Request timed out', options: { cause?: unknown; retries?: number } = {}) {
    super(message, options);
  }
}

/** The caller's AbortSignal fired. Never retried. `cause` is the signal's reason. */
export class APIUserAbortError extends ClientError {
  constructor(cause?: unknown) {
    super('Request was aborted', { cause });
  }
}

/**
 * A response the client cannot use as the operation's result: a 2xx body that is empty or not
 * JSON where JSON was expected, a redirect it refuses to follow (another origin, see redirect.ts),
 * or a list page whose cursor repeats. Not retried: a captive portal, a wrong baseUrl or a server
 * that hands back the same cursor will not fix itself. `status` and `headers` are those of the
 * offending response (0 and empty for a browser's opaque redirect).
 */
// As on APIError: the surfaced response headers are typed fields.
export interface InvalidResponseError extends ResponseHeaderFields {}

export class InvalidResponseError extends ClientError {
  readonly status: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;

  /** @internal The client builds it from the response. */
  constructor(message: string, status: number, headers: Headers, settings: ResponseSettings) {
    super(message);
    this.status = status;
    this.headers = headers;
    attachHeaderFields(this, readHeaderFields(headers, settings));
    this.requestId = readRequestId(headers, settings);
  }

  /** The public fields (name, message, status, request id) for logs: never headers or body. */
  toJSON(): Record<string, unknown> {
    return toJSON(this);
  }
}

/**
 * A response body over `maxResponseBytes` (an option of the client and of each call). The body is
 * not read past the cap: the download stops as soon as the count passes it, or before a byte is
 * read when Content-Length already says so. An error response's body counts too. A kind of
 * InvalidResponseError, and likewise never retried: the same request would bring the same body
 * again. `status` and `headers` are the oversized response's, `limit` the cap in bytes and `url`
 * where the response came from (the key masked; only the origin for a download served from
 * another host, whose signed address may itself be a credential).
 */
export class ResponseTooLargeError extends InvalidResponseError {
  readonly limit: number;
  readonly url: string;

  /** @internal The client builds it from the response. */
  constructor(
    message: string,
    status: number,
    headers: Headers,
    settings: ResponseSettings,
    where: { limit: number; url: string },
  ) {
    super(message, status, headers, settings);
    this.limit = where.limit;
    this.url = where.url;
  }
}

// Names are set on the prototypes (not as fields), from literals so they survive minification,
// and are not own enumerable properties cluttering util.inspect / JSON output.
for (const [ErrorClass, name] of [
  [ClientError, 'ClientError'],
  [APIError, 'APIError'],
  [BadRequestError, 'BadRequestError'],
  [AuthenticationError, 'AuthenticationError'],
  [PermissionDeniedError, 'PermissionDeniedError'],
  [NotFoundError, 'NotFoundError'],
  [ConflictError, 'ConflictError'],
  [UnprocessableEntityError, 'UnprocessableEntityError'],
  [InternalServerError, 'InternalServerError'],
  [RateLimitError, 'RateLimitError'],
  [APIConnectionError, 'APIConnectionError'],
  [APITimeoutError, 'APITimeoutError'],
  [APIUserAbortError, 'APIUserAbortError'],
  [InvalidResponseError, 'InvalidResponseError'],
  [ResponseTooLargeError, 'ResponseTooLargeError'],
] as const) {
  ErrorClass.prototype.name = name;
}

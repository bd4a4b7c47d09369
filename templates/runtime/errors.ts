import { fallbackMessage, parseErrorBody, readEnvelope } from './error-envelope.js';
import { parseRetryAfterMs } from './retry-after.js';
import { readRequestId, readTier, type ResponseHeaderSettings } from './response-meta.js';

/**
 * Error codes the API is known to return. Empty here; the generated package adds the codes
 * from the spec with `declare module` so `ErrorCode` autocompletes them while staying open.
 */
export interface KnownErrorCodes {}

/** A known code, or any other string: servers may add codes without a client release. */
export type ErrorCode = Extract<keyof KnownErrorCodes, string> | (string & {});

/** Base of every error this client throws, so callers can catch them all with one check. */
export class ClientError extends Error {
  static {
    // Set on the prototype (not as a field) so it survives minification and is not an own
    // enumerable property cluttering util.inspect / JSON output.
    this.prototype.name = 'ClientError';
  }
}

export interface APIErrorInit {
  status: number;
  message: string;
  code: ErrorCode | undefined;
  details: Readonly<Record<string, unknown>> | undefined;
  headers: Headers;
  tier: string | undefined;
  requestId: string | undefined;
  retries: number;
  body: unknown;
}

/** The server answered with a non-2xx status. Subclasses narrow by status. */
export class APIError extends ClientError {
  static {
    this.prototype.name = 'APIError';
  }
  readonly status: number;
  /** Stable machine-readable code from the error envelope; branch on this, not on `message`. */
  readonly code: ErrorCode | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** Response headers (request headers, which hold the key, are never stored on errors). */
  readonly headers: Headers;
  readonly tier: string | undefined;
  readonly requestId: string | undefined;
  /** How many retries were made before this error was thrown. */
  readonly retries: number;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  readonly body: unknown;

  constructor(init: APIErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.headers = init.headers;
    this.tier = init.tier;
    this.requestId = init.requestId;
    this.retries = init.retries;
    this.body = init.body;
  }

  /**
   * Builds the right subclass from a raw error response. Defensive by design: proxies answer
   * with HTML, empty bodies or foreign JSON, and each must still become a typed error.
   */
  static from(
    status: number,
    bodyText: string,
    headers: Headers,
    retries: number,
    settings: ResponseHeaderSettings,
  ): APIError {
    const body = parseErrorBody(bodyText);
    const envelope = readEnvelope(body);
    const init: APIErrorInit = {
      status,
      message: envelope.message ?? fallbackMessage(status, bodyText, envelope.code),
      code: envelope.code,
      details: envelope.details,
      headers,
      tier: readTier(headers, settings),
      requestId: readRequestId(headers, settings),
      retries,
      body,
    };
    const ErrorClass = classForStatus(status);
    return new ErrorClass(init);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      details: this.details,
      requestId: this.requestId,
      tier: this.tier,
      retries: this.retries,
    };
  }
}

export class BadRequestError extends APIError {
  static {
    this.prototype.name = 'BadRequestError';
  }
}
export class AuthenticationError extends APIError {
  static {
    this.prototype.name = 'AuthenticationError';
  }
}
export class PermissionDeniedError extends APIError {
  static {
    this.prototype.name = 'PermissionDeniedError';
  }
}
export class NotFoundError extends APIError {
  static {
    this.prototype.name = 'NotFoundError';
  }
}
export class ConflictError extends APIError {
  static {
    this.prototype.name = 'ConflictError';
  }
}
export class UnprocessableEntityError extends APIError {
  static {
    this.prototype.name = 'UnprocessableEntityError';
  }
}
export class InternalServerError extends APIError {
  static {
    this.prototype.name = 'InternalServerError';
  }
}

export class RateLimitError extends APIError {
  static {
    this.prototype.name = 'RateLimitError';
  }
  /** Seconds the server asked us to wait (retry-after-ms or Retry-After), if it said. */
  readonly retryAfter: number | undefined;

  constructor(init: APIErrorInit) {
    super(init);
    const ms = parseRetryAfterMs(init.headers);
    this.retryAfter = ms !== undefined && ms >= 0 ? ms / 1000 : undefined;
  }
}

/** The request never produced a complete response (DNS, refused, reset, body cut off). */
export class APIConnectionError extends ClientError {
  static {
    this.prototype.name = 'APIConnectionError';
  }
  readonly retries: number;

  constructor(message = 'Connection error', options: { cause?: unknown; retries?: number } = {}) {
    super(message, { cause: options.cause });
    this.retries = options.retries ?? 0;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, retries: this.retries };
  }
}

/** An attempt exceeded its timeout, or the overall deadline ran out. */
export class APITimeoutError extends APIConnectionError {
  static {
    this.prototype.name = 'APITimeoutError';
  }
  constructor(message = 'Request timed out', options: { cause?: unknown; retries?: number } = {}) {
    super(message, options);
  }
}

/** The caller's AbortSignal fired. Never retried. `cause` is the signal's reason. */
export class APIUserAbortError extends ClientError {
  static {
    this.prototype.name = 'APIUserAbortError';
  }
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
export class InvalidResponseError extends ClientError {
  static {
    this.prototype.name = 'InvalidResponseError';
  }
  readonly status: number;
  readonly headers: Headers;
  readonly tier: string | undefined;
  readonly requestId: string | undefined;

  constructor(message: string, status: number, headers: Headers, settings: ResponseHeaderSettings) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.tier = readTier(headers, settings);
    this.requestId = readRequestId(headers, settings);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, status: this.status, message: this.message, requestId: this.requestId, tier: this.tier };
  }
}

function classForStatus(status: number): new (init: APIErrorInit) => APIError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

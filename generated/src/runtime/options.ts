// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/options.ts.
import type { ClientError } from './errors.js';
import type { LogLevel, Logger } from './logger.js';

/** What hooks see about an attempt. Credential headers (and the key anywhere else) are already masked. */
export interface RequestHookInfo {
  method: string;
  url: string;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  headers: Record<string, string>;
}

export interface ResponseHookInfo extends RequestHookInfo {
  /** HTTP status, or undefined when no response arrived (connection error, timeout, abort). */
  status: number | undefined;
  durationMs: number;
  /** The error this attempt produced, if any (the final outcome may still be a success after retries). */
  error?: ClientError;
}

/**
 * Called around every attempt, retries included. Synchronous and fire-and-forget: a hook that
 * throws is logged and ignored rather than failing the request.
 */
/** Callbacks around every attempt (see ClientOptions.hooks). */
export interface ClientHooks {
  /** Before each attempt is sent. */
  onRequest?(info: RequestHookInfo): void;
  /** After each attempt: a response arrived, or the attempt failed without one. */
  onResponse?(info: ResponseHookInfo): void;
}

/**
 * Options of the client's constructor. Every one is optional: the key comes from the environment
 * and the region from the spec's first server unless given here.
 */
export interface ClientOptions<Server extends string = string, Auth extends string = string> {
  /**
   * Defaults to the first non-empty environment variable named in the API settings. `null`: no
   * key, not even from the environment; the client is built for operations that need none, and
   * one that needs a key fails with a ClientError before any request (see `credentials` too).
   */
  apiKey?: string | null | undefined;
  /** Named server from the spec; ignored when `baseUrl` is given. */
  region?: Server | undefined;
  /** Full base URL override (https, or http on loopback only). */
  baseUrl?: string | undefined;
  /** Which auth form `apiKey` is sent in; defaults to the API's preferred one. */
  authHeader?: Auth | undefined;
  /**
   * One credential per auth form, for APIs whose operations take different ones (an OAuth token
   * for some, an API key for others). Each call sends the first set its operation accepts; with
   * none accepted, `apiKey` (or else the first credential) goes as configured.
   */
  credentials?: Partial<Record<Auth, string>> | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Per-attempt timeout in ms (headers and body). Default 60000. */
  timeout?: number | undefined;
  /** Budget in ms across all attempts and backoff waits. Default: none. */
  deadline?: number | undefined;
  /**
   * Largest response body, in bytes, the client reads (success, error and download bodies alike);
   * a larger one ends the call with a ResponseTooLargeError, unretried, before it is all in
   * memory. Default 100000000 (100 MB); `Infinity` reads any size.
   */
  maxResponseBytes?: number | undefined;
  /** Fetch implementation; defaults to the global `fetch`, looked up at call time. */
  fetch?: typeof fetch | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  /** Where log lines go; defaults to console. */
  logger?: Logger | undefined;
  /** Default "off", or the value of the API's log environment variable. */
  logLevel?: LogLevel | undefined;
  hooks?: ClientHooks | undefined;
}

/** Options of one call; each overrides the client's setting for that call only. */
export interface RequestOptions {
  /** Aborts the call (and any retry wait) with an APIUserAbortError. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms for this call. */
  timeout?: number | undefined;
  /** Retries after the first attempt, for this call. */
  maxRetries?: number | undefined;
  /** Budget in ms across all attempts of this call (extension: overrides the client's deadline). */
  deadline?: number | undefined;
  /** Largest response body, in bytes, read for this call (a large download, a small probe). */
  maxResponseBytes?: number | undefined;
  /** Extra headers for this call; null removes a header set by the client. */
  headers?: Record<string, string | null> | undefined;
  /**
   * The idempotency key of this call, for operations that take one (others ignore it); every
   * retry resends it. Default: a new random key per call.
   */
  idempotencyKey?: string | undefined;
}

/**
 * Options of a list call: those of any call, plus caps on an auto-pagination walk. No
 * `idempotencyKey`: each page is a call of its own, and one key on all would replay the first.
 */
export interface PageRequestOptions extends Omit<RequestOptions, 'idempotencyKey'> {
  /** Stop an auto-pagination walk after this many items. */
  maxItems?: number | undefined;
  /** Stop an auto-pagination walk after this many pages. */
  maxPages?: number | undefined;
  /**
   * Lists paginated by `Link` headers: resume from a saved `page.nextUrl` (it must lie under the
   * client's base URL). Other styles resume through their own position parameter.
   */
  pageUrl?: string | undefined;
}

/**
 * An object type `T` with `undefined` accepted for its optional top-level properties (required ones
 * are unchanged; nested objects keep their exact optional properties). Request parameters and
 * JSON bodies are typed through it because the client skips undefined parameters and JSON drops
 * undefined properties, so `{ cursor: maybeCursor }` compiles even under
 * `exactOptionalPropertyTypes`. Arrays (whose items would be mapped: `[undefined]` is sent as
 * `[null]`), primitives, `unknown` and `any` pass through unchanged.
 */
export type WithOptionalUndefined<T> = unknown extends T
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] }
      : T;

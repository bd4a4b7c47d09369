// Generated from Not AI Public API 1.0.17.0 by notai-codegen. Do not edit. Copied from templates/runtime/core.ts.
import { APIPromise, type WithResponse } from './api-promise.js';
import { checkDuration, checkMaxRetries, resolveConfig, type ResolvedConfig } from './config.js';
import { isBrowserLike } from './env.js';
import { ClientError } from './errors.js';
import { mergeHeaders, serializeHeaderParams } from './headers.js';
import { createLogger, type Logger } from './logger.js';
import type { ClientHooks, ClientOptions, PageRequestOptions, RequestOptions } from './options.js';
import { invalidResponse, readOutcome, type Outcome } from './outcome.js';
import { Page, PagePromise, type PageSource, type PagingSpec } from './pagination.js';
import { createRedactor, type Redactor } from './redact.js';
import { retryDelayMs, shouldRetry } from './retry.js';
import type { ApiSettings } from './settings.js';
import { sendOnce, sleep, type AttemptLimits, type AttemptResult } from './transport.js';
import { buildUrl } from './url.js';

import type { HttpMethod, RequestSpec } from './request-spec.js';

export type { HttpMethod, RequestSpec } from './request-spec.js';

interface PreparedRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body: BodyInit | null;
}

/**
 * The transport every generated endpoint calls. Holds the validated configuration; the key
 * lives in a private field so util.inspect / JSON.stringify(client) never reveal it.
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly deadline: number | undefined;
  readonly #apiKey: string;
  readonly #authHeader: ResolvedConfig['authHeader'];
  readonly #settings: ApiSettings;
  readonly #fetch: typeof fetch;
  readonly #headers: Record<string, string> | undefined;
  readonly #hooks: ClientHooks | undefined;
  readonly #redactor: Redactor;
  readonly #log: Logger;

  constructor(options: ClientOptions, settings: ApiSettings) {
    const config = resolveConfig(options, settings);
    const customFetch = options.fetch;
    if (customFetch === undefined && typeof globalThis.fetch !== 'function') {
      throw new ClientError('No global fetch found: pass a `fetch` implementation in the client options.');
    }
    this.baseUrl = config.baseUrl;
    this.maxRetries = config.maxRetries;
    this.timeout = config.timeout;
    this.deadline = config.deadline;
    this.#apiKey = config.apiKey;
    this.#authHeader = config.authHeader;
    this.#settings = settings;
    // Looked up per call so instrumentation that patches globalThis.fetch later still applies.
    this.#fetch = customFetch ?? ((input, init) => globalThis.fetch(input, init));
    // Validate now so a bad client-wide header fails at construction, not on the first call.
    this.#headers = options.headers === undefined ? undefined : mergeHeaders([options.headers]);
    this.#hooks = options.hooks;
    const authHeaders = Object.values(settings.auth.headers).map((entry) => entry.header);
    this.#redactor = createRedactor(config.apiKey, authHeaders);
    this.#log = createLogger(config.logLevel, options.logger, this.#redactor);
  }

  /** Sends one operation (with retries) and resolves with its decoded body. */
  request<T>(spec: RequestSpec, options: RequestOptions = {}): APIPromise<T> {
    return new APIPromise<T>(this.#execute<T>(spec, options));
  }

  /**
   * Sends a list operation; the result is awaitable for the first page and async-iterable over
   * every item. A cursor already in `spec.query` resumes a walk from that checkpoint.
   */
  requestPage<TBody, TItem>(
    spec: RequestSpec,
    paging: PagingSpec,
    options: PageRequestOptions = {},
  ): PagePromise<TBody, TItem> {
    const { maxItems, maxPages, ...requestOptions } = options;
    if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 1)) {
      throw new ClientError('maxItems must be a positive integer');
    }
    if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1)) {
      throw new ClientError('maxPages must be a positive integer');
    }
    const load = async (cursor: string | undefined): Promise<WithResponse<Page<TBody, TItem>>> => {
      const pageSpec =
        cursor === undefined ? spec : { ...spec, query: { ...spec.query, [paging.cursorParam]: cursor } };
      const result = await this.#execute<TBody>(pageSpec, requestOptions);
      const page = new Page<TBody, TItem>(result.data, result.response, paging, cursor, source);
      return { ...result, data: page };
    };
    const source: PageSource<TBody, TItem> = {
      load: async (cursor) => (await load(cursor)).data,
      invalid: (message, page) => invalidResponse(message, page.response, this.#redactor, this.#settings),
    };
    const initial = spec.query === undefined ? undefined : (spec.query as Record<string, unknown>)[paging.cursorParam];
    // A resumed walk starts from the given position: a saved cursor, or an offset / page number.
    const firstCursor =
      (typeof initial === 'string' && initial !== '') || typeof initial === 'number' ? String(initial) : undefined;
    return new PagePromise<TBody, TItem>(load(firstCursor), { maxItems, maxPages });
  }

  async #execute<T>(spec: RequestSpec, options: RequestOptions): Promise<WithResponse<T>> {
    const request = this.#prepare(spec, options);
    const maxRetries =
      options.maxRetries === undefined ? this.maxRetries : checkMaxRetries(options.maxRetries, 'maxRetries');
    const timeout = options.timeout === undefined ? this.timeout : checkDuration(options.timeout, 'timeout');
    const deadline = options.deadline === undefined ? this.deadline : checkDuration(options.deadline, 'deadline');
    const deadlineAt = deadline === undefined ? undefined : Date.now() + deadline;
    const { signal } = options;
    const what = `${request.method} ${request.url}`;
    const logInfo = { method: request.method, url: request.url, operationId: spec.operationId };

    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadlineAt === undefined ? Infinity : deadlineAt - Date.now();
      const byDeadline = remaining < timeout;
      const limits: AttemptLimits = {
        timeoutMs: Math.max(0, Math.min(timeout, remaining)),
        timeoutMessage: byDeadline
          ? `Request exceeded the overall deadline of ${deadline} ms`
          : `Request timed out after ${timeout} ms`,
        signal,
        retries: attempt - 1,
      };
      this.#log.debug(`${what} (attempt ${attempt})`, { ...logInfo, attempt });
      const outcome = await this.#attempt<T>(request, spec, attempt, limits);
      if ('result' in outcome) return outcome.result;

      const { error } = outcome;
      if (!shouldRetry(error)) throw error;
      if (attempt > maxRetries) {
        this.#log.warn(`Giving up on ${what} after ${attempt - 1} retries: ${error.message}`, logInfo);
        throw error;
      }
      const delay = retryDelayMs(attempt, outcome.headers);
      if (deadlineAt !== undefined && Date.now() + delay >= deadlineAt) {
        this.#log.warn(`Giving up on ${what}: waiting ${delay} ms would pass the deadline (${error.message})`, logInfo);
        throw error;
      }
      this.#log.info(`Retrying ${what} in ${delay} ms (retry ${attempt} of ${maxRetries}): ${error.message}`, {
        ...logInfo,
        attempt,
        delayMs: delay,
      });
      await sleep(delay, signal);
    }
  }

  /**
   * One attempt, with hooks around it. Returns the decoded result or the error it produced;
   * the retry loop decides what an error means.
   */
  async #attempt<T>(
    request: PreparedRequest,
    spec: RequestSpec,
    attempt: number,
    limits: AttemptLimits,
  ): Promise<Outcome<T>> {
    const url = this.#redactor.text(request.url);
    const hookInfo = { method: request.method, url, attempt, headers: this.#redactor.headers(request.headers) };
    this.#callHook('onRequest', hookInfo);
    const started = Date.now();
    let sent: AttemptResult;
    try {
      sent = await sendOnce(this.#fetch, request.url, request, limits, this.#redactor);
    } catch (caught) {
      // sendOnce only throws ClientErrors (abort, timeout, connection).
      const error = caught as ClientError;
      this.#callHook('onResponse', { ...hookInfo, status: undefined, durationMs: Date.now() - started, error });
      return { error, headers: undefined };
    }
    const outcome = readOutcome<T>(sent, spec.responseType ?? 'json', limits.retries, this.#redactor, this.#settings);
    const error = 'error' in outcome ? { error: outcome.error } : {};
    this.#callHook('onResponse', {
      ...hookInfo,
      status: sent.response.status,
      durationMs: Date.now() - started,
      ...error,
    });
    return outcome;
  }

  /** Builds URL, headers and body; any ClientError here is thrown before a request is sent. */
  #prepare(spec: RequestSpec, options: RequestOptions): PreparedRequest {
    const url = buildUrl(this.baseUrl, spec.path, spec.query, spec.queryStyles);
    const defaults: Record<string, string> = { accept: 'application/json' };
    if (!isBrowserLike()) defaults['user-agent'] = `${this.#settings.packageName}/${this.#settings.packageVersion}`;
    if (spec.auth !== false) {
      const { header, prefix } = this.#authHeader;
      defaults[header.toLowerCase()] = `${prefix}${this.#apiKey}`;
    }
    let body: BodyInit | null = null;
    if (spec.body !== undefined) {
      if (spec.method === 'GET' || spec.method === 'HEAD')
        throw new ClientError(`${spec.method} requests cannot have a body`);
      if (spec.bodyType === 'raw') {
        body = spec.body as BodyInit;
        if (spec.contentType !== undefined) defaults['content-type'] = spec.contentType;
      } else {
        body = JSON.stringify(spec.body);
        defaults['content-type'] = 'application/json';
      }
    }
    // Later layers win: an operation's own header parameters beat client-wide defaults, and
    // per-call options beat everything (including the auth header, which null removes).
    const headers = mergeHeaders([defaults, this.#headers, serializeHeaderParams(spec.headers), options.headers]);
    return { url, method: spec.method, headers, body };
  }

  #callHook<K extends keyof ClientHooks>(name: K, info: Parameters<NonNullable<ClientHooks[K]>>[0]): void {
    const hook = this.#hooks?.[name] as ((value: typeof info) => void) | undefined;
    if (hook === undefined) return;
    try {
      hook.call(this.#hooks, info);
    } catch (error) {
      this.#log.warn(`The ${name} hook threw; ignoring it`, { error });
    }
  }
}

// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/core.ts.
import { APIPromise, EnvelopePromise, type WithResponse } from './api-promise.js';
import { createAuthPlan, type AuthPlan } from './auth.js';
import { checkByteLimit, checkDuration, checkMaxRetries, resolveConfig } from './config.js';
import { isBrowserLike } from './env.js';
import { ClientError } from './errors.js';
import { keyedRequest } from './idempotency.js';
import { createLogger, type Logger } from './logger.js';
import type { ClientHooks, ClientOptions, PageRequestOptions, RequestOptions } from './options.js';
import { invalidResponse, readOutcome, type Outcome } from './outcome.js';
import { checkCaps, pageStyleOf, PagePromise, type AbstractPage, type PageSource } from './pagination.js';
import type { Page } from './paging-cursor.js';
import type { PagingSpec } from './paging-spec.js';
import { requestPayload } from './payload.js';
import { createRedactor, type Redactor } from './redact.js';
import { retryDelayMs, shouldRetry } from './retry.js';
import type { ApiSettings } from './settings.js';
import { sendOnce, sleep, withAuthQuery, type AttemptInit, type AttemptResult } from './transport.js';
import { buildUrl } from './url.js';

import type { RequestSpec } from './request-spec.js';

export type { HttpMethod, RequestSpec } from './request-spec.js';

/**
 * The transport every generated endpoint calls. Holds the validated configuration; the key
 * lives in a private field so util.inspect / JSON.stringify(client) never reveal it.
 */
export class ApiClient {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly deadline: number | undefined;
  readonly maxResponseBytes: number;
  readonly #settings: ApiSettings;
  readonly #fetch: typeof fetch;
  /** Which credentials each call sends (headers merged and validated up front). */
  readonly #auth: AuthPlan;
  readonly #hooks: ClientHooks | undefined;
  readonly #redactor: Redactor;
  readonly #log: Logger;
  readonly #debug: boolean;

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
    this.maxResponseBytes = config.maxResponseBytes;
    this.#settings = settings;
    // Looked up per call so instrumentation that patches globalThis.fetch later still applies.
    this.#fetch = customFetch ?? ((input, init) => globalThis.fetch(input, init));
    // Validated now so a bad client-wide header fails at construction, not on the first call.
    // Later layers win: client-wide headers beat the defaults (including the auth header).
    const defaults: Record<string, string> = { accept: 'application/json' };
    if (!isBrowserLike()) defaults['user-agent'] = `${settings.packageName}/${settings.packageVersion}`;
    // `apiKey` is the caller's own choice, so it goes wherever an operation accepts it; keys given
    // only in `credentials` follow the order of the operation's alternatives.
    const preferred = config.apiKey === undefined ? undefined : config.authHeader;
    this.#auth = createAuthPlan(settings, config.credentials, preferred, defaults, options.headers, config.noKey);
    this.#hooks = options.hooks;
    const authHeaders = Object.values(settings.auth.headers).flatMap((entry) =>
      'header' in entry ? [entry.header] : [],
    );
    this.#redactor = createRedactor([...config.credentials.values()], authHeaders);
    this.#log = createLogger(config.logLevel, options.logger, this.#redactor);
    this.#debug = config.logLevel === 'debug';
  }

  /** Sends one operation (with retries) and resolves with its decoded body. */
  request<T>(spec: RequestSpec, options: RequestOptions = {}): APIPromise<T> {
    return new APIPromise<T>(this.#execute<T>(spec, options));
  }

  /**
   * Sends one operation whose body wraps its result in an envelope (`{ data: X }`,
   * `spec.envelope` names the property) and resolves with the model inside it; `.withResponse()`
   * gives the whole body.
   */
  requestUnwrapped<T, Body>(
    spec: RequestSpec & { envelope: string },
    options: RequestOptions = {},
  ): EnvelopePromise<T, Body> {
    const { envelope } = spec;
    return new EnvelopePromise<T, Body>(this.#execute<Body>(spec, options), ({ data, response }) => {
      if (typeof data === 'object' && data !== null && Object.hasOwn(data, envelope)) {
        return (data as Record<string, unknown>)[envelope] as T;
      }
      // The spec promised the envelope: a body without it is not the operation's result.
      throw invalidResponse(
        `The response body has no "${envelope}" property to unwrap (it is still available from .withResponse())`,
        response,
        this.#redactor,
        this.#settings,
      );
    });
  }

  /**
   * Sends a list operation; the result is awaitable for the first page and async-iterable over
   * every item. A position already in the call (a cursor, offset or page parameter, or the
   * `pageUrl` option) resumes a walk from that checkpoint.
   */
  requestPage<TBody, TItem, TPage extends AbstractPage<TBody, TItem, unknown> = Page<TBody, TItem>>(
    spec: RequestSpec,
    paging: PagingSpec,
    options: PageRequestOptions = {},
  ): PagePromise<TBody, TItem, TPage> {
    const { maxItems, maxPages, pageUrl: _pageUrl, ...requestOptions } = options;
    checkCaps({ maxItems, maxPages });
    const style = pageStyleOf(this.#settings.pageStyles, paging);
    const load = async (position: unknown): Promise<WithResponse<TPage>> => {
      const sent = position === undefined ? spec : style.request(paging, spec, position, this.baseUrl);
      const result = await this.#execute<TBody>(sent, requestOptions);
      const { data: body, response } = result;
      const init = {
        body,
        response,
        paging,
        spec: sent,
        position,
        baseUrl: this.baseUrl,
      };
      return {
        ...result,
        data: style.page<TBody, TItem>(init, source) as TPage,
      };
    };
    const source: PageSource<unknown> = {
      load: async (position) => (await load(position)).data,
      invalid: (message, page) => invalidResponse(message, page.response, this.#redactor, this.#settings),
    };
    return new PagePromise<TBody, TItem, TPage>(load(style.start(paging, spec, options)), { maxItems, maxPages });
  }

  async #execute<T>(spec: RequestSpec, options: RequestOptions): Promise<WithResponse<T>> {
    const { signal } = options;
    const auth = spec.auth === false ? this.#auth.anon : this.#auth.sent(spec.security);
    const authQuery = auth.query;
    // Every URL that can leave the client (log lines, hook payloads) goes through the redactor.
    const styler = this.#settings.queryStyles;
    const url = withAuthQuery(buildUrl(this.baseUrl, spec.path, spec.query, spec.queryStyles, styler), authQuery);
    const payload = requestPayload(spec, options, auth.headers, this.#settings);
    // One key per call, so every retry carries the same one (idempotency.ts).
    const keyed = keyedRequest(payload.headers, spec, options, this.#settings);
    const request: AttemptInit = {
      method: spec.method,
      ...payload,
      headers: keyed.headers,
    };
    if (authQuery !== undefined) request.authQuery = authQuery;
    if (spec.responseType === 'blob' || spec.responseType === 'text') request.download = this.#settings.downloadHop;
    request.maxResponseBytes =
      options.maxResponseBytes === undefined
        ? this.maxResponseBytes
        : checkByteLimit(options.maxResponseBytes, 'maxResponseBytes');
    const maxRetries =
      options.maxRetries === undefined ? this.maxRetries : checkMaxRetries(options.maxRetries, 'maxRetries');
    const timeout = options.timeout === undefined ? this.timeout : checkDuration(options.timeout, 'timeout');
    const deadline = options.deadline === undefined ? this.deadline : checkDuration(options.deadline, 'deadline');
    const deadlineAt = deadline === undefined ? undefined : Date.now() + deadline;
    const logInfo = (extra?: object): Record<string, unknown> => ({
      method: spec.method,
      url,
      operationId: spec.operationId,
      ...extra,
    });
    const redactor = this.#redactor;
    const hooks = this.#hooks;

    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadlineAt === undefined ? Infinity : deadlineAt - Date.now();
      const retries = attempt - 1;
      const limits = {
        timeoutMs: Math.max(0, Math.min(timeout, remaining)),
        limit: deadline !== undefined && remaining < timeout ? { deadline } : { timeout },
        signal,
        retries,
      };
      if (this.#debug) this.#log.debug(`${spec.method} ${url} (attempt ${attempt})`, logInfo({ attempt }));
      // Hook payloads (redacted copies) are built only when hooks are set.
      const hookInfo = hooks && {
        method: spec.method,
        url: redactor.text(url),
        attempt,
        headers: redactor.headers(request.headers),
      };
      if (hookInfo) this.#callHook('onRequest', hookInfo);
      const started = hookInfo ? Date.now() : 0;
      let sent: AttemptResult | undefined;
      let outcome: Outcome<T>;
      try {
        sent = await sendOnce(this.#fetch, url, request, limits, redactor);
        outcome = readOutcome<T>(sent, spec.responseType ?? 'json', retries, redactor, this.#settings);
      } catch (caught) {
        // sendOnce only throws ClientErrors (abort, timeout, connection); readOutcome never throws.
        // (An oversized body is not thrown: it comes back as `tooLarge`, for readOutcome's error.)
        outcome = { error: caught as ClientError, headers: undefined };
      }
      if (hookInfo) {
        const error = 'error' in outcome ? { error: outcome.error } : {};
        const durationMs = Date.now() - started;
        this.#callHook('onResponse', {
          ...hookInfo,
          status: sent?.response.status,
          durationMs,
          ...error,
        });
      }
      if ('result' in outcome) return outcome.result;

      const { error } = outcome;
      if (!shouldRetry(error, keyed.resendable)) throw error;
      if (attempt > maxRetries) {
        this.#log.warn(`Giving up on ${spec.method} ${url} after ${retries} retries: ${error.message}`, logInfo());
        throw error;
      }
      const delay = retryDelayMs(attempt, outcome.headers);
      if (deadlineAt !== undefined && Date.now() + delay >= deadlineAt) {
        this.#log.warn(
          `Giving up on ${spec.method} ${url}: waiting ${delay} ms would pass the deadline (${error.message})`,
          logInfo(),
        );
        throw error;
      }
      const retryInfo = logInfo({ attempt, delayMs: delay });
      this.#log.info(
        `Retrying ${spec.method} ${url} in ${delay} ms (retry ${attempt} of ${maxRetries}): ${error.message}`,
        retryInfo,
      );
      await sleep(delay, signal);
    }
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

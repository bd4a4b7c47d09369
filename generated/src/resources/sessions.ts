// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { EventListResponse, PublicSession, SessionDetails, SessionListResponse } from '../models.js';
import { CURSOR_PAGING } from '../paging.js';
import type { EnvelopePromise } from '../runtime/api-promise.js';
import type { ApiClient } from '../runtime/core.js';
import type { PageRequestOptions, RequestOptions, WithOptionalUndefined } from '../runtime/options.js';
import type { PagePromise } from '../runtime/pagination.js';
import { encodePath } from '../runtime/paths.js';
import type { paths } from '../types.js';
/** T's own properties, under the name of the alias that declares it (hover shows `XParams`, not an expanded object). */
type Named$<T, K extends keyof T = keyof T> = { [P in K]: T[P] };
/** Parameters of `listSessions` (query). */
export type ListSessionsParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/sessions']['get']['parameters']['query']>>
>;
/** Response body of `listSessions` (HTTP 200). */
export type ListSessionsResponse = paths['/v1/sessions']['get']['responses']['200']['content']['application/json'];
/** One item of a `listSessions` page. */
export type ListSessionsItem = NonNullable<ListSessionsResponse['data']>[number];

/**
 * List tracking sessions for the caller's integration
 *
 * Tree-shakable form of {@link Sessions.list | `client.sessions.list()`}.
 *
 * @see GET /v1/sessions
 */
export function listSessions(
  client: ApiClient,
  params?: ListSessionsParams,
  options?: PageRequestOptions,
): PagePromise<SessionListResponse, ListSessionsItem> {
  return client.requestPage<SessionListResponse, ListSessionsItem>(
    { method: 'GET', path: '/v1/sessions', query: params, operationId: 'listSessions' },
    CURSOR_PAGING,
    options,
  );
}

/** Response body of `getSession` (HTTP 200). */
export type GetSessionResponse =
  paths['/v1/sessions/{sessionId}']['get']['responses']['200']['content']['application/json'];

/**
 * Get a single tracking session by id
 *
 * Tree-shakable form of {@link Sessions.get | `client.sessions.get()`}.
 *
 * @see GET /v1/sessions/{sessionId}
 */
export function getSession(
  client: ApiClient,
  sessionId: string,
  options?: RequestOptions,
): EnvelopePromise<PublicSession, GetSessionResponse> {
  return client.requestUnwrapped<PublicSession, GetSessionResponse>(
    { method: 'GET', path: encodePath`/v1/sessions/${sessionId}`, envelope: 'data', operationId: 'getSession' },
    options,
  );
}

/** Response body of `getSessionDetails` (HTTP 200). */
export type GetSessionDetailsResponse =
  paths['/v1/sessions/{sessionId}/details']['get']['responses']['200']['content']['application/json'];

/**
 * Get detailed session data (timeline + event counts + page history)
 *
 * Tree-shakable form of {@link Sessions.details | `client.sessions.details()`}.
 *
 * @see GET /v1/sessions/{sessionId}/details
 */
export function getSessionDetails(
  client: ApiClient,
  sessionId: string,
  options?: RequestOptions,
): EnvelopePromise<SessionDetails, GetSessionDetailsResponse> {
  return client.requestUnwrapped<SessionDetails, GetSessionDetailsResponse>(
    {
      method: 'GET',
      path: encodePath`/v1/sessions/${sessionId}/details`,
      envelope: 'data',
      operationId: 'getSessionDetails',
    },
    options,
  );
}

/** Parameters of `listEvents` (query). */
export type ListEventsParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/sessions/{sessionId}/events']['get']['parameters']['query']>>
>;
/** Response body of `listEvents` (HTTP 200). */
export type ListEventsResponse =
  paths['/v1/sessions/{sessionId}/events']['get']['responses']['200']['content']['application/json'];
/** One item of a `listEvents` page. */
export type ListEventsItem = NonNullable<ListEventsResponse['data']>[number];

/**
 * List event-level metadata for a session
 *
 * Tree-shakable form of {@link Sessions.events | `client.sessions.events()`}.
 *
 * @see GET /v1/sessions/{sessionId}/events
 */
export function listEvents(
  client: ApiClient,
  sessionId: string,
  params?: ListEventsParams,
  options?: PageRequestOptions,
): PagePromise<EventListResponse, ListEventsItem> {
  return client.requestPage<EventListResponse, ListEventsItem>(
    { method: 'GET', path: encodePath`/v1/sessions/${sessionId}/events`, query: params, operationId: 'listEvents' },
    CURSOR_PAGING,
    options,
  );
}

/** Operations under `client.sessions`. */
export class Sessions {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * List tracking sessions for the caller's integration
   *
   * Lists tracking sessions of the integration the API key belongs to, one page at a time (cursor pagination). Filters are optional and combine. A `startDate` older than the plan tier's history window (Free 7 days, Pro 30 days, Enterprise up to 7 years) returns an empty page, not an error.
   *
   * @param params - query parameters:
   * - `pageSize`: Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. (integer (int32), 1–100, default 50)
   * - `cursor`: Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. (string)
   * - `status`: Only sessions with this status, e.g. `active` or `closed` (not a closed set). (string)
   * - `botOnly`: If `true`, only sessions with `botScore >= 0.7`. (boolean)
   * - `startDate`: Only sessions created at or after this ISO-8601 date-time (inclusive). (string (date-time))
   * - `endDate`: Only sessions created at or before this ISO-8601 date-time (inclusive). (string (date-time))
   * @param options - Per-request options (signal, timeout, maxRetries, headers) and walk caps (maxItems, maxPages).
   * @returns A page promise: `await` it for the first page, or `for await` over it for every item across pages (cursor: `cursor`).
   * @throws {@link BadRequestError} 400: Malformed request or validation failure (e.g. an unparseable date or an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use.
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/sessions
   */
  list(params?: ListSessionsParams, options?: PageRequestOptions): PagePromise<SessionListResponse, ListSessionsItem> {
    return listSessions(this.#client, params, options);
  }

  /**
   * Get a single tracking session by id
   *
   * Returns one session of the caller's integration.
   *
   * @param sessionId - Session id (`PublicSession.id`). (string)
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @throws {@link NotFoundError} 404: No session with this id exists. Code `NOT_FOUND`.
   * @see GET /v1/sessions/{sessionId}
   */
  get(sessionId: string, options?: RequestOptions): EnvelopePromise<PublicSession, GetSessionResponse> {
    return getSession(this.#client, sessionId, options);
  }

  /**
   * Get detailed session data (timeline + event counts + page history)
   *
   * Returns detailed data for one session: start/end time and duration, event counts per category, an activity timeline and the page history.
   *
   * @param sessionId - Session id (`PublicSession.id`). (string)
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @throws {@link NotFoundError} 404: No session with this id exists. Code `NOT_FOUND`.
   * @throws {@link InternalServerError} 503: Session details are temporarily unavailable. Code `SERVICE_UNAVAILABLE`. The request is an idempotent read and may be retried with backoff.
   * @see GET /v1/sessions/{sessionId}/details
   */
  details(sessionId: string, options?: RequestOptions): EnvelopePromise<SessionDetails, GetSessionDetailsResponse> {
    return getSessionDetails(this.#client, sessionId, options);
  }

  /**
   * List event-level metadata for a session
   *
   * Lists metadata (id, type, Unix-millisecond timestamp, payload size) of the events recorded in one session, one page at a time. Unlike the other list endpoints, `pageSize` defaults to 100 (before the tier clamp).
   *
   * @param sessionId - Session id (`PublicSession.id`). (string)
   * @param params - query parameters:
   * - `pageSize`: Number of items per page, 1–100 (default 100). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. This endpoint defaults to 100, so Free-tier callers effectively get 50. (integer (int32), 1–100, default 100)
   * - `cursor`: Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. (string)
   * - `type`: Only events of this type. Accepts the message-type byte in decimal or hex (e.g. `1`, `0x01`) or a short name (e.g. `init`, `mouse_move`, `keypress`). (string)
   * - `startTime`: Only events with `timestamp` at or after this time (inclusive), as Unix time in milliseconds. (integer (int64))
   * - `endTime`: Only events with `timestamp` at or before this time (inclusive), as Unix time in milliseconds. (integer (int64))
   * @param options - Per-request options (signal, timeout, maxRetries, headers) and walk caps (maxItems, maxPages).
   * @returns A page promise: `await` it for the first page, or `for await` over it for every item across pages (cursor: `cursor`).
   * @throws {@link BadRequestError} 400: Malformed request or validation failure (e.g. an unknown event `type` or an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use.
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @throws {@link NotFoundError} 404: No session with this id exists. Code `NOT_FOUND`.
   * @see GET /v1/sessions/{sessionId}/events
   */
  events(
    sessionId: string,
    params?: ListEventsParams,
    options?: PageRequestOptions,
  ): PagePromise<EventListResponse, ListEventsItem> {
    return listEvents(this.#client, sessionId, params, options);
  }
}

// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { UserListResponse, UserSessionsResponse } from '../models.js';
import { CURSOR_PAGING } from '../paging.js';
import type { ApiClient } from '../runtime/core.js';
import type { PageRequestOptions, WithOptionalUndefined } from '../runtime/options.js';
import type { PagePromise } from '../runtime/pagination.js';
import { encodePath } from '../runtime/paths.js';
import type { paths } from '../types.js';
/** T's own properties, under the name of the alias that declares it (hover shows `XParams`, not an expanded object). */
type Named$<T, K extends keyof T = keyof T> = { [P in K]: T[P] };
/** Parameters of `listUsers` (query). */
export type ListUsersParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/users']['get']['parameters']['query']>>
>;
/** Response body of `listUsers` (HTTP 200). */
export type ListUsersResponse = paths['/v1/users']['get']['responses']['200']['content']['application/json'];
/** One item of a `listUsers` page. */
export type ListUsersItem = NonNullable<ListUsersResponse['data']>[number];

/**
 * List LMS users correlated with sessions
 *
 * Tree-shakable form of {@link Users.list | `client.users.list()`}.
 *
 * @see GET /v1/users
 */
export function listUsers(
  client: ApiClient,
  params?: ListUsersParams,
  options?: PageRequestOptions,
): PagePromise<UserListResponse, ListUsersItem> {
  return client.requestPage<UserListResponse, ListUsersItem>(
    { method: 'GET', path: '/v1/users', query: params, operationId: 'listUsers' },
    CURSOR_PAGING,
    options,
  );
}

/** Parameters of `getUserSessions` (query). */
export type GetUserSessionsParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/users/{userId}/sessions']['get']['parameters']['query']>>
>;
/** Response body of `getUserSessions` (HTTP 200). */
export type GetUserSessionsResponse =
  paths['/v1/users/{userId}/sessions']['get']['responses']['200']['content']['application/json'];
/** One item of a `getUserSessions` page. */
export type GetUserSessionsItem = NonNullable<GetUserSessionsResponse['data']>[number];

/**
 * Get sessions for an LMS user (paginated)
 *
 * Tree-shakable form of {@link Users.sessions | `client.users.sessions()`}.
 *
 * @see GET /v1/users/{userId}/sessions
 */
export function getUserSessions(
  client: ApiClient,
  userId: string,
  params?: GetUserSessionsParams,
  options?: PageRequestOptions,
): PagePromise<UserSessionsResponse, GetUserSessionsItem> {
  return client.requestPage<UserSessionsResponse, GetUserSessionsItem>(
    { method: 'GET', path: encodePath`/v1/users/${userId}/sessions`, query: params, operationId: 'getUserSessions' },
    CURSOR_PAGING,
    options,
  );
}

/** Operations under `client.users`. */
export class Users {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * List LMS users correlated with sessions
   *
   * Lists the LMS users that were correlated with sessions of the caller's integration, with per-user bot statistics, one page at a time.
   *
   * @param params - query parameters:
   * - `pageSize`: Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. (integer (int32), 1–100, default 50)
   * - `cursor`: Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. (string)
   * - `search`: Case-insensitive substring match on `userId` or `userName`. (string)
   * @param options - Per-request options (signal, timeout, maxRetries, headers) and walk caps (maxItems, maxPages).
   * @returns A page promise: `await` it for the first page, or `for await` over it for every item across pages (cursor: `cursor`).
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/users
   */
  list(params?: ListUsersParams, options?: PageRequestOptions): PagePromise<UserListResponse, ListUsersItem> {
    return listUsers(this.#client, params, options);
  }

  /**
   * Get sessions for an LMS user (paginated)
   *
   * Lists the sessions correlated with one LMS user, one page at a time.
   *
   * @param userId - LMS user id (provider-neutral); the same value as `PublicSession.userId` and `PublicUser.userId`. (string)
   * @param params - query parameters:
   * - `pageSize`: Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. (integer (int32), 1–100, default 50)
   * - `cursor`: Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. (string)
   * @param options - Per-request options (signal, timeout, maxRetries, headers) and walk caps (maxItems, maxPages).
   * @returns A page promise: `await` it for the first page, or `for await` over it for every item across pages (cursor: `cursor`).
   * @throws {@link BadRequestError} 400: Malformed request or validation failure (e.g. an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use.
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/users/{userId}/sessions
   */
  sessions(
    userId: string,
    params?: GetUserSessionsParams,
    options?: PageRequestOptions,
  ): PagePromise<UserSessionsResponse, GetUserSessionsItem> {
    return getUserSessions(this.#client, userId, params, options);
  }
}

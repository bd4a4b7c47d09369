// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { CourseListResponse } from '../models.js';
import { CURSOR_PAGING } from '../paging.js';
import type { ApiClient } from '../runtime/core.js';
import type { PageRequestOptions, WithOptionalUndefined } from '../runtime/options.js';
import type { PagePromise } from '../runtime/pagination.js';
import type { paths } from '../types.js';
/** T's own properties, under the name of the alias that declares it (hover shows `XParams`, not an expanded object). */
type Named$<T, K extends keyof T = keyof T> = { [P in K]: T[P] };
/** Parameters of `listCourses` (query). */
export type ListCoursesParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/courses']['get']['parameters']['query']>>
>;
/** Response body of `listCourses` (HTTP 200). */
export type ListCoursesResponse = paths['/v1/courses']['get']['responses']['200']['content']['application/json'];
/** One item of a `listCourses` page. */
export type ListCoursesItem = NonNullable<ListCoursesResponse['data']>[number];

/**
 * List LMS courses extracted from session URLs
 *
 * Tree-shakable form of {@link Courses.list | `client.courses.list()`}.
 *
 * @see GET /v1/courses
 */
export function listCourses(
  client: ApiClient,
  params?: ListCoursesParams,
  options?: PageRequestOptions,
): PagePromise<CourseListResponse, ListCoursesItem> {
  return client.requestPage<CourseListResponse, ListCoursesItem>(
    { method: 'GET', path: '/v1/courses', query: params, operationId: 'listCourses' },
    CURSOR_PAGING,
    options,
  );
}

/** Operations under `client.courses`. */
export class Courses {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * List LMS courses extracted from session URLs
   *
   * Lists the LMS courses found in the URLs of the integration's sessions, with per-course counts, one page at a time.
   *
   * @param params - query parameters:
   * - `pageSize`: Number of items per page, 1–100 (default 50). Requests above the plan tier maximum (Free 50, Pro 100, Enterprise 100) are clamped silently, without an error; the effective page size is returned in `pagination.limit`. (integer (int32), 1–100, default 50)
   * - `cursor`: Opaque continuation token: pass the previous response's `pagination.nextCursor` back unchanged; omit it on the first request. Treat cursors as opaque: do not decode, split or build them, and do not reuse them across endpoints (the encoding may differ per endpoint and change between releases). Repeat the other filters unchanged on every page. (string)
   * - `search`: Optional text filter on the course id or name. (string)
   * @param options - Per-request options (signal, timeout, maxRetries, headers) and walk caps (maxItems, maxPages).
   * @returns A page promise: `await` it for the first page, or `for await` over it for every item across pages (cursor: `cursor`).
   * @throws {@link BadRequestError} 400: Malformed request or validation failure (e.g. an invalid cursor). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use.
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/courses
   */
  list(params?: ListCoursesParams, options?: PageRequestOptions): PagePromise<CourseListResponse, ListCoursesItem> {
    return listCourses(this.#client, params, options);
  }
}

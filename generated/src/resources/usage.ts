// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { UsageResponse } from '../models.js';
import type { APIPromise } from '../runtime/api-promise.js';
import type { ApiClient } from '../runtime/core.js';
import type { RequestOptions, WithOptionalUndefined } from '../runtime/options.js';
import type { paths } from '../types.js';
/** T's own properties, under the name of the alias that declares it (hover shows `XParams`, not an expanded object). */
type Named$<T, K extends keyof T = keyof T> = { [P in K]: T[P] };
/** Parameters of `getUsage` (query). */
export type GetUsageParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/usage']['get']['parameters']['query']>>
>;
/** Response body of `getUsage` (HTTP 200). */
export type GetUsageResponse = paths['/v1/usage']['get']['responses']['200']['content']['application/json'];

/**
 * Get API consumption metrics for the integration over a date range
 *
 * Tree-shakable form of {@link Usage.get | `client.usage.get()`}.
 *
 * @see GET /v1/usage
 */
export function getUsage(
  client: ApiClient,
  params?: GetUsageParams,
  options?: RequestOptions,
): APIPromise<UsageResponse> {
  return client.request<UsageResponse>(
    { method: 'GET', path: '/v1/usage', query: params, operationId: 'getUsage' },
    options,
  );
}

/** Operations under `client.usage`. */
export class Usage {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * Get API consumption metrics for the integration over a date range
   *
   * Returns API consumption metrics for the integration over an inclusive date range, optionally for one metric. The response is not paginated and not wrapped in a single `data` object.
   *
   * @param params - query parameters:
   * - `startDate`: Inclusive lower bound of the range, written as an ISO-8601 date (e.g. `2026-06-01`). Default: 30 days before `endDate`. (string (date-time))
   * - `endDate`: Inclusive upper bound of the range, written as an ISO-8601 date. Default: today (UTC). (string (date-time))
   * - `metric`: Only this metric: `ApiCalls`, `Events`, `Sessions`, `StorageBytes` or `BotAnalyses` (matched case-insensitively). Omit for all metrics. (string, one of "ApiCalls" | "Events" | "Sessions" | "StorageBytes" | "BotAnalyses")
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @throws {@link BadRequestError} 400: Malformed request or validation failure (e.g. an unparseable date or an unknown `metric`). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use.
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/usage
   */
  get(params?: GetUsageParams, options?: RequestOptions): APIPromise<UsageResponse> {
    return getUsage(this.#client, params, options);
  }
}

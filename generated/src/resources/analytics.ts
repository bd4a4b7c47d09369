// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { Analytics } from '../models.js';
import type { EnvelopePromise } from '../runtime/api-promise.js';
import type { ApiClient } from '../runtime/core.js';
import type { RequestOptions, WithOptionalUndefined } from '../runtime/options.js';
import type { paths } from '../types.js';
/** T's own properties, under the name of the alias that declares it (hover shows `XParams`, not an expanded object). */
type Named$<T, K extends keyof T = keyof T> = { [P in K]: T[P] };
/** Parameters of `getAnalytics` (query). */
export type GetAnalyticsParams = Named$<
  WithOptionalUndefined<NonNullable<paths['/v1/analytics']['get']['parameters']['query']>>
>;
/** Response body of `getAnalytics` (HTTP 200). */
export type GetAnalyticsResponse = paths['/v1/analytics']['get']['responses']['200']['content']['application/json'];

/**
 * Aggregated analytics for the integration
 *
 * Tree-shakable form of {@link AnalyticsResource.get | `client.analytics.get()`}.
 *
 * @see GET /v1/analytics
 */
export function getAnalytics(
  client: ApiClient,
  params?: GetAnalyticsParams,
  options?: RequestOptions,
): EnvelopePromise<Analytics, GetAnalyticsResponse> {
  return client.requestUnwrapped<Analytics, GetAnalyticsResponse>(
    { method: 'GET', path: '/v1/analytics', query: params, envelope: 'data', operationId: 'getAnalytics' },
    options,
  );
}

/** Operations under `client.analytics`. */
export class AnalyticsResource {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * Aggregated analytics for the integration
   *
   * Returns aggregated analytics for the integration over a recent period: summary totals, a time series bucketed by `groupBy`, bot-detection and user-matching summaries, top origins and a device breakdown.
   *
   * @param params - query parameters:
   * - `period`: Time window ending now: `24h`, `7d`, `30d` or `90d`. Default `7d`. (string, default "7d", one of "24h" | "7d" | "30d" | "90d")
   * - `groupBy`: Time-series bucket size: `hour`, `day` or `week`. Default `day`. (string, default "day", one of "hour" | "day" | "week")
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @throws {@link BadRequestError} 400: Malformed request or validation failure (e.g. an unsupported `period` or `groupBy`). Code `VALIDATION_ERROR` with `error.details.field` naming the offending parameter, or `INVALID_CURSOR` for a cursor the server cannot use.
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/analytics
   */
  get(params?: GetAnalyticsParams, options?: RequestOptions): EnvelopePromise<Analytics, GetAnalyticsResponse> {
    return getAnalytics(this.#client, params, options);
  }
}

// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { IntegrationStats } from '../models.js';
import type { EnvelopePromise } from '../runtime/api-promise.js';
import type { ApiClient } from '../runtime/core.js';
import type { RequestOptions } from '../runtime/options.js';
import type { paths } from '../types.js';
/** Response body of `getStats` (HTTP 200). */
export type GetStatsResponse = paths['/v1/stats']['get']['responses']['200']['content']['application/json'];

/**
 * Get high-level integration stats
 *
 * Tree-shakable form of {@link Stats.get | `client.stats.get()`}.
 *
 * @see GET /v1/stats
 */
export function getStats(
  client: ApiClient,
  options?: RequestOptions,
): EnvelopePromise<IntegrationStats, GetStatsResponse> {
  return client.requestUnwrapped<IntegrationStats, GetStatsResponse>(
    { method: 'GET', path: '/v1/stats', envelope: 'data', operationId: 'getStats' },
    options,
  );
}

/** Operations under `client.stats`. */
export class Stats {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * Get high-level integration stats
   *
   * Returns high-level counters for the caller's integration.
   *
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/stats
   */
  get(options?: RequestOptions): EnvelopePromise<IntegrationStats, GetStatsResponse> {
    return getStats(this.#client, options);
  }
}

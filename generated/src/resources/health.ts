// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { HealthResponse } from '../models.js';
import type { APIPromise } from '../runtime/api-promise.js';
import type { ApiClient } from '../runtime/core.js';
import type { RequestOptions } from '../runtime/options.js';
import type { paths } from '../types.js';
/** Response body of `health` (HTTP 200). */
export type HealthOperationResponse = paths['/health']['get']['responses']['200']['content']['application/json'];

/**
 * Health probe
 *
 * Tree-shakable form of {@link Health.check | `client.health.check()`}.
 *
 * @see GET /health
 */
export function health(client: ApiClient, options?: RequestOptions): APIPromise<HealthResponse> {
  return client.request<HealthResponse>(
    { method: 'GET', path: '/health', auth: false, operationId: 'health' },
    options,
  );
}

/** Operations under `client.health`. */
export class Health {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * Health probe
   *
   * Unauthenticated health probe of the regional stack. Returns a bare object, never the error envelope; no error responses are defined. Any non-200 response means the regional stack or the network is the problem.
   *
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @see GET /health
   */
  check(options?: RequestOptions): APIPromise<HealthResponse> {
    return health(this.#client, options);
  }
}

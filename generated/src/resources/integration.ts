// Generated from Not AI Public API by notai-codegen. Do not edit.
import type { PublicIntegration } from '../models.js';
import type { EnvelopePromise } from '../runtime/api-promise.js';
import type { ApiClient } from '../runtime/core.js';
import type { RequestOptions } from '../runtime/options.js';
import type { paths } from '../types.js';
/** Response body of `getIntegration` (HTTP 200). */
export type GetIntegrationResponse = paths['/v1/integration']['get']['responses']['200']['content']['application/json'];

/**
 * Get the integration this API key resolved to
 *
 * Tree-shakable form of {@link Integration.get | `client.integration.get()`}.
 *
 * @see GET /v1/integration
 */
export function getIntegration(
  client: ApiClient,
  options?: RequestOptions,
): EnvelopePromise<PublicIntegration, GetIntegrationResponse> {
  return client.requestUnwrapped<PublicIntegration, GetIntegrationResponse>(
    { method: 'GET', path: '/v1/integration', envelope: 'data', operationId: 'getIntegration' },
    options,
  );
}

/** Operations under `client.integration`. */
export class Integration {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * Get the integration this API key resolved to
   *
   * Returns the integration the presented API key is bound to (every list endpoint is implicitly scoped to it), including the masked key. Recommended as the first call and smoke test for a new key.
   *
   * @param options - Per-request options (signal, timeout, maxRetries, headers).
   * @throws {@link AuthenticationError} 401: Unauthenticated: the API key is missing, malformed, unknown, or belongs to the other region. The code is always `INVALID_API_KEY`. This response carries no `x-isnotai-tier` header. Do not retry with the same key.
   * @see GET /v1/integration
   */
  get(options?: RequestOptions): EnvelopePromise<PublicIntegration, GetIntegrationResponse> {
    return getIntegration(this.#client, options);
  }
}

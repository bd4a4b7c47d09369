// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/response-meta.ts.
import type { ApiSettings } from './settings.js';

/** The settings slice needed to read a response: metadata headers and the error body's fields. */
export type ResponseSettings = Pick<ApiSettings, 'responseHeaders' | 'errorBody'>;

/** Plan tier reported by the server (e.g. `x-isnotai-tier`), if the API has such a header. */
export function readTier(headers: Headers, settings: ResponseSettings): string | undefined {
  const name = settings.responseHeaders.tier;
  return name === undefined ? undefined : (headers.get(name) ?? undefined);
}

/** First non-empty request-id header among the configured names. */
export function readRequestId(headers: Headers, settings: ResponseSettings): string | undefined {
  for (const name of settings.responseHeaders.requestId ?? []) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

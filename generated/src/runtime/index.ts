// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/index.ts.
/** Public surface of the runtime, for the generated package to re-export. */
export { APIPromise, EnvelopePromise, type WithResponse } from './api-promise.js';
export { ApiClient, type HttpMethod, type RequestSpec } from './core.js';
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ClientError,
  ConflictError,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseTooLargeError,
  UnprocessableEntityError,
  type APIErrorInit,
  type ErrorCode,
  type KnownErrorCodes,
} from './errors.js';
export type { LogLevel, Logger } from './logger.js';
export type {
  ClientHooks,
  ClientOptions,
  PageRequestOptions,
  RequestHookInfo,
  RequestOptions,
  ResponseHookInfo,
} from './options.js';
export { AbstractPage, PagePromise, type PagingSpec } from './pagination.js';
export { Page } from './paging-cursor.js';
export { LinkPage } from './paging-link.js';
export { OffsetPage } from './paging-offset.js';
export { PageNumberPage } from './paging-page-number.js';
export { encodePath } from './paths.js';
export { serializeQuery, type QueryParams, type QueryValue } from './query.js';
export { backoffDelayMs, retryDelayMs, shouldRetry } from './retry.js';
export type { ApiSettings } from './settings.js';

// Generated from Not AI Public API by notai-codegen. Do not edit.
export type {} from './error-codes.js';
export type {} from './response-fields.js';
export { NotAi, NotAiBase } from './client.js';
export type { NotAiOptions, NotAiRegion, NotAiAuthHeader } from './client.js';
export * from './resources/health.js';
export * from './resources/analytics.js';
export * from './resources/courses.js';
export * from './resources/integration.js';
export * from './resources/sessions.js';
export * from './resources/stats.js';
export * from './resources/usage.js';
export * from './resources/users.js';
export type * from './models.js';
export type { paths, components, operations } from './types.js';
export { ClientError as NotAiError } from './runtime/errors.js';
export {
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  InvalidResponseError,
  ResponseTooLargeError,
} from './runtime/errors.js';
export { APIPromise, EnvelopePromise } from './runtime/api-promise.js';
export { AbstractPage, PagePromise } from './runtime/pagination.js';
export { ApiClient } from './runtime/core.js';
export { Page } from './runtime/paging-cursor.js';
export type { ErrorCode, KnownErrorCodes, APIErrorInit } from './runtime/errors.js';
export type {
  ClientOptions,
  RequestOptions,
  PageRequestOptions,
  WithOptionalUndefined,
  ClientHooks,
  RequestHookInfo,
  ResponseHookInfo,
} from './runtime/options.js';
export type { Logger, LogLevel } from './runtime/logger.js';
export type { WithResponse } from './runtime/api-promise.js';
export type { RequestSpec, HttpMethod } from './runtime/core.js';
export type { PagingSpec, PageInit, PageSource, PageStyle, PageStyles } from './runtime/pagination.js';
export type { CursorPaging, OffsetPaging, PageNumberPaging, LinkPaging } from './runtime/paging-spec.js';
export type { Idempotency } from './runtime/idempotency.js';
export type { ApiSettings, AuthForm } from './runtime/settings.js';
export type { QueryStyle } from './runtime/query.js';
export type { ResponseType } from './runtime/response.js';
export type { ErrorBodyPaths } from './runtime/error-envelope.js';
export type { ResponseHeaderFields, ResponseHeaderField } from './runtime/response-meta.js';

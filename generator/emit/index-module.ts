import type { ApiIR } from '../ir/types.js';
import { clientTypeNames } from './client.js';
import { PAGING_RUNTIME, stylesUsed } from './paging-runtime.js';
import type { Printer } from './project.js';

/** Runtime names the package exports, by runtime module. Values and types are listed separately. */
const RUNTIME_VALUES: Record<string, string[]> = {
  './runtime/errors.js': [
    'APIError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError', 'ConflictError',
    'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'APIConnectionError', 'APITimeoutError',
    'APIUserAbortError', 'InvalidResponseError', 'ResponseTooLargeError',
  ],
  './runtime/api-promise.js': ['APIPromise', 'EnvelopePromise'],
  './runtime/pagination.js': ['AbstractPage', 'PagePromise'],
  './runtime/core.js': ['ApiClient'],
};
// Every type a public signature names is exported too, so callers can name it (a hook's
// parameter, `.withResponse()`'s result) and the API docs can link it.
const RUNTIME_TYPES: Record<string, string[]> = {
  './runtime/errors.js': ['ErrorCode', 'KnownErrorCodes', 'APIErrorInit'],
  './runtime/options.js': ['ClientOptions', 'RequestOptions', 'PageRequestOptions', 'WithOptionalUndefined', 'ClientHooks', 'RequestHookInfo', 'ResponseHookInfo'],
  './runtime/logger.js': ['Logger', 'LogLevel'],
  './runtime/api-promise.js': ['WithResponse'],
  './runtime/core.js': ['RequestSpec', 'HttpMethod'],
  './runtime/pagination.js': ['PagingSpec', 'PageInit', 'PageSource', 'PageStyle', 'PageStyles'],
  './runtime/paging-spec.js': ['CursorPaging', 'OffsetPaging', 'PageNumberPaging', 'LinkPaging'],
  './runtime/idempotency.js': ['Idempotency'],
  './runtime/settings.js': ['ApiSettings', 'AuthForm'],
  './runtime/query.js': ['QueryStyle'],
  './runtime/response.js': ['ResponseType'],
  './runtime/error-envelope.js': ['ErrorBodyPaths'],
  './runtime/response-meta.js': ['ResponseHeaderFields', 'ResponseHeaderField'],
};

/** `index.ts`: the package's whole public surface, explicit so a review sees every change to it. */
export function emitIndex(ir: ApiIR, printer: Printer, header: string): string {
  const names = clientTypeNames(ir);
  const lines: string[] = [
    // A type-only edge: the augmentation reaches every consumer of index.d.ts, and bundlers see no
    // side-effect import to warn about in a package marked "sideEffects": false.
    `export type {} from './error-codes.js';`,
    ...(ir.responseFields.length > 0 ? [`export type {} from './response-fields.js';`] : []),
    `export { ${ir.clientClassName}, ${names.base} } from './client.js';`,
    `export type { ${names.options}, ${names.region}, ${names.authHeader} } from './client.js';`,
    ...ir.resources.map((r) => `export * from './resources/${r.fileName}.js';`),
    `export type * from './models.js';`,
    `export type { paths, components, operations } from './types.js';`,
    `export { ClientError as ${ir.errorClassName} } from './runtime/errors.js';`,
    ...Object.entries(RUNTIME_VALUES).map(([m, list]) => `export { ${list.join(', ')} } from '${m}';`),
    // Each page class of the styles this API uses (and only those, so bundles carry no others).
    ...stylesUsed(ir).map((s) => `export { ${PAGING_RUNTIME[s].page} } from './runtime/${PAGING_RUNTIME[s].module}.js';`),
    ...Object.entries(RUNTIME_TYPES).map(([m, list]) => `export type { ${list.join(', ')} } from '${m}';`),
  ];
  return printer.print(header, lines);
}

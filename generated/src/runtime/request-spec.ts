// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/request-spec.ts.
import type { Idempotency } from './idempotency.js';
import type { QueryStyle } from './query.js';
import type { ResponseType } from './response.js';

/** The HTTP methods an operation can have. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** One operation call as the generated code describes it. */
export interface RequestSpec {
  method: HttpMethod;
  /** Already encoded (see encodePath), starting with "/". */
  path: string;
  /** Query parameters (see serializeQuery); undefined/null values are skipped. */
  query?: object | undefined;
  /**
   * Header parameters of the operation, "simple" style; undefined values are skipped. A client
   * whose API has no header parameters sends strings only (anything else is a ClientError).
   */
  headers?: Readonly<Record<string, unknown>> | undefined;
  /**
   * Per-parameter query serialisation when it differs from form/explode; only a client whose API
   * declares query styles has the serialiser (elsewhere a ClientError before sending).
   */
  queryStyles?: Readonly<Record<string, QueryStyle>> | undefined;
  body?: unknown;
  /**
   * "json" (default) serialises `body`; "form" encodes an object of fields as
   * application/x-www-form-urlencoded; "raw" sends it as given (string, Blob, bytes, ...).
   * Retries resend the same body, so a raw body must be replayable (not a one-shot stream).
   */
  bodyType?: 'json' | 'raw' | 'form' | undefined;
  /** Content-Type of a raw body (omitted for FormData, whose boundary fetch sets itself). */
  contentType?: string | undefined;
  /** Extension: how to decode a 2xx body; default "json" ("blob" needs an API with file answers). */
  responseType?: ResponseType | undefined;
  /** Default true; false sends no credentials (e.g. a health probe). */
  auth?: boolean | undefined;
  /** The credentials this operation accepts, where they differ from `ApiSettings.auth.security`. */
  security?: readonly (readonly string[])[] | undefined;
  /**
   * Whether an attempt that may have reached the server can be resent (see idempotency.ts).
   * Absent: by the method, RFC 9110's idempotent ones (GET, HEAD, OPTIONS, PUT, DELETE) can and
   * POST and PATCH cannot; set where the spec or config says otherwise, or names a key header.
   */
  idempotency?: Idempotency | undefined;
  /** The property of a `{ data: X }` envelope the call resolves to (the body stays in `.withResponse()`). */
  envelope?: string | undefined;
  operationId: string;
}

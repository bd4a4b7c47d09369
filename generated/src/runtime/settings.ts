// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/settings.ts.
import type { ResponseHeaderField } from './response-meta.js';
import type { ErrorBodyPaths } from './error-envelope.js';
import type { readBytes } from './body.js';
import type { DownloadHop } from './download-redirect.js';
import type { serializeHeaderParams } from './headers.js';
import type { withIdempotencyKey } from './idempotency.js';
import type { PageStyles } from './pagination.js';
import type { QueryStyler } from './query.js';

/** Where the key travels: a request header (after `prefix`), or a query parameter. */
export type AuthForm = { header: string; prefix: string } | { query: string };

/**
 * Everything API-specific the runtime needs. The generator emits one constant of this type
 * from the spec and its config; the runtime files themselves stay generic and are copied
 * verbatim into every generated client.
 */
export interface ApiSettings {
  /** npm package name, sent in the User-Agent. */
  packageName: string;
  /** Package version, sent in the User-Agent. */
  packageVersion: string;
  /** Human name of the client, used in error messages only. */
  clientName: string;
  /** Region (server) name -> base URL. */
  servers: Readonly<Record<string, string>>;
  /** Key of `servers` used when neither `baseUrl` nor `region` is given; '' when there is none. */
  defaultServer: string;
  apiKey: {
    /** Environment variables consulted, in order, when no key is passed; first non-empty wins. */
    envVars: readonly string[];
    /** Regular-expression source the key must match; checked locally before any request. */
    pattern?: string;
    /** Human description of the key format, shown when the key does not match `pattern`. */
    formatHint?: string;
    /**
     * True when no operation requires a key: the client can then be built without one and sends
     * none. (When any operation requires it, a missing key fails at construction instead.)
     */
    optional?: boolean;
  };
  auth: {
    /**
     * Auth form name -> where the key travels: a header and the prefix put before the key, or a
     * query parameter (APIs such as `?api_key=`).
     */
    headers: Readonly<Record<string, AuthForm>>;
    /** Key of `headers` used when the caller does not choose one. */
    default: string;
    /**
     * Present when operations take different credentials (the `credentials` option): the
     * alternatives operations accept by default, each a list of form names sent together (`[]`:
     * none needed); operations with their own list carry it in their RequestSpec. Absent: every
     * operation takes the client's `apiKey`.
     */
    security?: readonly (readonly string[])[];
  };
  /** Response headers surfaced on results and errors. */
  responseHeaders: { fields?: Readonly<Record<string, ResponseHeaderField>>; requestId?: readonly string[] };
  /**
   * Where the API's error bodies keep `code`, `message` and `details` (property paths, derived
   * from the spec's error schemas); common shapes are tried after them.
   */
  errorBody?: ErrorBodyPaths;
  /** Environment variable holding the default log level, e.g. "NOTAI_LOG". */
  logEnvVar?: string;
  /** The pagination styles the API's list operations use (only those, so bundles carry no others). */
  pageStyles?: PageStyles;
  /*
   * The runtime modules below are set only when the API's operations use them, so a client whose
   * API has none never bundles them (the generator imports each one it sets).
   */
  /** @internal Encodes `application/x-www-form-urlencoded` bodies (form.ts): operations with a form body. */
  formBody?: (value: unknown) => string;
  /** @internal Adds idempotency keys (idempotency.ts): operations that take an idempotency-key header. */
  idempotencyKeys?: typeof withIdempotencyKey;
  /**
   * @internal Follows a download's redirect to another origin, anonymously (download-redirect.ts):
   * operations answering a file or text. Without it, every redirect off the API's origin is refused.
   */
  downloadHop?: DownloadHop;
  /** @internal Reads a file answer as bytes under the size cap (body.ts): operations answering a file (blob). */
  readBytes?: typeof readBytes;
  /**
   * @internal Serialises header parameters (headers.ts): operations with header parameters.
   * Without it, an operation's headers are literal strings (an `accept`), merged as they are.
   */
  headerParams?: typeof serializeHeaderParams;
  /** @internal Serialises query parameters that declare a style or explode (query-styles.ts). */
  queryStyles?: QueryStyler;
}

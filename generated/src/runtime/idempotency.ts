// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/idempotency.ts.
import { ClientError } from './errors.js';
import { mergeHeaders } from './headers.js';
import type { RequestOptions } from './options.js';
import type { RequestSpec } from './request-spec.js';
import type { ApiSettings } from './settings.js';

/**
 * Methods RFC 9110 defines as idempotent (section 9.2.2): sending one twice has the effect of
 * sending it once, so an attempt may be resent even after it may have reached the server. POST
 * and PATCH are not; the generator marks the exceptions the spec or its config declares.
 */
export const IDEMPOTENT_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE'];

/**
 * How a call may be retried once an attempt may have reached the server: `'idempotent'` or
 * `'unsafe'` where the spec (`x-idempotent`) or the config overrides the method's meaning, or
 * the header that carries an idempotency key (the server then runs the call at most once).
 */
export type Idempotency = 'idempotent' | 'unsafe' | { keyHeader: string };

/** The headers to send and whether an attempt that may have reached the server may be resent. */
export interface KeyedRequest {
  headers: Record<string, string>;
  resendable: boolean;
}

/**
 * Adds the call's idempotency key, when its operation takes one: the caller's own (a header
 * parameter, a `headers` option, or `idempotencyKey`), else a new one. It is chosen once per call,
 * so every retry carries the same key and the server can tell a retry from a new call. A caller
 * who removes the header (`headers: { [name]: null }`) sends none and gets no resends.
 */
export function withIdempotencyKey(
  headers: Record<string, string>,
  spec: Pick<RequestSpec, 'method' | 'idempotency'>,
  options: Pick<RequestOptions, 'headers' | 'idempotencyKey'>,
  packageName: string,
): KeyedRequest {
  const { idempotency } = spec;
  if (typeof idempotency !== 'object') return { headers, resendable: resendable(spec) };
  const byMethod = IDEMPOTENT_METHODS.includes(spec.method);
  const name = idempotency.keyHeader.toLowerCase();
  if (Object.hasOwn(headers, name)) return { headers, resendable: true };
  const removed = Object.entries(options.headers ?? {}).some(
    ([key, value]) => value === null && key.toLowerCase() === name,
  );
  if (removed) return { headers, resendable: byMethod };
  const key = options.idempotencyKey ?? newIdempotencyKey(packageName);
  if (typeof key !== 'string' || key === '') throw new ClientError('idempotencyKey must be a non-empty string');
  // Validated like every other header; the key goes first so nothing else can be overridden.
  return { headers: mergeHeaders([{ [name]: key }, headers]), resendable: true };
}

/**
 * `withIdempotencyKey` where the API takes keys. It comes from the settings, set only for such
 * APIs, so a client whose API takes none never bundles key generation; without it, a call is
 * resent as its method or spec allows.
 */
export function keyedRequest(
  headers: Record<string, string>,
  spec: Pick<RequestSpec, 'method' | 'idempotency'>,
  options: Pick<RequestOptions, 'headers' | 'idempotencyKey'>,
  settings: Pick<ApiSettings, 'idempotencyKeys' | 'packageName'>,
): KeyedRequest {
  const addKey = settings.idempotencyKeys;
  if (typeof spec.idempotency === 'object' && addKey) return addKey(headers, spec, options, settings.packageName);
  return { headers, resendable: resendable(spec) };
}

/**
 * Whether a call without an idempotency key may be resent once an attempt may have reached the
 * server: what the spec or config says, else what its method means. Kept apart from
 * `withIdempotencyKey` so a client whose API takes no keys never bundles key generation.
 */
export function resendable(spec: Pick<RequestSpec, 'method' | 'idempotency'>): boolean {
  const { idempotency } = spec;
  return typeof idempotency === 'string' ? idempotency === 'idempotent' : IDEMPOTENT_METHODS.includes(spec.method);
}

/**
 * `<package>-retry-<uuid>`, after stripe-node's `stripe-node-retry-…`: a server's logs show which
 * keys a client made up, and a key is unguessable, so another caller's cannot collide with it.
 */
export function newIdempotencyKey(packageName: string): string {
  return `${idempotencyKeyPrefix(packageName)}${randomUUID()}`;
}

/** What every key the client makes up starts with: `<package>-retry-`, the name made header-safe. */
export function idempotencyKeyPrefix(packageName: string): string {
  const name = packageName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+/, '');
  return `${name === '' ? 'client' : name}-retry-`;
}

/** crypto.randomUUID, which browsers offer only in secure contexts; getRandomValues is everywhere. */
function randomUUID(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

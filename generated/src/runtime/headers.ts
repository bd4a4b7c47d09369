// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/headers.ts.
import { formatScalar } from './query.js';
import { ClientError } from './errors.js';

/** One layer of headers; undefined leaves the header as is, null removes it. */
export type HeaderLayer = Readonly<Record<string, string | number | boolean | null | undefined>> | undefined;

// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// CR/LF would let a value inject extra headers; NUL is rejected by most stacks anyway.
const LINE_BREAK_OR_NUL = /[\r\n\0]/;
// What HTTP allows in a field value (RFC 9110 field-vchar, SP, HTAB, obs-text). Anything else
// makes fetch throw a TypeError, which would otherwise surface as a retried "connection error".
const NOT_FIELD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Merges header layers left to right (later wins, names case-insensitive, stored lowercase)
 * and validates them, so a bad header fails with a ClientError before any request is sent.
 * The error names the header but never echoes its value (it may be a credential).
 */
export function mergeHeaders(layers: readonly HeaderLayer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const [rawName, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      const name = rawName.toLowerCase();
      if (!TOKEN.test(name)) throw new ClientError(`Invalid header name "${rawName}"`);
      if (value === null) {
        delete out[name];
        continue;
      }
      const text = String(value);
      if (LINE_BREAK_OR_NUL.test(text)) {
        throw new ClientError(`Invalid value for header "${name}": it must not contain CR, LF or NUL`);
      }
      if (NOT_FIELD_VALUE.test(text)) {
        throw new ClientError(
          `Invalid value for header "${name}": it must not contain control characters or characters above U+00FF (encode them first)`,
        );
      }
      out[name] = text;
    }
  }
  return out;
}

/**
 * Header parameters in OpenAPI's "simple" style (explode false): arrays as `a,b`, objects as
 * `k,v,k,v`. undefined/null leave the header out.
 */
export function serializeHeaderParams(
  params: Readonly<Record<string, unknown>> | undefined,
): Record<string, string | undefined> | undefined {
  if (params === undefined) return undefined;
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const part = (v: unknown): string => formatScalar(name, v);
    if (Array.isArray(value))
      out[name] = (value as unknown[])
        .filter((v) => v !== undefined && v !== null)
        .map(part)
        .join(',');
    else if (typeof value === 'object' && !(value instanceof Date)) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
      out[name] = entries.flatMap(([k, v]) => [k, part(v)]).join(',');
    } else out[name] = part(value);
  }
  return out;
}

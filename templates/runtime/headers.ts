import { ClientError } from './errors.js';

/** One layer of headers; undefined leaves the header as is, null removes it. */
export type HeaderLayer = Readonly<Record<string, string | number | boolean | null | undefined>> | undefined;

// RFC 9110 token characters.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// CR/LF would let a value inject extra headers; NUL is rejected by most stacks anyway.
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;

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
      if (FORBIDDEN_IN_VALUE.test(text)) {
        throw new ClientError(`Invalid value for header "${name}": it must not contain CR, LF or NUL`);
      }
      out[name] = text;
    }
  }
  return out;
}

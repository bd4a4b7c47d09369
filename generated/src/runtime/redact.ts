// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/redact.ts.
import { REDACTED, scrubber } from './scrub.js';

export { REDACTED };

/**
 * Success data is scrubbed only of keys at least this long. A key like `test` or `dev` (local
 * servers, APIs without a key format) would otherwise turn every occurrence of that word in the
 * caller's data into `[redacted]`. Messages, logs, hook payloads and error bodies are scrubbed of
 * any key: garbling a message is harmless, leaking a short key is not.
 *
 * They are also scrubbed of fragments of a key (any FRAGMENT_LENGTH characters or more of a key,
 * see fragments.ts), and success data is not: the data is the API's answer to the holder of the
 * key, and an API may well show part of it on purpose (a masked key such as `aik_v1_****…3f9a`,
 * a key's first characters to tell keys apart), which the client must hand over unchanged.
 */
export const MIN_DATA_SCRUBBED_LENGTH = 8;

/** Removes the API key from anything that leaves the client (logs, hooks, error messages). */
export interface Redactor {
  /** Replaces every occurrence of the key, or of a long enough piece of it, in a string. */
  text(value: string): string;
  /** For a success body: keys under MIN_DATA_SCRUBBED_LENGTH, and pieces of keys, are left in data. */
  data(value: string): string;
  /** Copies a header map, masking credential headers and any value holding the key. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /** Deep copy of log data with the same treatment (bounded depth, cycle-safe). */
  value(value: unknown): unknown;
  /**
   * text() for a body that will be parsed as JSON: also catches the key spelled with JSON
   * escapes (`\u0061ik_...`), which text() cannot see but JSON.parse would turn back into it.
   */
  json(body: string): string;
  /** Response headers with the key masked in every value; the same object when none holds it. */
  responseHeaders(headers: Headers): Headers;
  /**
   * The raw Response handed to callers; a copy (same status and headers, `url` redacted, body
   * already read) when its URL holds the key, as it does when the key travels in the query.
   */
  response(value: Response): Response;
  /**
   * The cause of a transport failure, or, if its message, stack, cause chain or own fields hold
   * the key, a plain Error copy (name and redacted message, same chain) without the extra fields.
   */
  cause(value: unknown): unknown;
}

const MAX_DEPTH = 6;
const WITHHELD_BODY = '[body withheld: too deeply nested to check it for the API key]';
/** How far down a cause chain (and its fields) a thrown value is searched for the key. */
const MAX_CAUSE_DEPTH = 4;

/**
 * @param secrets the API key, or every credential the client holds (none in tests of other parts)
 * @param sensitiveHeaders header names whose values are always masked, whatever they hold
 */
export function createRedactor(
  secrets: string | readonly string[] | undefined,
  sensitiveHeaders: Iterable<string>,
): Redactor {
  const sensitive = new Set(['authorization', 'x-api-key', 'proxy-authorization', 'cookie']);
  for (const name of sensitiveHeaders) sensitive.add(name.toLowerCase());

  const all = (typeof secrets === 'string' ? [secrets] : (secrets ?? [])).filter((secret) => secret !== '');
  const { holds, text } = scrubber(all, true);
  // Success data keeps short keys and pieces of keys (see MIN_DATA_SCRUBBED_LENGTH).
  const data = scrubber(
    all.filter((secret) => secret.length >= MIN_DATA_SCRUBBED_LENGTH),
    false,
  ).text;

  const json = (body: string): string => {
    const plain = text(body);
    // Without a backslash there is no escape for JSON.parse to decode, so text() saw it all.
    if (all.length === 0 || !plain.includes('\\')) return plain;
    let parsed: unknown;
    try {
      // The body as sent, not `plain`: text() may have masked a key's tail and left the escaped
      // head (`\u0061[redacted]`), which decodes to a character of the key.
      parsed = JSON.parse(body);
    } catch {
      return plain; // not JSON: it will be kept as text, escapes and all
    }
    try {
      // JSON.stringify escapes only quotes, backslashes and control characters, so a key made of
      // anything else appears literally in the canonical form iff some decoded string holds it.
      const canonical = JSON.stringify(parsed);
      return holds(canonical) ? text(canonical) : plain;
    } catch {
      // Too deeply nested to re-serialise, so it cannot be checked: withhold it.
      return WITHHELD_BODY;
    }
  };

  const responseHeaders = (input: Headers): Headers => {
    let dirty = false;
    input.forEach((value) => {
      dirty ||= holds(value);
    });
    if (!dirty) return input;
    const out = new Headers();
    input.forEach((value, name) => out.append(name, text(value)));
    return out;
  };

  const causeHolds = (value: unknown, depth: number): boolean => {
    if (typeof value === 'string') return holds(value);
    if (typeof value !== 'object' || value === null || depth > MAX_CAUSE_DEPTH) return false;
    const record = value as Record<string, unknown>;
    const names = new Set(['message', 'stack', 'cause', ...Object.keys(record)]);
    for (const name of names) {
      let item: unknown;
      try {
        item = record[name];
      } catch {
        continue; // a throwing getter cannot leak through us
      }
      if (causeHolds(item, depth + 1)) return true;
    }
    return false;
  };

  const cause = (value: unknown, depth = 0): unknown => {
    if (!causeHolds(value, 0)) return value;
    if (typeof value !== 'object' || value === null) return typeof value === 'string' ? text(value) : value;
    const { name, message, cause: inner } = value as { name?: unknown; message?: unknown; cause?: unknown };
    const copy = new Error(
      text(typeof message === 'string' ? message : ''),
      inner === undefined || depth >= MAX_CAUSE_DEPTH ? undefined : { cause: cause(inner, depth + 1) },
    );
    copy.name = typeof name === 'string' ? text(name) : 'Error';
    return copy;
  };

  const headers = (input: Readonly<Record<string, string>>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      out[name] = sensitive.has(name.toLowerCase()) ? REDACTED : text(value);
    }
    return out;
  };

  const walk = (value: unknown, depth: number, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_DEPTH || seen.has(value)) return '[…]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item: unknown) => walk(item, depth + 1, seen));
    if (value instanceof Headers) return headers(headerRecord(value));
    if (value instanceof Error) return text(`${value.name}: ${value.message}`);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const copy = sensitive.has(key.toLowerCase()) ? REDACTED : walk(item, depth + 1, seen);
      // defineProperty, not assignment: a "__proto__" key must stay data, not swap the prototype.
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  const response = (value: Response): Response => {
    if (!holds(value.url)) return value;
    const copy = new Response(null, { status: value.status, statusText: value.statusText, headers: value.headers });
    Object.defineProperties(copy, { url: { value: text(value.url) }, redirected: { value: value.redirected } });
    return copy;
  };

  return {
    text,
    response,
    data,
    headers,
    value: (value) => walk(value, 0, new WeakSet()),
    json,
    responseHeaders,
    cause: (value) => cause(value),
  };
}

/**
 * A Headers object as a plain record. forEach, not entries() or for…of: those need the
 * "dom.iterable" lib, and the runtime type-checks with "dom" alone.
 */
function headerRecord(value: Headers): Record<string, string> {
  const pairs: [string, string][] = [];
  value.forEach((item, name) => pairs.push([name, item]));
  return Object.fromEntries(pairs);
}

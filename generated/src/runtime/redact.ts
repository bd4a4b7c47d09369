// Generated from Not AI Public API 1.0.17.0 by notai-codegen. Do not edit. Copied from templates/runtime/redact.ts.
/** Shown instead of a secret in logs, hook payloads and error text. */
export const REDACTED = '[redacted]';

/** Removes the API key from anything that leaves the client (logs, hooks, error messages). */
export interface Redactor {
  /** Replaces every occurrence of the key in a string. */
  text(value: string): string;
  /** Copies a header map, masking credential headers and any value holding the key. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  /** Deep copy of log data with the same treatment (bounded depth, cycle-safe). */
  value(value: unknown): unknown;
}

const MAX_DEPTH = 6;

/**
 * @param secret the API key (may be undefined in tests of other parts)
 * @param sensitiveHeaders header names whose values are always masked, whatever they hold
 */
export function createRedactor(secret: string | undefined, sensitiveHeaders: Iterable<string>): Redactor {
  const sensitive = new Set(['authorization', 'x-api-key', 'proxy-authorization', 'cookie']);
  for (const name of sensitiveHeaders) sensitive.add(name.toLowerCase());

  const text = (value: string): string =>
    secret !== undefined && secret !== '' && value.includes(secret) ? value.split(secret).join(REDACTED) : value;

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
    if (value instanceof Headers) return headers(Object.fromEntries(value.entries()));
    if (value instanceof Error) return text(`${value.name}: ${value.message}`);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = sensitive.has(key.toLowerCase()) ? REDACTED : walk(item, depth + 1, seen);
    }
    return out;
  };

  return { text, headers, value: (value) => walk(value, 0, new WeakSet()) };
}

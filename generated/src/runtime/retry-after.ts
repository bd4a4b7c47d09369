// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/retry-after.ts.
/**
 * Parsing of the server's "wait this long" hints. Kept apart from retry.ts so errors.ts
 * can use it (RateLimitError.retryAfter) without an import cycle.
 */

const NUMBER = /^-?\d+(?:\.\d+)?$/;
// Date.parse is lenient enough to read "soon 1" as a date, so only hand it strings that look
// like one of the HTTP-date forms (all of which carry an hh:mm:ss time).
const LOOKS_LIKE_HTTP_DATE = /\d{1,2}:\d{2}:\d{2}/;

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/**
 * The delay the server asked for, in milliseconds, from `retry-after-ms` or `Retry-After`
 * (delta-seconds or an HTTP date). The first header that parses wins. Not range-checked:
 * the value can be negative (a date in the past) or huge; callers decide what to honour.
 */
export function parseRetryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (headers === undefined) return undefined;
  const msHeader = headers.get('retry-after-ms');
  if (msHeader !== null) {
    const ms = parseNumber(msHeader);
    if (ms !== undefined) return ms;
  }
  const header = headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = parseNumber(header);
  if (seconds !== undefined) return seconds * 1000;
  if (!LOOKS_LIKE_HTTP_DATE.test(header)) return undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : date - now;
}

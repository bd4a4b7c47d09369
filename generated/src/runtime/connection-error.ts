// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/connection-error.ts.
/** The message of an APIConnectionError: what failed, with the system code, and which server. */

function field(value: unknown, key: 'code' | 'message' | 'cause'): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * "Connection error: fetch failed (ECONNREFUSED)". Node's fetch hides the useful system code
 * one level down in `cause`; some fetch stand-ins reject with plain objects.
 */
export function describeConnectionError(cause: unknown, url: string): string {
  const message = field(cause, 'message');
  const code = [field(cause, 'code'), field(field(cause, 'cause'), 'code')].find((c) => typeof c === 'string');
  let text = typeof message === 'string' && message !== '' ? `Connection error: ${message}` : 'Connection error';
  if (typeof code === 'string' && !text.includes(code)) text += ` (${code})`;
  // Which server: "fetch failed" alone does not say whether the region, a proxy or a typo is at
  // fault. Only the origin: a path or query may carry the caller's data.
  let origin = 'null';
  try {
    origin = new URL(url).origin;
  } catch {
    // a custom fetch may accept what URL does not; then no origin is named
  }
  if (origin !== 'null' && !text.includes(origin)) text += `, talking to ${origin}`;
  return text;
}

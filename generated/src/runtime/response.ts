// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/response.ts.
import { InvalidResponseError } from './errors.js';
import type { ResponseSettings } from './response-meta.js';

/** How the body of a successful response is turned into data ("blob": bytes, e.g. a file). */
export type ResponseType = 'json' | 'text' | 'blob' | 'none';

/**
 * Decodes a 2xx body. 204/205 and responseType "none" give undefined; "text" gives the raw
 * string; "json" parses whatever the Content-Type claims (servers mislabel JSON), and an empty
 * or unparseable body becomes an InvalidResponseError instead of an uncaught SyntaxError.
 * `headers` gives the response headers as errors may show them (already redacted); it is only
 * called for an error, so a good response is not copied. `scrub` removes the key from the body
 * snippet an error message quotes (the data itself may keep a short key, see redact.ts).
 */
export function decodeSuccessBody(
  status: number,
  headers: () => Headers,
  bodyText: string,
  responseType: ResponseType,
  settings: ResponseSettings,
  scrub: (text: string) => string,
): unknown {
  if (responseType === 'none' || status === 204 || status === 205) return undefined;
  if (responseType === 'text' || responseType === 'blob') return bodyText;
  try {
    return JSON.parse(bodyText) as unknown;
  } catch {
    const shown = headers();
    if (bodyText.trim() === '') {
      throw new InvalidResponseError(
        `Expected a JSON body but the ${status} response was empty`,
        status,
        shown,
        settings,
      );
    }
    const type = shown.get('content-type') ?? 'no content-type';
    // Scrubbed before it is cut, so a key straddling the cut cannot show in part.
    const start = scrub(bodyText).slice(0, 80).replace(/\s+/g, ' ');
    const why = endsMidDocument(bodyText)
      ? ` it stops mid-document after ${bodyText.length} characters (truncated?):`
      : '';
    throw new InvalidResponseError(
      `Expected a JSON body but the ${status} response (${type}) is not valid JSON:${why} ${start}`,
      status,
      shown,
      settings,
    );
  }
}

/**
 * True when `text` is an object or array that is still open at its end (inside a string, or
 * with brackets unclosed): the signature of a body cut short, as opposed to one that is not
 * JSON at all. A cheap bracket count, not a parser; only used to word an error message.
 */
export function endsMidDocument(text: string): boolean {
  const body = text.trim();
  if (!body.startsWith('{') && !body.startsWith('[')) return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth <= 0) return false; // closed (or over-closed) before the end: not a cut-off
    }
  }
  return inString || depth > 0;
}

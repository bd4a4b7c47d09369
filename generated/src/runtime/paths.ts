// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/paths.ts.
import { ClientError } from './errors.js';

// CR/LF could split a request line on a sloppy proxy and NUL truncates strings in some
// servers; none has a legitimate place in an id, so refuse them outright.
const FORBIDDEN = /[\r\n\0]/;

/**
 * Tagged template that percent-encodes every interpolated path parameter:
 * encodePath`/v1/sessions/${id}/events`. Refuses values that would change which resource is
 * addressed once the URL is normalised (empty, ".", "..") and control characters, before any
 * request is made.
 */
export function encodePath(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  let path = strings[0] ?? '';
  for (let index = 0; index < values.length; index += 1) {
    path += encodeSegment(values[index], index, strings) + (strings[index + 1] ?? '');
  }
  return path;
}

function encodeSegment(value: unknown, index: number, strings: TemplateStringsArray): string {
  // The message is built only on failure: joining the template on every call is measurable.
  const fail = (reason: string, options?: ErrorOptions): ClientError =>
    new ClientError(`Invalid path parameter #${index + 1} of ${strings.join('{}')}: ${reason}`, options);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail('must be a finite number');
    return String(value);
  }
  if (typeof value !== 'string') throw fail('must be a string or number');
  if (value === '') throw fail('must not be empty');
  if (value === '.' || value === '..') throw fail('must not be "." or ".."');
  if (FORBIDDEN.test(value)) throw fail('must not contain CR, LF or NUL');
  try {
    return encodeURIComponent(value);
  } catch (cause) {
    // encodeURIComponent throws URIError on lone UTF-16 surrogates.
    throw fail('not well-formed Unicode', { cause });
  }
}

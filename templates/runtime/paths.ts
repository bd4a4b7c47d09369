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
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalidSegment(index, strings, 'must be a finite number');
    return String(value);
  }
  if (typeof value !== 'string') throw invalidSegment(index, strings, 'must be a string or number');
  if (value === '') throw invalidSegment(index, strings, 'must not be empty');
  if (value === '.' || value === '..') throw invalidSegment(index, strings, 'must not be "." or ".."');
  if (FORBIDDEN.test(value)) throw invalidSegment(index, strings, 'must not contain CR, LF or NUL');
  try {
    return encodeURIComponent(value);
  } catch (cause) {
    // encodeURIComponent throws URIError on lone UTF-16 surrogates.
    throw invalidSegment(index, strings, 'not well-formed Unicode', { cause });
  }
}

/**
 * The error for a bad path parameter. A function of its own, called only on failure: joining the
 * template on every call was measurable, and so was a closure made per segment to defer it.
 */
function invalidSegment(
  index: number,
  strings: TemplateStringsArray,
  reason: string,
  options?: ErrorOptions,
): ClientError {
  return new ClientError(`Invalid path parameter #${index + 1} of ${strings.join('{}')}: ${reason}`, options);
}

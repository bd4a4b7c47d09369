import { InvalidResponseError } from './errors.js';
import type { ResponseHeaderSettings } from './response-meta.js';

/** How the body of a successful response is turned into data. */
export type ResponseType = 'json' | 'text' | 'none';

/**
 * Decodes a 2xx body. 204/205 and responseType "none" give undefined; "text" gives the raw
 * string; "json" parses whatever the Content-Type claims (servers mislabel JSON), and an empty
 * or unparseable body becomes an InvalidResponseError instead of an uncaught SyntaxError.
 */
export function decodeSuccessBody(
  response: Response,
  bodyText: string,
  responseType: ResponseType,
  settings: ResponseHeaderSettings,
): unknown {
  if (responseType === 'none' || response.status === 204 || response.status === 205) return undefined;
  if (responseType === 'text') return bodyText;
  if (bodyText.trim() === '') {
    throw new InvalidResponseError(
      `Expected a JSON body but the ${response.status} response was empty`,
      response.status,
      response.headers,
      settings,
    );
  }
  try {
    return JSON.parse(bodyText) as unknown;
  } catch {
    const type = response.headers.get('content-type') ?? 'no content-type';
    const start = bodyText.slice(0, 80).replace(/\s+/g, ' ');
    throw new InvalidResponseError(
      `Expected a JSON body but the ${response.status} response (${type}) is not valid JSON: ${start}`,
      response.status,
      response.headers,
      settings,
    );
  }
}

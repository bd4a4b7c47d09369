import type { WithResponse } from './api-promise.js';
import { APIError, InvalidResponseError, ResponseTooLargeError, type ClientError } from './errors.js';
import type { Redactor } from './redact.js';
import { decodeSuccessBody, type ResponseType } from './response.js';
import { readRequestId, readHeaderFields, type ResponseSettings } from './response-meta.js';
import type { AttemptResult } from './transport.js';

/** What one attempt produced: the call's result, or an error plus the headers that came with it. */
export type Outcome<T> = { result: WithResponse<T> } | { error: ClientError; headers: Headers | undefined };

/**
 * Turns a received response into the call's result or a typed error. The server could echo the
 * key back ("invalid key aik_...") in the body or a header: both are scrubbed before they can
 * reach an error message, error.body, error.headers or a log line. (The raw Response handed out
 * with a success is left as the server sent it.)
 */
export function readOutcome<T>(
  sent: AttemptResult,
  responseType: ResponseType,
  retries: number,
  redactor: Redactor,
  settings: ResponseSettings,
): Outcome<T> {
  const { response } = sent;
  const redactedHeaders = (): Headers => redactor.responseHeaders(response.headers);
  if (sent.tooLarge !== undefined) {
    const headers = redactedHeaders();
    return { error: tooLarge(sent.tooLarge, response.status, headers, redactor, settings), headers };
  }
  if (sent.unusable !== undefined) {
    return {
      error: invalidResponse(sent.unusable, response, redactor, settings),
      headers: redactedHeaders(),
    };
  }
  if (!response.ok) {
    const headers = redactedHeaders();
    const text = redactor.json(sent.bodyText);
    return {
      error: APIError.from(response.status, text, headers, retries, settings),
      headers,
    };
  }
  try {
    if (sent.bodyBytes !== undefined) {
      // Bytes are handed over as the server sent them: a key cannot be scrubbed out of a file.
      const data = response.status === 204 || response.status === 205 ? undefined : toBlob(sent.bodyBytes, response);
      return { result: resultOf(data as T, redactor.response(response), settings) };
    }
    const text = redactor.data(sent.bodyText);
    const data = decodeSuccessBody(response.status, redactedHeaders, text, responseType, settings, redactor.text) as T;
    return { result: resultOf(data, redactor.response(response), settings) };
  } catch (error) {
    return { error: error as ClientError, headers: redactedHeaders() };
  }
}

function resultOf<T>(data: T, response: Response, settings: ResponseSettings): WithResponse<T> {
  // The surfaced header fields' object, completed in place: spreading it into a new literal was a
  // measurable part of the client's own per-call CPU (a copy with generic property lookups).
  const result = readHeaderFields(response.headers, settings) as WithResponse<T>;
  result.data = data;
  result.response = response;
  result.requestId = readRequestId(response.headers, settings);
  return result;
}

/** The bytes as a Blob typed with the response's Content-Type (Blob is global in Node 18+ and browsers). */
function toBlob(bytes: ArrayBuffer, response: Response): Blob {
  return new Blob([bytes], { type: response.headers.get('content-type') ?? '' });
}

/** The ResponseTooLargeError for a body that went past the cap, its URL and message scrubbed of the key. */
function tooLarge(
  overrun: NonNullable<AttemptResult['tooLarge']>,
  status: number,
  headers: Headers,
  redactor: Redactor,
  settings: ResponseSettings,
): ResponseTooLargeError {
  const { limit, bytes, declared, url } = overrun;
  const shown = redactor.text(url);
  const seen = declared ? `its Content-Length is ${bytes} bytes` : `reading stopped after ${bytes} bytes`;
  const message =
    `The response (HTTP ${status}) from ${shown} is larger than maxResponseBytes, ${limit} bytes: ${seen}. ` +
    'Raise maxResponseBytes (on the client or for this call) if so large an answer is expected.';
  return new ResponseTooLargeError(message, status, headers, settings, { limit, url: shown });
}

/** An InvalidResponseError about `response`, with the key scrubbed from message and headers. */
export function invalidResponse(
  message: string,
  response: Response,
  redactor: Redactor,
  settings: ResponseSettings,
): InvalidResponseError {
  const headers = redactor.responseHeaders(response.headers);
  return new InvalidResponseError(redactor.text(message), response.status, headers, settings);
}

import { ClientError } from './errors.js';
import { formBody } from './form.js';
import { mergeHeaders, serializeHeaderParams } from './headers.js';
import type { RequestOptions } from './options.js';
import type { RequestSpec } from './request-spec.js';
import type { AttemptInit } from './transport.js';

/** Headers and body of a request; any ClientError here is thrown before a request is sent. */
export function requestPayload(
  spec: RequestSpec,
  options: RequestOptions,
  base: Record<string, string>,
): Omit<AttemptInit, 'method'> {
  let body: BodyInit | null = null;
  let contentType: string | undefined;
  if (spec.body !== undefined) {
    if (spec.method === 'GET' || spec.method === 'HEAD')
      throw new ClientError(`${spec.method} requests cannot have a body`);
    const raw = spec.bodyType === 'raw';
    const form = spec.bodyType === 'form';
    body = raw ? (spec.body as BodyInit) : form ? formBody(spec.body) : JSON.stringify(spec.body);
    contentType = raw ? spec.contentType : form ? 'application/x-www-form-urlencoded' : 'application/json';
  }
  // Later layers win: the body's content type is a default, an operation's own header
  // parameters beat client-wide headers, and per-call options beat everything (including the
  // auth header, which null removes). A copy even when nothing is added: a custom fetch may
  // mutate the headers it is given.
  const headers =
    contentType === undefined && spec.headers === undefined && options.headers === undefined
      ? { ...base }
      : mergeHeaders([
          contentType === undefined ? undefined : { 'content-type': contentType },
          base,
          serializeHeaderParams(spec.headers),
          options.headers,
        ]);
  return { headers, body };
}

// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/payload.ts.
import { ClientError } from './errors.js';
import { mergeHeaders, type HeaderLayer } from './headers.js';
import type { RequestOptions } from './options.js';
import type { RequestSpec } from './request-spec.js';
import type { ApiSettings } from './settings.js';
import type { AttemptInit } from './transport.js';

/**
 * Headers and body of a request, and the reader of a file answer; any ClientError here is thrown
 * before a request is sent.
 */
export function requestPayload(
  spec: RequestSpec,
  options: RequestOptions,
  base: Record<string, string>,
  { formBody, headerParams, readBytes }: ApiSettings,
): Omit<AttemptInit, 'method'> {
  let body: BodyInit | null = null;
  let contentType: string | undefined;
  if (spec.body !== undefined) {
    if (spec.method === 'GET' || spec.method === 'HEAD')
      throw new ClientError(`${spec.method} requests cannot have a body`);
    const raw = spec.bodyType === 'raw';
    const form = spec.bodyType === 'form';
    if (raw) body = spec.body as BodyInit;
    else if (!form) body = JSON.stringify(spec.body);
    // form.ts is bundled only by clients whose API has form bodies (settings.formBody).
    else if (formBody) body = formBody(spec.body);
    else throw new ClientError('This client was generated without form bodies');
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
          // Without header parameters (settings.headerParams), an operation's headers are literal
          // strings (an `accept`).
          headerParams ? headerParams(spec.headers) : literalHeaders(spec.headers),
          options.headers,
        ]);
  // readBytes (body.ts) is bundled only by clients whose API has file answers (settings.readBytes).
  const bytes = spec.responseType === 'blob' ? readBytes : undefined;
  if (spec.responseType === 'blob' && bytes === undefined)
    throw new ClientError('This client was generated without file downloads');
  return { headers, body, bytes };
}

/**
 * An operation's headers on a client generated without header parameters: strings only, as the
 * generated code writes them. A hand-built spec's other values (an array, a date) would need the
 * simple-style serialiser this client lacks, so they are refused rather than sent as `String()`
 * makes them; null and undefined leave the header out, as header parameters do (null never removes
 * a client header here: only per-call options do that).
 */
function literalHeaders(headers: RequestSpec['headers']): HeaderLayer {
  if (headers === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      throw new ClientError(`This client was generated without header parameters: header "${name}" must be a string`);
    out[name] = value;
  }
  return out;
}

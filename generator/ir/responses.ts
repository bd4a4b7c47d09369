import { isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import { isInline, namedShape } from './object-schema.js';
import type { RequestBodyIR, ResponseIR } from './types.js';

export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

/** Media types whose bodies are bytes, not text: decoding them as UTF-8 would corrupt them. */
const BINARY_MEDIA_TYPE =
  /^(application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-bzip2?|wasm|msword|vnd\.ms-[\w.-]+|vnd\.openxmlformats-[\w.-]+)|image\/|audio\/|video\/|font\/)/i;

/** A body is binary if its media type says so or its schema is `format: binary` (3.0) / `contentMediaType` (3.1). */
function isBinaryContent(resolver: RefResolver, content: JsonObject, mediaType: string): boolean {
  // `*/*` (springdoc's default) says nothing by itself: only its schema can make it binary.
  if (isJsonMediaType(mediaType) && mediaType.trim() !== '*/*') return false;
  if (BINARY_MEDIA_TYPE.test(mediaType.split(';')[0]!.trim())) return true;
  const media = content[mediaType];
  const schema = isObject(media) ? resolver.deref(media.schema, '#').value : undefined;
  return isObject(schema) && (schema.format === 'binary' || (typeof schema.contentMediaType === 'string' && BINARY_MEDIA_TYPE.test(schema.contentMediaType)));
}

/** How the client decodes an operation's success body (the runtime's `responseType`). */
export function responseTypeOf(success: ResponseIR | undefined): 'json' | 'text' | 'blob' | 'none' {
  if (success === undefined) return 'none';
  if (success.isJson) return 'json';
  if (success.isBinary) return 'blob';
  return success.mediaType ? 'text' : 'none';
}

/** Prefers a JSON media type; otherwise the first declared. */
export function pickMediaType(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  return types.find(isJsonMediaType) ?? types[0];
}

export interface ResponsesIR {
  success?: ResponseIR;
  errors: ResponseIR[];
}

/** Redirect statuses fetch follows; a GET answered only with one of them hands out a file. */
const REDIRECTS = /^30[12378]$/;

/** Splits responses into the one success body the call returns (lowest 2xx) and the error statuses. */
export function collectResponses(resolver: RefResolver, operation: JsonObject, opPointer: string, method: string): ResponsesIR {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const entries = Object.entries(responses).map(([status, raw]) => {
    const { value } = resolver.deref(raw, `${opPointer}/responses/${status}`);
    const response = isObject(value) ? value : {};
    const mediaType = pickMediaType(response.content);
    const binary = mediaType !== undefined && isObject(response.content) && isBinaryContent(resolver, response.content, mediaType);
    const ir: ResponseIR = { status, isJson: mediaType !== undefined && isJsonMediaType(mediaType) && !binary };
    if (mediaType !== undefined) ir.mediaType = mediaType;
    if (binary) ir.isBinary = true;
    if (typeof response.description === 'string' && response.description.trim()) ir.description = response.description.trim();
    return ir;
  });
  const successes = entries.filter((r) => /^2(\d\d|XX)$/i.test(r.status)).sort((a, b) => a.status.localeCompare(b.status));
  const result: ResponsesIR = { errors: entries.filter((r) => !/^[123]/.test(r.status)) };
  if (successes[0]) result.success = successes[0];
  // No 2xx, a redirect instead: a download handed out elsewhere (GitHub's tarballs, job logs and
  // migration archives answer 302 to a storage URL). The client follows it; the call gives the
  // target's bytes. Only for GET: a redirect after a write is its result's address, not a file.
  const redirect = entries.find((r) => REDIRECTS.test(r.status));
  if (!result.success && redirect && method === 'get') result.success = { ...redirect, isJson: false, isBinary: true, viaRedirect: true };
  return result;
}

export function collectRequestBody(resolver: RefResolver, operation: JsonObject, opPointer: string): RequestBodyIR | undefined {
  if (operation.requestBody === undefined) return undefined;
  const { value } = resolver.deref(operation.requestBody, `${opPointer}/requestBody`);
  if (!isObject(value)) return undefined;
  const mediaType = pickMediaType(value.content);
  if (mediaType === undefined) return undefined;
  const body: RequestBodyIR = { required: value.required === true, mediaType, isJson: isJsonMediaType(mediaType) };
  if (typeof value.description === 'string' && value.description.trim()) body.description = value.description.trim();
  const media = isObject(value.content) ? value.content[mediaType] : undefined;
  // A `$ref` body is named too: `WithOptionalUndefined<Model>` prints an object or union model
  // expanded. An array passes through it unchanged, so an array model still prints as its name.
  const schema = isObject(media) ? media.schema : undefined;
  const shape = schema === undefined ? undefined : namedShape(resolver, schema, `${opPointer}/requestBody/content`);
  if (shape !== undefined && (shape !== 'array' || isInline(schema))) body.shape = shape;
  return body;
}

/** The schema of the success response body (for pagination detection). */
export function successSchema(resolver: RefResolver, operation: JsonObject, opPointer: string, success: ResponseIR | undefined): unknown {
  if (!success?.mediaType) return undefined;
  const responses = operation.responses as JsonObject;
  const { value } = resolver.deref(responses[success.status], `${opPointer}/responses/${success.status}`);
  if (!isObject(value) || !isObject(value.content)) return undefined;
  const media = value.content[success.mediaType];
  return isObject(media) ? media.schema : undefined;
}

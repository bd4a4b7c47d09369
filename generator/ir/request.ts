import type { Idempotency } from '../../templates/runtime/idempotency.js';
import { requestIdempotency } from './idempotency.js';
import { responseTypeOf } from './responses.js';
import type { OperationIR } from './types.js';

/**
 * The fixed part of an operation's request: every field of the runtime's RequestSpec that does
 * not depend on the caller's arguments. The client function (emit/operation.ts) prints it as a
 * literal and the MCP tool (mcp/tools.ts) carries it in its binding, so both send the same
 * request for the same arguments; the runtime then encodes the body the same way for both.
 */
export interface RequestIR {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';
  /** Per-parameter query serialisation, where it differs from form/explode. */
  queryStyles?: Record<string, { style?: string; explode?: boolean }>;
  /** The media type a non-JSON answer is asked for (the runtime's default `accept` is JSON). */
  accept?: string;
  body?: RequestBodyEncoding;
  responseType: 'json' | 'text' | 'blob' | 'none';
  envelope?: string;
  /** False: the operation takes no credentials. */
  auth: boolean;
  security?: string[][];
  idempotency?: Idempotency;
  operationId: string;
}

export interface RequestBodyEncoding {
  required: boolean;
  /**
   * The RequestSpec's `bodyType`: `json` serialises the value, `form` URL-encodes an object of
   * fields, `raw` sends it as given (bytes, text, FormData).
   */
  bodyType: 'json' | 'form' | 'raw';
  /** Content-Type of a raw body; absent for multipart, whose boundary fetch writes itself. */
  contentType?: string;
}

export function requestOf(op: OperationIR): RequestIR {
  const query = op.namedParams.filter((p) => p.in === 'query');
  const styled = query.filter((p) => p.style !== undefined || p.explode !== undefined);
  const request: RequestIR = { method: op.method.toUpperCase() as RequestIR['method'], responseType: responseTypeOf(op.success), auth: !op.keyless, operationId: op.operationId };
  if (styled.length > 0) {
    request.queryStyles = Object.fromEntries(styled.map((p) => [p.name, { ...(p.style ? { style: p.style } : {}), ...(p.explode !== undefined ? { explode: p.explode } : {}) }]));
  }
  // A file or text answer asks for its own media type: the default `accept: application/json`
  // would get a 406 from servers that negotiate (Spring, JAX-RS).
  if (op.success?.mediaType !== undefined && !op.success.isJson) request.accept = op.success.mediaType;
  if (op.requestBody) request.body = bodyEncoding(op.requestBody);
  if (op.success?.envelope !== undefined) request.envelope = op.success.envelope;
  // Only in APIs whose operations take different credentials (see ir/security.ts).
  if (op.security) request.security = op.security;
  const idempotency = requestIdempotency(op.method, op.idempotency);
  if (idempotency !== undefined) request.idempotency = idempotency;
  return request;
}

function bodyEncoding(body: NonNullable<OperationIR['requestBody']>): RequestBodyEncoding {
  const form = isFormBody(body.mediaType);
  const bodyType = body.isJson ? 'json' : form ? 'form' : 'raw';
  const multipart = /^multipart\//i.test(body.mediaType);
  return { required: body.required, bodyType, ...(bodyType === 'raw' && !multipart ? { contentType: body.mediaType } : {}) };
}

/** `application/x-www-form-urlencoded`: an object of fields the runtime encodes (bodyType "form"). */
export function isFormBody(mediaType: string): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(mediaType.trim());
}

/** JSON and form bodies are typed objects the runtime encodes; other bodies are sent as given. */
export function isTypedBody(body: { isJson: boolean; mediaType: string }): boolean {
  return body.isJson || isFormBody(body.mediaType);
}

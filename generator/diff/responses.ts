import type { RefResolver } from '../schema/resolve.js';
import type { DiffContext, OperationSide } from './context.js';
import { diffDocExamples, diffDocText } from './docs.js';
import { child, isObject } from '../schema/json.js';
import { code, sortedUnion } from './json.js';
import { diffContent } from './content.js';
import { diffSchemas } from './schema-diff.js';
import type { Emit } from './sink.js';
import type { Json } from './types.js';

const JSON_MEDIA = 'application/json';

interface Located<T> {
  node: T;
  pointer: string;
}

/**
 * Responses, matched by status (`2xx` ≡ `2XX`). A success status removed breaks the client; an
 * added status (a new error code, or another success) does not; a removed error status, or a
 * media type removed from one, only means the server stops sending it.
 */
export function diffResponses(ctx: DiffContext, oldOp: OperationSide, newOp: OperationSide, emit: Emit): void {
  const oldResponses = collect(ctx.oldRefs, oldOp);
  const newResponses = collect(ctx.newRefs, newOp);
  for (const status of sortedUnion(oldResponses.keys(), newResponses.keys())) {
    const o = oldResponses.get(status);
    const n = newResponses.get(status);
    const success = isSuccess(status);
    if (o && !n) {
      emit(success ? 'response-success-status-removed' : 'response-error-status-removed', o.pointer, { status });
    } else if (!o && n) {
      emit(success ? 'response-success-status-added' : 'response-error-status-added', n.pointer, { status });
    } else if (o && n) {
      diffResponse(ctx, status, o, n, emit);
    }
  }
}

/** `2xx`, `200`: what the client returns; anything else (`default` too) it throws. */
function isSuccess(status: string): boolean {
  return status.startsWith('2');
}

function diffResponse(ctx: DiffContext, status: string, o: Located<Json>, n: Located<Json>, emit: Emit): void {
  diffDocText(emit, 'description', o.node.description, n.node.description, n.pointer, `Response ${status}`);
  diffHeaders(ctx, status, o, n, emit);

  diffContent(ctx, o, n, emit, {
    // An error body the server stops sending is like the error status going away.
    removed: (mediaType, pointer) => emit(isSuccess(status) ? 'response-media-type-removed' : 'response-error-media-type-removed', pointer, { status, mediaType }),
    added: (mediaType, pointer) => emit('response-media-type-added', pointer, { status, mediaType }),
    label: (mediaType) => (mediaType === JSON_MEDIA ? `Response body (${status})` : `Response body (${status}, ${mediaType})`),
    root: 'response-body',
    where: `in the ${status} response`,
  });
}

/** Response headers, matched ignoring case; the client reads them, so removing or loosening one breaks it. */
function diffHeaders(ctx: DiffContext, status: string, o: Located<Json>, n: Located<Json>, emit: Emit): void {
  const oldHeaders = headersOf(ctx.oldRefs, o);
  const newHeaders = headersOf(ctx.newRefs, n);
  for (const key of sortedUnion(oldHeaders.keys(), newHeaders.keys())) {
    const oh = oldHeaders.get(key);
    const nh = newHeaders.get(key);
    if (oh && !nh) {
      emit('response-header-removed', oh.site, { name: oh.name, status });
      continue;
    }
    if (!oh && nh) {
      emit('response-header-added', nh.site, { name: nh.name, status });
      continue;
    }
    if (!oh || !nh) continue;
    // A header defined once in components reads the same from every response that uses it.
    const subject = nh.pointer.startsWith('#/components/') ? `Response header ${code(nh.name)}` : `Response header ${code(nh.name)} (${status})`;
    const wasRequired = oh.node.required === true;
    const isRequired = nh.node.required === true;
    if (wasRequired !== isRequired) emit(isRequired ? 'response-header-became-required' : 'response-header-became-optional', nh.pointer, { subject });
    if (oh.node.deprecated !== true && nh.node.deprecated === true) emit('response-header-deprecated', nh.pointer, { subject });
    diffDocText(emit, 'description', oh.node.description, nh.node.description, nh.pointer, subject);
    diffDocExamples(emit, oh.node, nh.node, nh.pointer, subject);
    if ('schema' in oh.node && 'schema' in nh.node) {
      diffSchemas(
        { oldRefs: ctx.oldRefs, newRefs: ctx.newRefs, root: 'response-header', label: subject, where: `in ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`, emit },
        { node: oh.node.schema, pointer: child(oh.pointer, 'schema') },
        { node: nh.node.schema, pointer: child(nh.pointer, 'schema') },
      );
    }
  }
}

interface Header {
  name: string;
  node: Json;
  site: string;
  pointer: string;
}

function headersOf(refs: RefResolver, response: Located<Json>): Map<string, Header> {
  const out = new Map<string, Header>();
  if (!isObject(response.node.headers)) return out;
  for (const [name, raw] of Object.entries(response.node.headers)) {
    const site = child(response.pointer, 'headers', name);
    const { value: node, pointer } = refs.tryDeref(raw, site);
    if (isObject(node) && name.toLowerCase() !== 'content-type') out.set(name.toLowerCase(), { name, node, site, pointer });
  }
  return out;
}

function collect(refs: RefResolver, op: OperationSide): Map<string, Located<Json>> {
  const out = new Map<string, Located<Json>>();
  if (!isObject(op.node.responses)) return out;
  for (const [status, raw] of Object.entries(op.node.responses)) {
    if (status.startsWith('x-')) continue;
    const { value: node, pointer } = refs.tryDeref(raw, child(op.pointer, 'responses', status));
    if (isObject(node)) out.set(/^\dxx$/i.test(status) ? status.toUpperCase() : status, { node, pointer });
  }
  return out;
}

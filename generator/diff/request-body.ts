import type { DiffContext, OperationSide } from './context.js';
import { diffDocText } from './docs.js';
import { child, isObject } from '../schema/json.js';
import { diffContent } from './content.js';
import type { Emit } from './sink.js';

const JSON_MEDIA = 'application/json';

/** The request body: presence, required, media types, and each media type's schema (request direction). */
export function diffRequestBody(ctx: DiffContext, oldOp: OperationSide, newOp: OperationSide, emit: Emit): void {
  const oldBody = 'requestBody' in oldOp.node ? ctx.oldRefs.tryDeref(oldOp.node.requestBody, child(oldOp.pointer, 'requestBody')) : undefined;
  const newBody = 'requestBody' in newOp.node ? ctx.newRefs.tryDeref(newOp.node.requestBody, child(newOp.pointer, 'requestBody')) : undefined;
  const o = oldBody && isObject(oldBody.value) ? { node: oldBody.value, pointer: oldBody.pointer } : undefined;
  const n = newBody && isObject(newBody.value) ? { node: newBody.value, pointer: newBody.pointer } : undefined;
  if (!o && !n) return;
  if (!o && n) {
    emit(n.node.required === true ? 'new-required-request-body' : 'request-body-added', n.pointer, {});
    return;
  }
  if (o && !n) {
    emit('request-body-removed', o.pointer, {});
    return;
  }
  if (!o || !n) return;

  const wasRequired = o.node.required === true;
  const isRequired = n.node.required === true;
  if (wasRequired !== isRequired) emit(isRequired ? 'request-body-became-required' : 'request-body-became-optional', n.pointer, {});
  diffDocText(emit, 'description', o.node.description, n.node.description, n.pointer, 'Request body');

  diffContent(ctx, o, n, emit, {
    removed: (mediaType, pointer) => emit('request-body-media-type-removed', pointer, { mediaType }),
    added: (mediaType, pointer) => emit('request-body-media-type-added', pointer, { mediaType }),
    label: (mediaType) => (mediaType === JSON_MEDIA ? 'Request body' : `Request body (${mediaType})`),
    root: 'request-body',
    where: 'in the request body',
  });
}

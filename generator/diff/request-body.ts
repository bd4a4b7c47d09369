import type { DiffContext, OperationSide } from './context.js';
import { diffDocExamples, diffDocText } from './docs.js';
import { child, isObject } from '../schema/json.js';
import { sortedUnion } from './json.js';
import { diffSchemas } from './schema-diff.js';
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

  const oldContent = isObject(o.node.content) ? o.node.content : {};
  const newContent = isObject(n.node.content) ? n.node.content : {};
  for (const mediaType of sortedUnion(Object.keys(oldContent), Object.keys(newContent))) {
    const om = oldContent[mediaType];
    const nm = newContent[mediaType];
    const oldPointer = child(o.pointer, 'content', mediaType);
    const newPointer = child(n.pointer, 'content', mediaType);
    if (om !== undefined && nm === undefined) {
      emit('request-body-media-type-removed', oldPointer, { mediaType });
    } else if (om === undefined && nm !== undefined) {
      emit('request-body-media-type-added', newPointer, { mediaType });
    } else if (isObject(om) && isObject(nm)) {
      const label = mediaType === JSON_MEDIA ? 'Request body' : `Request body (${mediaType})`;
      diffDocExamples(emit, om, nm, newPointer, label);
      if ('schema' in om && 'schema' in nm) {
        diffSchemas(
          { oldRefs: ctx.oldRefs, newRefs: ctx.newRefs, root: 'request-body', label, where: 'in the request body', emit },
          { node: om.schema, pointer: child(oldPointer, 'schema') },
          { node: nm.schema, pointer: child(newPointer, 'schema') },
        );
      }
    }
  }
}

import type { DiffContext, OperationSide } from './context.js';
import { diffDocExamples, diffDocText } from './docs.js';
import { child, code, deref, isObject, sortedUnion } from './json.js';
import { diffSchemas } from './schema-diff.js';
import type { Emit } from './sink.js';

const JSON_MEDIA = 'application/json';

/** The request body: presence, required, media types, and each media type's schema (request direction). */
export function diffRequestBody(ctx: DiffContext, oldOp: OperationSide, newOp: OperationSide, emit: Emit): void {
  const oldBody = 'requestBody' in oldOp.node ? deref(ctx.oldDoc, oldOp.node.requestBody, child(oldOp.pointer, 'requestBody')) : undefined;
  const newBody = 'requestBody' in newOp.node ? deref(ctx.newDoc, newOp.node.requestBody, child(newOp.pointer, 'requestBody')) : undefined;
  const o = oldBody && isObject(oldBody.node) ? { node: oldBody.node, pointer: oldBody.pointer } : undefined;
  const n = newBody && isObject(newBody.node) ? { node: newBody.node, pointer: newBody.pointer } : undefined;
  if (!o && !n) return;
  if (!o && n) {
    const required = n.node.required === true;
    emit(
      required
        ? { level: 'breaking', kind: 'new-required-request-body', pointer: n.pointer, side: 'new', message: 'A required request body was added' }
        : { level: 'non-breaking', kind: 'request-body-added', pointer: n.pointer, side: 'new', message: 'An optional request body was added' },
    );
    return;
  }
  if (o && !n) {
    emit({ level: 'breaking', kind: 'request-body-removed', pointer: o.pointer, side: 'old', message: 'The request body was removed' });
    return;
  }
  if (!o || !n) return;

  const wasRequired = o.node.required === true;
  const isRequired = n.node.required === true;
  if (wasRequired !== isRequired) {
    emit(
      isRequired
        ? { level: 'breaking', kind: 'request-body-became-required', pointer: n.pointer, side: 'new', message: 'The request body became required' }
        : { level: 'non-breaking', kind: 'request-body-became-optional', pointer: n.pointer, side: 'new', message: 'The request body became optional' },
    );
  }
  diffDocText(emit, 'description', o.node.description, n.node.description, n.pointer, 'Request body');

  const oldContent = isObject(o.node.content) ? o.node.content : {};
  const newContent = isObject(n.node.content) ? n.node.content : {};
  for (const mediaType of sortedUnion(Object.keys(oldContent), Object.keys(newContent))) {
    const om = oldContent[mediaType];
    const nm = newContent[mediaType];
    const oldPointer = child(o.pointer, 'content', mediaType);
    const newPointer = child(n.pointer, 'content', mediaType);
    if (om !== undefined && nm === undefined) {
      emit({ level: 'breaking', kind: 'request-body-media-type-removed', pointer: oldPointer, side: 'old', message: `Request body media type ${code(mediaType)} was removed` });
    } else if (om === undefined && nm !== undefined) {
      emit({ level: 'non-breaking', kind: 'request-body-media-type-added', pointer: newPointer, side: 'new', message: `Request body media type ${code(mediaType)} was added` });
    } else if (isObject(om) && isObject(nm)) {
      const label = mediaType === JSON_MEDIA ? 'Request body' : `Request body (${mediaType})`;
      diffDocExamples(emit, om, nm, newPointer, label);
      if ('schema' in om && 'schema' in nm) {
        diffSchemas(
          { oldDoc: ctx.oldDoc, newDoc: ctx.newDoc, direction: 'request', rootPrefix: 'request-body', label, where: 'in the request body', emit },
          { node: om.schema, pointer: child(oldPointer, 'schema') },
          { node: nm.schema, pointer: child(newPointer, 'schema') },
        );
      }
    }
  }
}

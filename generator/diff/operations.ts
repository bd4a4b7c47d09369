import type { RefResolver } from '../schema/resolve.js';
import type { DiffContext, OperationSide } from './context.js';
import { diffDocText } from './docs.js';
import { child, isObject } from '../schema/json.js';
import { sortedUnion, str } from './json.js';
import { diffParameters } from './parameters.js';
import { diffRequestBody } from './request-body.js';
import { diffResponses } from './responses.js';
import { diffSecurityRequirements } from './security.js';
import type { Emit } from './sink.js';
import type { Json } from './types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `/a/{id}/b` and `/a/{sessionId}/b` are the same path. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

export function operationLabel(op: Pick<OperationSide, 'method' | 'path'>): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** Operations are matched by method + normalized path, and by nothing else: a moved operation is removed + added. */
export function diffOperations(ctx: DiffContext): void {
  const oldOps = collect(ctx.oldDoc, ctx.oldRefs);
  const newOps = collect(ctx.newDoc, ctx.newRefs);
  for (const key of sortedUnion(oldOps.keys(), newOps.keys())) {
    const o = oldOps.get(key);
    const n = newOps.get(key);
    if (o && !n) {
      ctx.sink.emitterFor(operationLabel(o))('operation-removed', o.pointer, { deprecated: o.node.deprecated === true });
    } else if (!o && n) {
      ctx.sink.emitterFor(operationLabel(n))('operation-added', n.pointer, {});
    } else if (o && n) {
      diffOperation(ctx, o, n, ctx.sink.emitterFor(operationLabel(n)));
    }
  }
}

function diffOperation(ctx: DiffContext, o: OperationSide, n: OperationSide, emit: Emit): void {
  const oldId = str(o.node.operationId)?.trim() || undefined;
  const newId = str(n.node.operationId)?.trim() || undefined;
  // The generated function, its type aliases and config overrides are named after it.
  if (oldId !== newId) emit('operation-id-changed', n.pointer, { from: oldId, to: newId });
  const wasDeprecated = o.node.deprecated === true;
  const isDeprecated = n.node.deprecated === true;
  if (wasDeprecated !== isDeprecated) emit(isDeprecated ? 'operation-deprecated' : 'operation-undeprecated', n.pointer, {});
  diffDocText(emit, 'summary', o.node.summary, n.node.summary, n.pointer, 'Operation');
  diffDocText(emit, 'description', o.node.description, n.node.description, n.pointer, 'Operation');

  diffParameters(ctx, o, n, emit);
  diffRequestBody(ctx, o, n, emit);
  diffResponses(ctx, o, n, emit);
  diffSecurityRequirements(ctx, o, n, emit);
}

function collect(doc: Json, refs: RefResolver): Map<string, OperationSide> {
  const out = new Map<string, OperationSide>();
  if (!isObject(doc.paths)) return out;
  for (const path of Object.keys(doc.paths).sort()) {
    const pathPointer = child('#/paths', path);
    const { value: pathItem, pointer: itemPointer } = refs.tryDeref(doc.paths[path], pathPointer);
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const node = pathItem[method];
      if (!isObject(node)) continue;
      let key = `${method} ${normalizePath(path)}`;
      // Two templates that differ only in parameter names are ambiguous in one spec; keep both.
      if (out.has(key)) key = `${key} ${path}`;
      out.set(key, { path, method, node, pointer: child(itemPointer, method), pathItem, pathPointer: itemPointer });
    }
  }
  return out;
}

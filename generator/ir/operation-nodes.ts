import { isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import type { OperationIR } from './types.js';

/**
 * An operation's path item and operation object, read by key from the document. Never through
 * `op.pointer`: that pointer is RFC 6901 text for messages, and looking it up again as a `$ref`
 * would URI-decode it, so a path such as `/dots/..%2F..%2Fevil` would name another path.
 */
export interface OperationNodes {
  pathItem: JsonObject;
  pathPointer: string;
  operation: JsonObject;
}

export function operationNodes(resolver: RefResolver, document: JsonObject, op: Pick<OperationIR, 'path' | 'method' | 'pointer'>): OperationNodes {
  const pathPointer = op.pointer.slice(0, op.pointer.lastIndexOf('/'));
  const paths = isObject(document.paths) ? document.paths : {};
  // A path item may be a $ref (to a component or another path): deref follows spec-written refs only.
  const raw = Object.hasOwn(paths, op.path) ? paths[op.path] : undefined;
  const { value } = resolver.deref(raw, pathPointer);
  const pathItem = isObject(value) ? value : {};
  const operation = Object.hasOwn(pathItem, op.method) && isObject(pathItem[op.method]) ? (pathItem[op.method] as JsonObject) : {};
  return { pathItem, pathPointer, operation };
}

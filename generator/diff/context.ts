import type { RefResolver } from '../schema/resolve.js';
import type { ChangeSink } from './sink.js';
import type { Json } from './types.js';

/** Both documents and where findings go. */
export interface DiffContext {
  oldDoc: Json;
  newDoc: Json;
  /** One resolver per document: `$ref`s of each side are followed in its own document. */
  oldRefs: RefResolver;
  newRefs: RefResolver;
  sink: ChangeSink;
}

/** One side of a matched operation. */
export interface OperationSide {
  path: string;
  method: string;
  node: Json;
  /** `#/paths/~1v1~1sessions/get` */
  pointer: string;
  pathItem: Json;
  pathPointer: string;
}

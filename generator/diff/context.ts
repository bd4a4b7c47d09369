import type { ChangeSink } from './sink.js';
import type { Json } from './types.js';

/** Both documents and where findings go. */
export interface DiffContext {
  oldDoc: Json;
  newDoc: Json;
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

import { child, isObject } from '../schema/json.js';
import type { DiffContext } from './context.js';
import { diffDocExamples } from './docs.js';
import { sortedUnion } from './json.js';
import { diffSchemas, type SchemaWalk } from './schema-diff.js';
import type { Emit } from './sink.js';
import type { Json } from './types.js';

/** What a `content` map's comparison reports, which differs between a request body and a response. */
export interface ContentRules {
  removed(mediaType: string, pointer: string): void;
  added(mediaType: string, pointer: string): void;
  /** The subject of a media type's changes: `Request body`, `Response body (200, text/csv)`. */
  label(mediaType: string): string;
  root: SchemaWalk['root'];
  /** Suffix for inline fields: `in the request body`. */
  where: string;
}

/** The media types of two `content` maps (request body or response), matched by name; each pair's examples and schema. */
export function diffContent(ctx: DiffContext, o: { node: Json; pointer: string }, n: { node: Json; pointer: string }, emit: Emit, rules: ContentRules): void {
  const oldContent = isObject(o.node.content) ? o.node.content : {};
  const newContent = isObject(n.node.content) ? n.node.content : {};
  for (const mediaType of sortedUnion(Object.keys(oldContent), Object.keys(newContent))) {
    const om = oldContent[mediaType];
    const nm = newContent[mediaType];
    const oldPointer = child(o.pointer, 'content', mediaType);
    const newPointer = child(n.pointer, 'content', mediaType);
    if (om !== undefined && nm === undefined) {
      rules.removed(mediaType, oldPointer);
    } else if (om === undefined && nm !== undefined) {
      rules.added(mediaType, newPointer);
    } else if (isObject(om) && isObject(nm)) {
      const label = rules.label(mediaType);
      diffDocExamples(emit, om, nm, newPointer, label);
      if ('schema' in om && 'schema' in nm) {
        diffSchemas(
          { oldRefs: ctx.oldRefs, newRefs: ctx.newRefs, root: rules.root, label, where: rules.where, emit },
          { node: om.schema, pointer: child(oldPointer, 'schema') },
          { node: nm.schema, pointer: child(newPointer, 'schema') },
        );
      }
    }
  }
}

import { segmentsOf } from '../schema/json.js';
import { code } from './json.js';
import type { Direction } from './types.js';

/** Where a schema pointer is: a named component (`PublicSession`) or inline, plus a field path (`.data[].id`). */
export interface SchemaPlace {
  component?: string;
  /** `.userId`, `[]`, `.counts.*`; empty at the schema's root. */
  path: string;
}

const COMPOSITION = new Set(['allOf', 'anyOf', 'oneOf']);

/** `#/components/schemas/SessionList/properties/data/items` → `{ component: 'SessionList', path: '.data[]' }`. */
export function placeOf(pointer: string): SchemaPlace {
  const segs = segmentsOf(pointer);
  let start: number;
  let component: string | undefined;
  if (segs[0] === 'components' && segs[1] === 'schemas' && segs[2] !== undefined) {
    component = segs[2];
    start = 3;
  } else {
    // Inline: the field path starts after the last `schema` keyword that is not a property name.
    start = 0;
    for (let i = 0; i < segs.length; i++) if (segs[i] === 'schema' && segs[i - 1] !== 'properties') start = i + 1;
  }
  let path = '';
  for (let i = start; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg === 'properties' && i + 1 < segs.length) path += `.${segs[++i]!}`;
    else if (seg === 'items') path += '[]';
    else if (seg === 'additionalProperties') path += '.*';
    else if (seg === 'prefixItems' && i + 1 < segs.length) path += `[${segs[++i]!}]`;
    else if (COMPOSITION.has(seg)) i++;
  }
  return component === undefined ? { path } : { component, path };
}

/** Human name of a field: `PublicSession.userId`, or `data[].id` for an inline schema. */
export function fieldName(place: SchemaPlace): string {
  if (place.component !== undefined) return `${place.component}${place.path}`;
  return place.path.startsWith('.') ? place.path.slice(1) : place.path;
}

/** Describes how a schema walk was entered, for messages. */
export interface SchemaContext {
  direction: Direction;
  /** Capitalised name of the root: `Response body (200)`, `Query parameter \`limit\``. */
  label: string;
  /** Suffix for inline fields: `in the 200 response`. */
  where: string;
}

/**
 * The subject of a schema message. Anything in a named component is named after the component
 * only (`Response property \`PublicSession.userId\``, `Response schema \`Page[]\``), never after
 * the body, parameter or status it was reached from: one change to a shared schema is one change
 * (the sink merges it across operations), so its message must read the same from every one.
 */
export function subjectOf(ctx: SchemaContext, pointer: string, viaProperty: boolean): string {
  const place = placeOf(pointer);
  const name = fieldName(place);
  const side = ctx.direction === 'request' ? 'Request' : 'Response';
  if (place.component !== undefined) {
    return place.path === '' || !viaProperty ? `${side} schema ${code(name)}` : `${side} property ${code(name)}`;
  }
  if (viaProperty) return `${side} property ${code(name)} ${ctx.where}`;
  if (name === '') return ctx.label;
  if (name === '[]') return `${ctx.label} items`;
  return `${ctx.label} at ${code(name)}`;
}

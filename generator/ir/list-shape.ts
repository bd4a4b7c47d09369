/**
 * What a success body says about returning many items, for naming a read of a collection `list`
 * or `get` (resources.ts): an array, or arrays in the body (`{webhooks: [...]}`) or one object
 * down (`{meta: {items: [...]}}`, Figma's wrapper).
 */
import type { RefResolver } from '../schema/resolve.js';
import { isArraySchema, propertiesOf } from '../schema/view.js';
import type { ListShape } from './resources.js';

export function listShape(resolver: RefResolver, schema: unknown, pointer: string): ListShape {
  if (schema === undefined) return { array: false, arrays: [], object: false };
  if (isArraySchema(resolver, schema, pointer)) return { array: true, arrays: [], object: false };
  const arrays: string[] = [];
  const top = propertiesOf(resolver, schema, pointer);
  for (const [name, property] of top) {
    if (isArraySchema(resolver, property.node, property.pointer)) arrays.push(name);
    else for (const [inner, value] of propertiesOf(resolver, property.node, property.pointer)) if (isArraySchema(resolver, value.node, value.pointer)) arrays.push(inner);
  }
  return { array: false, arrays, object: top.size > 0 };
}

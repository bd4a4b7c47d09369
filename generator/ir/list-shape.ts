/**
 * What a success body says about returning many items, for naming a read of a collection `list`
 * or `get` (resources.ts): an array, or arrays in the body (`{webhooks: [...]}`) or one object
 * down (`{meta: {items: [...]}}`, Figma's wrapper).
 */
import { isObject } from '../schema/json.js';
import { type RefResolver } from '../schema/resolve.js';
import { isArraySchema } from './schema-paths.js';
import type { ListShape } from './resources.js';

export function listShape(resolver: RefResolver, schema: unknown, pointer: string): ListShape {
  if (schema === undefined) return { array: false, arrays: [], object: false };
  if (isArraySchema(resolver, schema, pointer)) return { array: true, arrays: [], object: false };
  const arrays: string[] = [];
  const top = properties(resolver, schema, pointer);
  for (const [name, property] of top) {
    if (isArraySchema(resolver, property, pointer)) arrays.push(name);
    else for (const [inner, value] of properties(resolver, property, pointer)) if (isArraySchema(resolver, value, pointer)) arrays.push(inner);
  }
  return { array: false, arrays, object: top.length > 0 };
}

function properties(resolver: RefResolver, schema: unknown, pointer: string): [string, unknown][] {
  const { value } = resolver.deref(schema, pointer);
  return isObject(value) && isObject(value.properties) ? Object.entries(value.properties) : [];
}

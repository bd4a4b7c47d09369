import { isObject } from '../schema/json.js';
import { type RefResolver } from '../schema/resolve.js';

/**
 * Finds the schema of a property path (`pagination.nextCursor`) inside a response schema,
 * looking through `$ref` and `allOf` (the two ways specs compose an envelope). Returns undefined
 * when the path does not exist, so callers can treat "no such field" as "not this pattern".
 */
export function schemaAtPath(resolver: RefResolver, schema: unknown, pointer: string, path: readonly string[]): unknown {
  let candidates: unknown[] = [schema];
  for (const key of path) {
    const next: unknown[] = [];
    for (const candidate of candidates) {
      for (const branch of flattenAllOf(resolver, candidate, pointer)) {
        const props = branch.properties;
        if (isObject(props) && Object.hasOwn(props, key)) next.push(props[key]);
      }
    }
    if (next.length === 0) return undefined;
    candidates = next;
  }
  return resolver.deref(candidates[0], pointer).value;
}

function flattenAllOf(resolver: RefResolver, schema: unknown, pointer: string, depth = 0): Record<string, unknown>[] {
  if (depth > 32) return [];
  const { value } = resolver.deref(schema, pointer);
  if (!isObject(value)) return [];
  const out = [value];
  if (Array.isArray(value.allOf)) {
    for (const part of value.allOf) out.push(...flattenAllOf(resolver, part, pointer, depth + 1));
  }
  return out;
}

/** True when a (dereferenced) schema describes an array, in 3.0 or 3.1 spelling. */
export function isArraySchema(resolver: RefResolver, schema: unknown, pointer: string): boolean {
  const { value } = resolver.deref(schema, pointer);
  if (!isObject(value)) return false;
  return value.type === 'array' || (Array.isArray(value.type) && value.type.includes('array')) || 'items' in value;
}

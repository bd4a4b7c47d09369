import { isObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';

/**
 * Whether openapi-typescript types this schema as one object type (properties and/or an index
 * signature), never `null`, an array, a scalar, a union or `unknown`. Only such a type can be
 * re-declared as a mapped type (`{ [K in keyof T]: T[K] }`) without changing it, which is what
 * makes TypeScript print the operation's own alias name in hover and declarations (emit/operation.ts).
 * `keyof` of a union, `null` or `unknown` would lose members, and an array would become an object,
 * so anything doubtful answers false (the alias then stays as it was, and prints expanded).
 */
export function isObjectSchema(resolver: RefResolver, schema: unknown, pointer: string, depth = 0): boolean {
  if (depth > 16) return false;
  const { value, pointer: at } = resolver.deref(schema, pointer);
  if (!isObject(value)) return false;
  if (value.nullable === true || value.oneOf !== undefined || value.anyOf !== undefined || value.not !== undefined) return false;
  if (value.enum !== undefined || value.const !== undefined) return false;
  const typed = value.type === 'object' || (value.type === undefined && (isObject(value.properties) || value.additionalProperties !== undefined));
  if (value.allOf !== undefined) {
    return Array.isArray(value.allOf) && value.allOf.length > 0 && (value.type === undefined || value.type === 'object') && value.allOf.every((member, i) => isObjectSchema(resolver, member, `${at}/allOf/${i}`, depth + 1));
  }
  return typed;
}

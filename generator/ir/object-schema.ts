import { isObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';

/**
 * Whether openapi-typescript types this schema as one object type (properties and/or an index
 * signature), never `null`, an array, a scalar, a union or `unknown`. Only such a type can be
 * re-declared as a mapped type without changing it, which is what makes TypeScript print the
 * operation's own alias name in hover and declarations (emit/operation.ts; which mapped type
 * depends on `hasIndexSignature`).
 * `keyof` of a union, `null` or `unknown` would lose members, and an array would become an object,
 * so anything doubtful answers false (the alias then stays as it was, and prints expanded).
 * `nullable` is allowed in an `allOf` member when another member is an object: `(A | null) & B`
 * is `A & B`.
 */
export function isObjectSchema(resolver: RefResolver, schema: unknown, pointer: string, depth = 0, nullable = false): boolean {
  if (depth > 16) return false;
  const { value, pointer: at } = resolver.deref(schema, pointer);
  if (!isObject(value)) return false;
  if ((value.nullable === true && !nullable) || value.not !== undefined || value.enum !== undefined || value.const !== undefined) return false;
  const union = meaningfulMembers(value);
  if (union !== undefined && union.length > 0) {
    // `oneOf: [X]` alone is X; beside properties, or of several, it is an intersection or a union.
    return union.length === 1 && !hasOwnShape(value) && isObjectSchema(resolver, union[0]!.schema, `${at}/${union[0]!.at}`, depth + 1, nullable);
  }
  const typed = value.type === 'object' || (value.type === undefined && (isObject(value.properties) || value.additionalProperties !== undefined));
  if (value.allOf !== undefined) {
    if (!Array.isArray(value.allOf) || value.allOf.length === 0 || (value.type !== undefined && value.type !== 'object')) return false;
    const members = value.allOf.map((member, i) => [member, `${at}/allOf/${i}`] as const);
    return members.every(([m, p]) => isObjectSchema(resolver, m, p, depth + 1, true)) && members.some(([m, p]) => isObjectSchema(resolver, m, p, depth + 1));
  }
  return typed;
}

/**
 * The `oneOf`/`anyOf` members openapi-typescript gives a type to. A `oneOf` member that only
 * constrains (`{required: [id]}`) prints as `unknown`, which drops out of the intersection
 * `X & (unknown | unknown)`; an `anyOf` is a union with the rest of the schema (`X | unknown`),
 * so every member of it counts. Undefined when the schema has neither.
 */
function meaningfulMembers(value: Record<string, unknown>): { schema: unknown; at: string }[] | undefined {
  if (!Array.isArray(value.oneOf) && !Array.isArray(value.anyOf)) return undefined;
  const members = (key: 'oneOf' | 'anyOf') => (Array.isArray(value[key]) ? (value[key] as unknown[]) : []).map((schema, i) => ({ schema, at: `${key}/${i}` }));
  return [...members('anyOf'), ...members('oneOf').filter(({ schema }) => !isObject(schema) || !constraintOnly(schema))];
}

const SHAPING = ['$ref', 'type', 'properties', 'additionalProperties', 'items', 'prefixItems', 'allOf', 'oneOf', 'anyOf', 'enum', 'const', 'nullable'];
function constraintOnly(schema: Record<string, unknown>): boolean {
  return SHAPING.every((key) => schema[key] === undefined);
}

/** Whether the schema says something of its own beside its `oneOf`/`anyOf`. */
function hasOwnShape(value: Record<string, unknown>): boolean {
  return ['type', 'properties', 'additionalProperties', 'items', 'allOf', 'nullable'].some((key) => value[key] !== undefined);
}

/**
 * Whether openapi-typescript gives this object type an index signature: `additionalProperties`
 * other than false, `patternProperties`, or no properties at all (`Record<string, never>`), in the
 * schema itself or in any `allOf`/lone `oneOf`/`anyOf` member it is made of. `keyof` such a type
 * is `string | number`, so a mapped type over a type parameter constrained to it (emit's `Named$`)
 * would keep the index signature and drop every named property; doubtful answers true, whose
 * spelled-out form is right for any object.
 */
export function hasIndexSignature(resolver: RefResolver, schema: unknown, pointer: string, depth = 0): boolean {
  if (depth > 16) return true;
  const { value, pointer: at } = resolver.deref(schema, pointer);
  if (!isObject(value)) return true;
  if ((value.additionalProperties !== undefined && value.additionalProperties !== false) || value.patternProperties !== undefined) return true;
  const composed = ['allOf', 'oneOf', 'anyOf'].flatMap((key) => (Array.isArray(value[key]) ? (value[key] as unknown[]).map((m, i) => [m, `${at}/${key}/${i}`] as const) : []));
  if (composed.some(([member, p]) => isObject(member) && !constraintOnly(member) && hasIndexSignature(resolver, member, p, depth + 1))) return true;
  const named = isObject(value.properties) && Object.keys(value.properties).length > 0;
  return !named && composed.length === 0;
}

/**
 * How an operation alias is declared so that TypeScript prints its name (emit/operation.ts):
 * - `object`: one object type without an index signature, re-declared through the module's
 *   `Named$` helper (see `isObjectSchema`, `hasIndexSignature`);
 * - `indexed`: one object type with an index signature, re-declared as a mapped type over itself
 *   written out (`{ [K in keyof T]: T[K] }`), the form that keeps both its properties and its index;
 * - `array`: a plain array, re-declared as `T[number][]`: an array type written in an alias keeps
 *   the alias's name, an indexed access to one in `paths` does not;
 * - `union`: `oneOf`/`anyOf`, a nullable schema or a list of types, re-declared as `T | never`: a
 *   union written in an alias is a new union type carrying the alias's name (`never` drops out).
 * Undefined: left as it is (a scalar, `unknown`, a tuple, or anything doubtful).
 */
export type SchemaShape = 'object' | 'indexed' | 'array' | 'union';

export function schemaShape(resolver: RefResolver, schema: unknown, pointer: string, depth = 0): SchemaShape | undefined {
  if (depth > 16) return undefined;
  if (isObjectSchema(resolver, schema, pointer)) return hasIndexSignature(resolver, schema, pointer) ? 'indexed' : 'object';
  const { value, pointer: at } = resolver.deref(schema, pointer);
  if (!isObject(value)) return undefined;
  const union = meaningfulMembers(value);
  // `oneOf: [X]` alone is X (a union of one member is that member, which `| never` cannot name).
  if (union !== undefined && union.length === 1 && !hasOwnShape(value)) return schemaShape(resolver, union[0]!.schema, `${at}/${union[0]!.at}`, depth + 1);
  if ((union !== undefined && union.length > 1) || value.nullable === true || Array.isArray(value.type)) return 'union';
  const plain = value.allOf === undefined && value.not === undefined && value.enum === undefined && value.const === undefined;
  // A tuple (`prefixItems`) would become a plain array through `T[number][]`.
  if (plain && value.type === 'array' && value.prefixItems === undefined && !Array.isArray(value.items)) return 'array';
  return undefined;
}

/**
 * The schema `path` leads to from `schema`: property names, and `[]` for an array's items
 * (`['data', '[]']`: one item of a page). Properties are looked up through `$ref`s and `allOf`
 * members; undefined when the path is not plainly there.
 */
export function schemaAt(resolver: RefResolver, schema: unknown, pointer: string, path: readonly string[], depth = 0): { schema: unknown; pointer: string } | undefined {
  if (path.length === 0) return { schema, pointer };
  if (depth > 16) return undefined;
  const { value, pointer: at } = resolver.deref(schema, pointer);
  if (!isObject(value)) return undefined;
  const [step, ...rest] = path as [string, ...string[]];
  if (step === '[]') return isObject(value.items) ? schemaAt(resolver, value.items, `${at}/items`, rest, depth + 1) : undefined;
  if (isObject(value.properties) && Object.hasOwn(value.properties, step)) return schemaAt(resolver, value.properties[step], `${at}/properties/${step}`, rest, depth + 1);
  if (!Array.isArray(value.allOf)) return undefined;
  for (const [i, member] of value.allOf.entries()) {
    const found = schemaAt(resolver, member, `${at}/allOf/${i}`, path, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Whether the schema is written in place, not a `$ref` (a component already prints as its name). */
export function isInline(schema: unknown): boolean {
  return !(isObject(schema) && typeof schema.$ref === 'string');
}

/**
 * The shape to declare an alias of this schema with, when naming it changes what hover prints:
 * an array only when its items are written in place and have a shape themselves (an array of a
 * model already prints as `Model[]`, and says more than a name would).
 */
export function namedShape(resolver: RefResolver, schema: unknown, pointer: string): SchemaShape | undefined {
  const shape = schemaShape(resolver, schema, pointer);
  if (shape !== 'array') return shape;
  const items = schemaAt(resolver, schema, pointer, ['[]']);
  return items !== undefined && isInline(items.schema) && schemaShape(resolver, items.schema, items.pointer) !== undefined ? shape : undefined;
}

import { isObject, type JsonObject, type RefResolver } from '../ir/refs.js';

/**
 * OpenAPI schema → a self-contained JSON Schema (2020-12) for an MCP tool's input: every `$ref`
 * inlined (a recursive one becomes `{}`), no `$defs`, OpenAPI 3.0 spellings (`nullable`, boolean
 * `exclusiveMinimum`, `example`) converted, vendor extensions and OpenAPI-only keywords dropped.
 * Enums, bounds, defaults and descriptions are kept: they are what an agent needs.
 */

const KEEP = new Set([
  'type', 'enum', 'const', 'default', 'description', 'title', 'format', 'minimum', 'maximum', 'multipleOf',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
  'required', 'deprecated', 'readOnly', 'writeOnly', 'examples',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_SINGLES = new Set(['items', 'additionalProperties', 'not', 'contains']);
const MAX_DEPTH = 32;

export function inlineSchema(resolver: RefResolver, schema: unknown, pointer: string): JsonObject {
  return inline(resolver, schema, pointer, new Set(), 0);
}

function inline(resolver: RefResolver, raw: unknown, pointer: string, refs: Set<string>, depth: number): JsonObject {
  if (raw === true || !isObject(raw) || depth > MAX_DEPTH) return {};
  let schema: JsonObject = raw;
  const seen = new Set(refs);
  // 3.1 allows keywords beside $ref (a local description); they win over the target's.
  while (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    if (seen.has(ref)) return typeof schema.description === 'string' ? { description: schema.description } : {};
    seen.add(ref);
    const { $ref: _ref, ...siblings } = schema;
    const { value } = resolver.deref({ $ref: ref }, pointer);
    schema = isObject(value) ? { ...value, ...siblings } : siblings;
  }

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (KEEP.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, inline(resolver, sub, pointer, seen, depth + 1)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => inline(resolver, sub, pointer, seen, depth + 1));
    } else if (key === 'items' && Array.isArray(value)) {
      out.prefixItems = value.map((sub) => inline(resolver, sub, pointer, seen, depth + 1));
    } else if (SCHEMA_SINGLES.has(key)) {
      out[key] = typeof value === 'boolean' ? value : inline(resolver, value, pointer, seen, depth + 1);
    }
  }
  // OpenAPI 3.0 → JSON Schema spellings.
  if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  } else if (typeof schema.exclusiveMinimum === 'number') out.exclusiveMinimum = schema.exclusiveMinimum;
  if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  } else if (typeof schema.exclusiveMaximum === 'number') out.exclusiveMaximum = schema.exclusiveMaximum;
  if (schema.example !== undefined && out.examples === undefined) out.examples = [schema.example];
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/** Property names of an object schema, through `$ref` and `allOf`, in declaration order. */
export function propertyNames(resolver: RefResolver, schema: unknown, pointer: string, depth = 0): string[] {
  if (depth > MAX_DEPTH) return [];
  const { value } = resolver.deref(schema, pointer);
  if (!isObject(value)) return [];
  const names = isObject(value.properties) ? Object.keys(value.properties) : [];
  if (Array.isArray(value.allOf)) for (const part of value.allOf) names.push(...propertyNames(resolver, part, pointer, depth + 1));
  return [...new Set(names)];
}

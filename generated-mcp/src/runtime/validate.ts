// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/validate.ts.
/**
 * Argument validation with the SDK's interpreting JSON Schema validator (@cfworker/json-schema;
 * no code generation, no eval). `format` is treated as an annotation, as JSON Schema 2020-12
 * does by default: the API itself is the judge of date spellings, and its VALIDATION_ERROR
 * comes back as a tool error naming the field.
 */
import {
  fromJsonSchema,
  type JsonSchemaType,
  type JsonSchemaValidator,
  type jsonSchemaValidator,
  type StandardSchemaWithJSON,
} from '@modelcontextprotocol/server';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { setOwn } from './own.js';
import type { JsonObject, JsonValue } from './types.js';

/** Keywords whose values are data, not schemas: copied as they are. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required']);
/** Keywords whose values map names (spec data) to schemas: a `$defs` entry is what a local `$ref` names. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs']);

function withoutFormats(schema: JsonValue): JsonValue {
  if (Array.isArray(schema)) return schema.map(withoutFormats);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    // `format` is a keyword only where its value is a string; a property named "format" stays.
    if (key === 'format' && typeof value === 'string') continue;
    if (DATA_KEYWORDS.has(key)) setOwn(out, key, value);
    else
      setOwn(
        out,
        key,
        SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)
          ? schemaMapWithoutFormats(value)
          : withoutFormats(value),
      );
  }
  return out;
}

/** Names are data (`__proto__` and `format` included): each entry's schema is walked, its name kept as an own key. */
function schemaMapWithoutFormats(map: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(map)) setOwn(out, name, withoutFormats(schema));
  return out;
}

const inner = new CfWorkerJsonSchemaValidator({ shortcircuit: true, draft: '2020-12' });

/** The validator every tool uses. */
export const argumentValidator: jsonSchemaValidator = {
  getValidator<T>(schema: JsonSchemaType): JsonSchemaValidator<T> {
    return inner.getValidator<T>(withoutFormats(schema as unknown as JsonObject) as unknown as JsonSchemaType);
  },
};

export type ToolArgs = Record<string, unknown>;

/** Accepts anything: the SDK lists the schema, and the executor validates (one error shape for every tool). */
const listOnly: jsonSchemaValidator = {
  getValidator<T>(): JsonSchemaValidator<T> {
    return (input) => ({ valid: true, data: input as T, errorMessage: undefined });
  },
};

/**
 * The SDK's schema wrapper: lists `schema` unchanged in tools/list. Validation is the executor's:
 * `argumentChecker` for arguments, structured.ts for results.
 */
export function inputSchemaOf(schema: JsonObject): StandardSchemaWithJSON<ToolArgs, ToolArgs> {
  return fromJsonSchema<ToolArgs>(schema as unknown as JsonSchemaType, listOnly);
}

export interface ArgumentProblem {
  message: string;
  /** The argument the first error is about, when the validator names one. */
  field?: string;
}

/**
 * A copy of the arguments whose objects have no prototype. The validator tests `key in instance`,
 * so on a plain object an argument named `constructor` or `toString` would count as given (and be
 * a function) although the caller never sent it.
 */
function ownOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownOnly);
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) setOwn(out, key, ownOnly(item));
  return out;
}

/** A checker for one schema: undefined when the arguments are valid. */
export function argumentChecker(schema: JsonObject): (args: unknown) => ArgumentProblem | undefined {
  const validate = argumentValidator.getValidator<ToolArgs>(schema as unknown as JsonSchemaType);
  const properties = schema['properties'];
  const known =
    typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? Object.keys(properties) : [];
  return (args) => {
    const result = validate(ownOnly(args));
    if (result.valid) return undefined;
    // "#: Property "x" does not match schema.; #/x: 0 is less than 1." → keep the specific part.
    const parts = result.errorMessage.split(/;\s*/).filter((p) => p !== '');
    const specific = parts.filter(
      (p) => !/^#: Property ".*" does not match (schema|additional properties schema)\.$/.test(p),
    );
    const field = /^#\/([^:/]+)/.exec(specific[0] ?? '')?.[1] ?? /property "([^"]+)"/.exec(result.errorMessage)?.[1];
    const message = (specific.length > 0 ? specific : parts)
      .map((part) => {
        const extra = /^#\/([^:/]+): False boolean schema\.$/.exec(part);
        return extra === null
          ? part
          : `unknown argument "${extra[1]}" (expected one of: ${known.join(', ') || 'none'})`;
      })
      .join('; ');
    return field === undefined ? { message } : { message, field };
  };
}

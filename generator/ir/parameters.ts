import { GeneratorError } from '../errors.js';
import { safeIdentifier, preserveCamel } from './naming.js';
import { isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import type { ParameterIR, SchemaSummary } from './types.js';

const LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);

/**
 * Operation-level parameters override path-level ones with the same name and location
 * (OpenAPI 3 §4.8.10). Output keeps declaration order; path parameters are reordered later to
 * match the path template.
 */
export function collectParameters(
  resolver: RefResolver,
  pathItem: JsonObject,
  operation: JsonObject,
  pathPointer: string,
  opPointer: string,
): ParameterIR[] {
  const byKey = new Map<string, ParameterIR>();
  const add = (list: unknown, listPointer: string): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new GeneratorError('`parameters` must be an array', listPointer);
    list.forEach((raw, i) => {
      const { value, pointer } = resolver.deref(raw, `${listPointer}/${i}`);
      const param = toParameter(value, pointer);
      byKey.set(`${param.in}:${param.name}`, param);
    });
  };
  add(pathItem.parameters, `${pathPointer}/parameters`);
  add(operation.parameters, `${opPointer}/parameters`);
  return [...byKey.values()];
}

function toParameter(value: unknown, pointer: string): ParameterIR {
  if (!isObject(value)) throw new GeneratorError('A parameter must be an object', pointer);
  const { name, in: location } = value;
  if (typeof name !== 'string' || name.length === 0) throw new GeneratorError('A parameter needs a non-empty `name`', pointer);
  if (typeof location !== 'string' || !LOCATIONS.has(location)) {
    throw new GeneratorError(`Parameter "${name}" has an invalid \`in\` (${String(location)})`, pointer);
  }
  const schema = isObject(value.schema) ? value.schema : firstContentSchema(value.content);
  const param: ParameterIR = {
    name,
    in: location as ParameterIR['in'],
    identifier: safeIdentifier(preserveCamel(name), 'param'),
    required: location === 'path' ? true : value.required === true,
    deprecated: value.deprecated === true,
    schema: summarizeSchema(schema),
  };
  if (typeof value.description === 'string' && value.description.trim()) param.description = value.description.trim();
  if (typeof value.style === 'string') param.style = value.style;
  if (typeof value.explode === 'boolean') param.explode = value.explode;
  return param;
}

function firstContentSchema(content: unknown): unknown {
  if (!isObject(content)) return undefined;
  const first = Object.values(content)[0];
  return isObject(first) ? first.schema : undefined;
}

/** The facts about a parameter's schema that end up in JSDoc (type, format, bounds, default). */
export function summarizeSchema(schema: unknown): SchemaSummary {
  const summary: SchemaSummary = { nullable: false, isArray: false };
  if (!isObject(schema)) return summary;
  const types = Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : typeof schema.type === 'string' ? [schema.type] : [];
  summary.nullable = schema.nullable === true || types.includes('null');
  const main = types.filter((t) => t !== 'null');
  if (main.length > 0) summary.type = main.join(' | ');
  summary.isArray = main.includes('array');
  if (typeof schema.format === 'string') summary.format = schema.format;
  if ('default' in schema) summary.default = schema.default;
  if (typeof schema.minimum === 'number') summary.minimum = schema.minimum;
  if (typeof schema.maximum === 'number') summary.maximum = schema.maximum;
  if (Array.isArray(schema.enum)) summary.enum = schema.enum;
  return summary;
}

/** Path parameters in template order; every `{name}` must be declared. */
export function orderPathParameters(path: string, params: ParameterIR[], opPointer: string): ParameterIR[] {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return names.map((name) => {
    const found = params.find((p) => p.in === 'path' && p.name === name);
    if (!found) throw new GeneratorError(`Path parameter "{${name}}" is not declared`, `${opPointer}/parameters`);
    return found;
  });
}


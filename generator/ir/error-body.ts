import { child, isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import { viewOf, type Located } from '../schema/view.js';
import { isJsonMediaType } from './responses.js';
import { HTTP_METHODS, type ErrorBodyIR } from './types.js';

/** Property names that hold a human-readable message, most specific first. */
const MESSAGE_NAMES = ['message', 'detail', 'error_description', 'title', 'error', 'err', 'msg'];
/**
 * Property names that hold a machine-readable code, string or number (Petstore's `code: integer`).
 * Not `status`: it repeats the HTTP status, which `error.status` already has. Not a list item's
 * code (GitHub's 422 `errors[].code`): each item has its own, none is the error's.
 */
const CODE_NAMES = ['code', 'error_code', 'errorCode'];
/**
 * RFC 9457 problem details name their problem type with `type` (a URI, the member clients are
 * meant to branch on); `title` is its human summary. A `type` counts as the code only beside
 * `title` or `detail`, so a `{type, message}` body's `type` (Petstore's ApiResponse) is not taken
 * for one, and only when no CODE_NAMES property exists (an extension `code` is more specific).
 */
const PROBLEM_TYPE = 'type';
const PROBLEM_SIBLINGS = ['title', 'detail'];
const DETAILS_NAMES = ['details'];
/** Object properties an envelope may nest its fields in, e.g. `{error:{code,message}}`. */
const NESTING_DEPTH = 1;

/**
 * Where the API's error bodies keep code, message and details, read from the JSON schemas of
 * its error responses (4xx, 5xx, `default`): the layout most of them share. Undefined when no
 * error schema names a message or a code; the runtime then tries common shapes only.
 * `codeField` (the config's `errors.codeField`) overrides where the code is read.
 */
export function deriveErrorBody(document: JsonObject, resolver: RefResolver, codeField?: readonly string[]): ErrorBodyIR | undefined {
  const derived = mostCommonLayout(document, resolver);
  // The config's `errors.codeField` replaces whatever code the schemas gave (or did not give).
  return codeField === undefined ? derived : { ...derived, code: [...codeField] };
}

function mostCommonLayout(document: JsonObject, resolver: RefResolver): ErrorBodyIR | undefined {
  const votes = new Map<string, { layout: ErrorBodyIR; count: number }>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolver.tryDeref(rawItem, child('#/paths', path));
    if (!isObject(item.value)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, rawResponse] of Object.entries(operation.responses)) {
        if (!/^(4|5|default)/i.test(status)) continue;
        const schema = jsonSchemaOf(resolver, rawResponse, child(item.pointer, method, 'responses', status));
        const layout = schema === undefined ? undefined : layoutOf(resolver, schema, [], new Set());
        if (layout === undefined) continue;
        const key = JSON.stringify(layout);
        const vote = votes.get(key) ?? { layout, count: 0 };
        vote.count += 1;
        votes.set(key, vote);
      }
    }
  }
  // Most common layout; on a tie, the one seen first (Map keeps insertion order).
  let best: { layout: ErrorBodyIR; count: number } | undefined;
  for (const vote of votes.values()) if (best === undefined || vote.count > best.count) best = vote;
  return best?.layout;
}

function jsonSchemaOf(resolver: RefResolver, rawResponse: unknown, pointer: string): Located | undefined {
  const response = resolver.tryDeref(rawResponse, pointer);
  if (!isObject(response.value) || !isObject(response.value.content)) return undefined;
  const content = response.value.content;
  // A JSON media type proper: `*/*` promises nothing about the body's shape.
  const type = Object.keys(content).find((t) => isJsonMediaType(t) && t.trim() !== '*/*');
  const media = type === undefined ? undefined : content[type];
  if (type === undefined || !isObject(media)) return undefined;
  const at = { node: media.schema, pointer: child(response.pointer, 'content', type, 'schema') };
  return isObject(resolver.tryDeref(at.node, at.pointer).value) ? at : undefined;
}

/**
 * Properties of an object schema as its view merges them (`$ref`, `allOf`), and every
 * `oneOf`/`anyOf` variant's merged in too: an error body of either shape may carry the field.
 * The first definition of a name wins; a schema already read (by target) adds nothing.
 */
function propertiesOf(resolver: RefResolver, schema: Located, seen: Set<string>): Map<string, Located> {
  const out = new Map<string, Located>();
  const view = viewOf(resolver, schema);
  if (seen.has(view.target)) return out;
  seen.add(view.target);
  for (const [name, property] of view.properties) if (isObject(resolver.tryDeref(property.node, property.pointer).value)) out.set(name, property);
  for (const branch of view.branches ?? []) for (const [name, property] of propertiesOf(resolver, branch, seen)) if (!out.has(name)) out.set(name, property);
  return out;
}

/**
 * The types a schema allows, through its variants too (so `anyOf: [{type: string},
 * {type: null}]`, pydantic's nullable string, counts as a string).
 */
function typesOf(resolver: RefResolver, schema: Located, depth = 0): string[] {
  const view = viewOf(resolver, schema);
  const own = [...(view.types?.value ?? [])];
  if (depth > 3) return own;
  return [...own, ...(view.branches ?? []).flatMap((branch) => typesOf(resolver, branch, depth + 1))];
}

function layoutOf(resolver: RefResolver, schema: Located, prefix: string[], seen: Set<string>): ErrorBodyIR | undefined {
  const isString = (s: Located): boolean => typesOf(resolver, s).includes('string');
  const isNumber = (s: Located): boolean => typesOf(resolver, s).some((t) => t === 'integer' || t === 'number');
  const isObjectSchema = (s: Located): boolean => typesOf(resolver, s).includes('object') || propertiesOf(resolver, s, new Set()).size > 0;
  const properties = propertiesOf(resolver, schema, seen);
  const pick = (names: string[], test: (s: Located) => boolean): string | undefined =>
    names.find((name) => {
      const property = properties.get(name);
      return property !== undefined && test(property);
    });
  const message = pick(MESSAGE_NAMES, isString);
  const codeNames = CODE_NAMES.filter((name) => name !== message);
  // A string code first: beside a numeric one (`{code: 404, error_code: 'PET_GONE'}`) it is the finer.
  const code =
    pick(codeNames, isString) ??
    pick(codeNames, isNumber) ??
    (PROBLEM_SIBLINGS.some((name) => properties.has(name)) ? pick([PROBLEM_TYPE], isString) : undefined);
  if (message !== undefined || code !== undefined) {
    const details = pick(DETAILS_NAMES, isObjectSchema);
    return {
      ...(code !== undefined ? { code: [...prefix, code] } : {}),
      ...(message !== undefined ? { message: [...prefix, message] } : {}),
      ...(details !== undefined ? { details: [...prefix, details] } : {}),
    };
  }
  if (prefix.length >= NESTING_DEPTH) return undefined;
  for (const [name, property] of properties) {
    if (!isObjectSchema(property)) continue;
    const nested = layoutOf(resolver, property, [...prefix, name], seen);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/**
 * A small JSON-Schema subset checker for OpenAPI 3.0/3.1 response schemas, used by the conformance test and
 * by the spec fallback (to vet examples before serving them).
 * Supports: $ref (any local JSON pointer), type (incl. arrays with "null"), nullable (3.0), enum, const,
 * required, properties, additionalProperties, items, allOf/anyOf/oneOf, minimum/maximum,
 * exclusiveMinimum/exclusiveMaximum (3.0 booleans and 3.1 numbers), multipleOf, minLength/maxLength, pattern,
 * minItems/maxItems, uniqueItems, formats int32/int64/float/double/date-time/date/time/uuid/email/uri/
 * uri-reference/hostname/ipv4/ipv6/byte/binary/password. Any other validation keyword or format is reported as
 * an error so that a richer spec cannot pass silently (unless `ignoreUnsupported`).
 */

export interface SchemaDocument {
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

export interface CheckOptions {
  /** Treat properties the schema does not declare as errors unless additionalProperties allows them. */
  readonly strictProperties?: boolean;
  /** Skip keywords and formats this checker does not know instead of reporting them. */
  readonly ignoreUnsupported?: boolean;
}

const ANNOTATIONS = new Set([
  'description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', '$comment', 'discriminator', 'contentMediaType', 'contentEncoding',
]);
const HANDLED = new Set([
  '$ref', 'type', 'nullable', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items',
  'allOf', 'anyOf', 'oneOf', 'minimum', 'maximum', 'minItems', 'maxItems', 'format', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'uniqueItems',
]);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isUri(text: string, relativeAllowed: boolean): boolean {
  try {
    new URL(text, relativeAllowed ? 'http://base.invalid/' : undefined);
    return relativeAllowed || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
  } catch {
    return false;
  }
}

type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: unknown): boolean {
  const actual = typeOf(value);
  return type === actual || (type === 'number' && actual === 'integer');
}

function checkFormat(value: unknown, format: string, at: string, opts: CheckOptions, errors: string[]): void {
  const fail = (why: string): void => void errors.push(`${at}: ${why} (format ${format})`);
  switch (format) {
    case 'int32':
      if (typeof value === 'number' && !(Number.isInteger(value) && value >= -2147483648 && value <= 2147483647)) {
        fail(`${value} is not an int32`);
      }
      break;
    case 'int64':
      if (typeof value === 'number' && !Number.isSafeInteger(value)) fail(`${value} is not an int64`);
      break;
    case 'float':
    case 'double':
      if (typeof value === 'number' && !Number.isFinite(value)) fail('not finite');
      break;
    case 'date-time':
      if (typeof value === 'string' && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) {
        fail(`"${value}" is not an RFC 3339 date-time`);
      }
      break;
    case 'date':
      if (typeof value === 'string' && !(DATE.test(value) && !Number.isNaN(Date.parse(value)))) fail(`"${value}" is not a date`);
      break;
    case 'time':
      if (typeof value === 'string' && !TIME.test(value)) fail(`"${value}" is not a time`);
      break;
    case 'uuid':
      if (typeof value === 'string' && !UUID.test(value)) fail(`"${value}" is not a UUID`);
      break;
    case 'email':
      if (typeof value === 'string' && !EMAIL.test(value)) fail(`"${value}" is not an email address`);
      break;
    case 'uri':
    case 'uri-reference':
      if (typeof value === 'string' && !isUri(value, format === 'uri-reference')) fail(`"${value}" is not a URI`);
      break;
    case 'hostname':
      if (typeof value === 'string' && !HOSTNAME.test(value)) fail(`"${value}" is not a hostname`);
      break;
    case 'ipv4':
      if (typeof value === 'string' && !IPV4.test(value)) fail(`"${value}" is not an IPv4 address`);
      break;
    case 'ipv6':
      if (typeof value === 'string' && !(value.includes(':') && isUri(`http://[${value}]/`, false))) fail(`"${value}" is not an IPv6 address`);
      break;
    case 'byte':
      if (typeof value === 'string' && !BASE64.test(value)) fail(`"${value}" is not base64`);
      break;
    case 'binary':
    case 'password':
      break;
    default:
      if (opts.ignoreUnsupported !== true) fail('unsupported format');
  }
}

/** Resolves a local `$ref` (a JSON pointer into the document, e.g. #/components/schemas/Session). */
export function resolveRef(ref: string, doc: unknown): unknown {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return node;
}

/**
 * Names the properties an object schema declares through its allOf/anyOf/oneOf members and a sibling $ref
 * (recursively), so that strict checking of one part does not call the others' properties undeclared.
 * undefined: some member allows additional properties, so nothing is undeclared.
 */
function memberProperties(schema: Obj, doc: SchemaDocument, seen: Set<unknown>): Set<string> | undefined {
  const names = new Set<string>();
  const members: unknown[] = [];
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[keyword];
    if (Array.isArray(list)) members.push(...list);
  }
  if (typeof schema.$ref === 'string') members.push(resolveRef(schema.$ref, doc));
  for (let member of members) {
    if (isObject(member) && typeof member.$ref === 'string' && Object.keys(member).length === 1) member = resolveRef(member.$ref, doc);
    if (!isObject(member) || seen.has(member)) continue;
    seen.add(member);
    if (member.additionalProperties !== undefined && member.additionalProperties !== false) return undefined;
    if (isObject(member.properties)) for (const name of Object.keys(member.properties)) names.add(name);
    const nested = memberProperties(member, doc, seen);
    if (nested === undefined) return undefined;
    for (const name of nested) names.add(name);
  }
  return names;
}

function hasMembers(schema: Obj): boolean {
  return typeof schema.$ref === 'string' || ['allOf', 'anyOf', 'oneOf'].some((keyword) => Array.isArray(schema[keyword]));
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Property names declared beside this schema (by allOf siblings and $ref targets); 'any' when one is open. */
type Allowed = ReadonlySet<string> | 'any' | undefined;

function check(
  value: unknown,
  schema: unknown,
  doc: SchemaDocument,
  at: string,
  opts: CheckOptions,
  errors: string[],
  allowed?: Allowed,
): void {
  if (schema === true || schema === undefined) return;
  if (schema === false) return void errors.push(`${at}: no value allowed`);
  if (!isObject(schema)) return void errors.push(`${at}: schema is not an object`);

  if (opts.ignoreUnsupported !== true) {
    for (const key of Object.keys(schema)) {
      if (!HANDLED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) errors.push(`${at}: unsupported keyword "${key}"`);
    }
  }
  let siblings: Allowed = allowed;
  if (opts.strictProperties === true && isObject(value) && allowed !== 'any' && hasMembers(schema)) {
    const members = memberProperties(schema, doc, new Set([schema]));
    siblings = members === undefined ? 'any' : new Set([...(allowed ?? []), ...members, ...Object.keys(isObject(schema.properties) ? schema.properties : {})]);
  }
  if (typeof schema.$ref === 'string') check(value, resolveRef(schema.$ref, doc), doc, at, opts, errors, siblings);

  if (schema.type !== undefined) {
    const types: unknown[] = Array.isArray(schema.type) ? [...schema.type] : [schema.type];
    if (schema.nullable === true) types.push('null');
    if (!types.some((t) => matchesType(value, t))) {
      return void errors.push(`${at}: expected ${types.join('|')}, got ${typeOf(value)}`);
    }
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
    if (!(value === null && schema.nullable === true)) errors.push(`${at}: ${JSON.stringify(value)} not in enum`);
  }
  if ('const' in schema && schema.const !== value) errors.push(`${at}: expected const ${JSON.stringify(schema.const)}`);
  if (typeof schema.format === 'string') checkFormat(value, schema.format, at, opts, errors);
  if (typeof value === 'number') {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
    if (typeof minimum === 'number' && (exclusiveMinimum === true ? value <= minimum : value < minimum)) errors.push(`${at}: ${value} < minimum`);
    if (typeof maximum === 'number' && (exclusiveMaximum === true ? value >= maximum : value > maximum)) errors.push(`${at}: ${value} > maximum`);
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) errors.push(`${at}: ${value} <= exclusiveMinimum`);
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) errors.push(`${at}: ${value} >= exclusiveMaximum`);
    if (typeof multipleOf === 'number' && multipleOf > 0) {
      const ratio = value / multipleOf;
      if (Math.abs(ratio - Math.round(ratio)) > 1e-9) errors.push(`${at}: ${value} is not a multiple of ${multipleOf}`);
    }
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) errors.push(`${at}: shorter than minLength`);
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) errors.push(`${at}: longer than maxLength`);
    if (typeof schema.pattern === 'string') {
      let pattern: RegExp | undefined;
      try {
        pattern = new RegExp(schema.pattern, 'u');
      } catch {
        errors.push(`${at}: invalid pattern ${JSON.stringify(schema.pattern)}`);
      }
      if (pattern !== undefined && !pattern.test(value)) errors.push(`${at}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    }
  }

  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) {
        if (typeof name === 'string' && !(name in value)) errors.push(`${at}: missing required property "${name}"`);
      }
    }
    for (const [name, child] of Object.entries(value)) {
      if (name in properties) check(child, properties[name], doc, `${at}/${name}`, opts, errors);
      else if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) {
        check(child, schema.additionalProperties, doc, `${at}/${name}`, opts, errors);
      } else if (
        opts.strictProperties === true &&
        schema.additionalProperties === undefined &&
        isObject(schema.properties) &&
        siblings !== 'any' &&
        siblings?.has(name) !== true
      ) {
        errors.push(`${at}: undeclared property "${name}"`);
      }
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than minItems`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: more than maxItems`);
    if (schema.uniqueItems === true && value.some((item, i) => value.findIndex((other) => equal(other, item)) !== i)) {
      errors.push(`${at}: items are not unique`);
    }
    if (schema.items !== undefined) value.forEach((item, i) => check(item, schema.items, doc, `${at}/${i}`, opts, errors));
  }

  if (Array.isArray(schema.allOf)) for (const sub of schema.allOf) check(value, sub, doc, at, opts, errors, siblings);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const subs = schema[keyword];
    if (!Array.isArray(subs)) continue;
    const passing = subs.filter((sub) => {
      const subErrors: string[] = [];
      check(value, sub, doc, at, { ...opts, strictProperties: false }, subErrors);
      return subErrors.length === 0;
    }).length;
    if (keyword === 'anyOf' ? passing === 0 : passing !== 1) errors.push(`${at}: ${passing} ${keyword} branches match`);
  }
}

/** Returns the list of violations (empty when `value` conforms). Paths are JSON-pointer-like. */
export function checkSchema(value: unknown, schema: unknown, doc: SchemaDocument, options: CheckOptions = {}): string[] {
  const errors: string[] = [];
  check(value, schema, doc, '', options, errors);
  return [...new Set(errors)]; // allOf members may each report the same undeclared property
}

/**
 * A small JSON-Schema subset checker for OpenAPI 3.0/3.1 response schemas, used by the conformance test.
 * Supports: $ref (#/components/schemas/...), type (incl. arrays with "null"), nullable (3.0), enum, const,
 * required, properties, additionalProperties, items, allOf/anyOf/oneOf, minimum/maximum, minItems/maxItems,
 * formats int32/int64/float/double/date-time/date. Any other validation keyword is reported as an error so
 * that a richer spec cannot pass silently.
 */

export interface SchemaDocument {
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

export interface CheckOptions {
  /** Treat properties the schema does not declare as errors unless additionalProperties allows them. */
  readonly strictProperties?: boolean;
}

const ANNOTATIONS = new Set([
  'description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'externalDocs', 'xml', '$comment', 'discriminator', 'contentMediaType', 'contentEncoding',
]);
const HANDLED = new Set([
  '$ref', 'type', 'nullable', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items',
  'allOf', 'anyOf', 'oneOf', 'minimum', 'maximum', 'minItems', 'maxItems', 'format',
]);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

function checkFormat(value: unknown, format: string, at: string, errors: string[]): void {
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
    default:
      fail('unsupported format');
  }
}

function resolveRef(ref: string, doc: SchemaDocument): unknown {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
  const target = doc.components?.schemas?.[ref.slice(prefix.length)];
  if (target === undefined) throw new Error(`dangling $ref ${ref}`);
  return target;
}

function check(value: unknown, schema: unknown, doc: SchemaDocument, at: string, opts: CheckOptions, errors: string[]): void {
  if (schema === true || schema === undefined) return;
  if (schema === false) return void errors.push(`${at}: no value allowed`);
  if (!isObject(schema)) return void errors.push(`${at}: schema is not an object`);

  for (const key of Object.keys(schema)) {
    if (!HANDLED.has(key) && !ANNOTATIONS.has(key) && !key.startsWith('x-')) errors.push(`${at}: unsupported keyword "${key}"`);
  }
  if (typeof schema.$ref === 'string') check(value, resolveRef(schema.$ref, doc), doc, at, opts, errors);

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
  if (typeof schema.format === 'string') checkFormat(value, schema.format, at, errors);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${at}: ${value} < minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${at}: ${value} > maximum`);
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
      } else if (opts.strictProperties === true && schema.additionalProperties === undefined && isObject(schema.properties)) {
        errors.push(`${at}: undeclared property "${name}"`);
      }
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${at}: fewer than minItems`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${at}: more than maxItems`);
    if (schema.items !== undefined) value.forEach((item, i) => check(item, schema.items, doc, `${at}/${i}`, opts, errors));
  }

  if (Array.isArray(schema.allOf)) for (const sub of schema.allOf) check(value, sub, doc, at, opts, errors);
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
  return errors;
}

/**
 * The spec fallback: an operation of the served spec that has no hand-written route is answered from the spec
 * itself, the way Prism's or Stainless's mock servers answer every operation. The server marks those answers
 * with `x-contract-source: spec` (see README.md).
 *
 * The answer is the operation's lowest 2xx response, in its JSON media type, with the body from the media
 * type's `example`, else its first valid `examples` entry, else synth.ts (which prefers the schema's own
 * examples). A cursor-paginated operation (a `cursor` query parameter and a `pagination` object with `hasMore`,
 * like every list of the API) answers one last page. Path and query parameters are checked against their
 * schemas first (400 VALIDATION_ERROR with details.field, like the hand-written routes).
 */

import { statSync, readFileSync } from 'node:fs';
import { validationError } from './errors.js';
import type { PageContext } from './pagination.js';
import { encodeCursor, lastPage } from './pagination.js';
import { readInt32, readString } from './params.js';
import type { Outgoing } from './respond.js';
import { checkSchema, resolveRef } from './schema-check.js';
import type { SchemaDocument } from './schema-check.js';
import { flattenSchema, inferType, isValid, synthesize } from './synth.js';
import { parseDateTime } from './time.js';
import type { Tier } from './types.js';
import { TIER_MAX_PAGE_SIZE } from './types.js';

/** Value of the x-contract-source header on answers from the spec. */
export const CONTRACT_SOURCE_HEADER = 'x-contract-source';

type Obj = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface SpecParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: unknown;
  /** form style: false means one comma-separated value for an array. */
  readonly explode: boolean;
}

export interface SpecOperation {
  /** Upper case, e.g. GET. */
  readonly method: string;
  /** The path as the spec writes it, e.g. /v1/sessions/{sessionId}/notes. */
  readonly template: string;
  readonly operationId: string | undefined;
  /** "GET /v1/sessions/{sessionId}/notes (listSessionNotes)". */
  readonly label: string;
  /** Its effective security asks for a credential (an empty list or an empty requirement does not). */
  readonly requiresAuth: boolean;
  readonly parameters: readonly SpecParameter[];
  /** A cursor-paginated list like the API's others: answered as one last page. */
  readonly paginated: boolean;
  /** A hand-written route answers it, so the fallback never does. */
  readonly handwritten: boolean;
  readonly responses: Obj;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** Literal-segment length: more specific templates are tried first. */
  readonly literalLength: number;
}

export interface ServedSpec {
  readonly doc: unknown;
  /** Every operation of the spec, more specific templates first. */
  readonly operations: readonly SpecOperation[];
  /** Why the file gave no operations (missing, not JSON, no paths); undefined when it was read. */
  readonly problem: string | undefined;
}

/** Hand-written patterns and spec templates in one form: /v1/sessions/{}/events. */
export function normalizeTemplate(path: string): string {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.replace(/\{[^}/]+\}|:\w+/g, '{}');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileTemplate(template: string): { pattern: RegExp; names: string[]; literalLength: number } {
  const trimmed = template.length > 1 && template.endsWith('/') ? template.slice(0, -1) : template;
  const names: string[] = [];
  let source = '';
  let literalLength = 0;
  let last = 0;
  for (const m of trimmed.matchAll(/\{([^}/]+)\}/g)) {
    const literal = trimmed.slice(last, m.index);
    source += escapeRegExp(literal);
    literalLength += literal.length;
    source += '([^/]+)';
    names.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  source += escapeRegExp(trimmed.slice(last));
  literalLength += trimmed.length - last;
  return { pattern: new RegExp(`^${source}/?$`), names, literalLength };
}

export function deref(node: unknown, doc: unknown): unknown {
  const seen = new Set<string>();
  while (isObject(node) && typeof node.$ref === 'string' && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    try {
      node = resolveRef(node.$ref, doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

function parametersOf(pathItem: Obj, operation: Obj, doc: unknown): SpecParameter[] {
  const byKey = new Map<string, SpecParameter>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const p = deref(raw, doc);
      if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.required === true || p.in === 'path',
        schema: p.schema ?? {},
        explode: p.explode !== false,
      });
    }
  }
  return [...byKey.values()];
}

function requiresAuth(operation: Obj, doc: unknown): boolean {
  const security = 'security' in operation ? operation.security : isObject(doc) ? doc.security : undefined;
  if (!Array.isArray(security) || security.length === 0) return false;
  return !security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0);
}

/** [status, response object] of the lowest 2xx response ('2XX' counts as 200), else of `default` (as 200). */
export function successResponse(responses: Obj, doc: unknown): readonly [number, Obj] | undefined {
  const ranked = Object.keys(responses)
    .map((key) => [key, /^2\d\d$/.test(key) ? Number(key) : /^2XX$/i.test(key) ? 200 : undefined] as const)
    .filter((entry): entry is readonly [string, number] => entry[1] !== undefined)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const [key, status] = ranked[0] ?? ['default', 200];
  const response = deref(responses[key], doc);
  return isObject(response) ? [status, response] : undefined;
}

/** The media type answered: application/json, else another JSON type, else the first declared. */
function pickMedia(content: Obj): readonly [string, Obj] | undefined {
  const entries = Object.entries(content).filter((entry): entry is [string, Obj] => isObject(entry[1]));
  const exact = entries.find(([type]) => type.toLowerCase() === 'application/json');
  const json = entries.find(([type]) => /[/+]json\b/i.test(type));
  return exact ?? json ?? entries[0];
}

function isPaginated(parameters: readonly SpecParameter[], responses: Obj, doc: unknown): boolean {
  if (!parameters.some((p) => p.in === 'query' && p.name === 'cursor')) return false;
  const content = successResponse(responses, doc)?.[1].content;
  const media = pickMedia(isObject(content) ? content : {});
  const body = flattenSchema(media?.[1].schema, doc);
  const properties = isObject(body.properties) ? body.properties : {};
  const pagination = flattenSchema(properties.pagination, doc);
  return isObject(pagination.properties) && 'hasMore' in pagination.properties;
}

function parseSpec(doc: unknown, isHandwritten: (method: string, template: string) => boolean): SpecOperation[] {
  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
  const operations: SpecOperation[] = [];
  for (const [template, rawItem] of Object.entries(paths)) {
    const pathItem = deref(rawItem, doc);
    if (!isObject(pathItem)) continue;
    for (const lower of METHODS) {
      const operation = pathItem[lower];
      if (!isObject(operation)) continue;
      const method = lower.toUpperCase();
      const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
      const parameters = parametersOf(pathItem, operation, doc);
      const responses = isObject(operation.responses) ? operation.responses : {};
      const { pattern, names, literalLength } = compileTemplate(template);
      operations.push({
        method,
        template,
        operationId,
        label: `${method} ${template}${operationId === undefined ? '' : ` (${operationId})`}`,
        requiresAuth: requiresAuth(operation, doc),
        parameters,
        paginated: isPaginated(parameters, responses, doc),
        handwritten: isHandwritten(method, template),
        responses,
        pattern,
        paramNames: names,
        literalLength,
      });
    }
  }
  // A literal path beats a templated one (/v1/sessions/stats before /v1/sessions/{id}); otherwise spec order.
  return operations
    .map((op, index) => ({ op, index }))
    .sort((a, b) => a.op.paramNames.length - b.op.paramNames.length || b.op.literalLength - a.op.literalLength || a.index - b.index)
    .map(({ op }) => op);
}

/**
 * The spec file at `path`, parsed once per version of the file (its stat): a spec written or replaced while
 * the server runs is picked up by the next request, as /openapi/v3.json serves it.
 */
export class SpecSource {
  private key: string | undefined;
  private served: ServedSpec = { doc: undefined, operations: [], problem: 'not read yet' };

  constructor(
    readonly path: string,
    private readonly isHandwritten: (method: string, template: string) => boolean,
  ) {}

  current(): ServedSpec {
    let key: string;
    try {
      const stat = statSync(this.path);
      key = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
    } catch {
      key = 'missing';
    }
    if (key === this.key) return this.served;
    this.key = key;
    this.served = this.load(key === 'missing');
    return this.served;
  }

  private load(missing: boolean): ServedSpec {
    if (missing) return { doc: undefined, operations: [], problem: 'file not found' };
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
    } catch (error) {
      return { doc: undefined, operations: [], problem: `not JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    if (!isObject(doc) || !isObject(doc.paths)) return { doc, operations: [], problem: 'no paths object' };
    return { doc, operations: parseSpec(doc, this.isHandwritten), problem: undefined };
  }
}

export interface SpecMatch {
  readonly op: SpecOperation;
  readonly params: Readonly<Record<string, string>>;
}

function matchPath(op: SpecOperation, pathname: string): Record<string, string> | undefined {
  const m = op.pattern.exec(pathname);
  if (m === null) return undefined;
  const params: Record<string, string> = {};
  for (const [i, name] of op.paramNames.entries()) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(m[i + 1] ?? '');
    } catch {
      return undefined;
    }
    if (decoded === '') return undefined;
    params[name] = decoded;
  }
  return params;
}

/** The operation for method + path (HEAD falls back to GET), or undefined. */
export function findOperation(spec: ServedSpec, method: string, pathname: string): SpecMatch | undefined {
  for (const wanted of method === 'HEAD' ? ['HEAD', 'GET'] : [method]) {
    for (const op of spec.operations) {
      if (op.method !== wanted) continue;
      const params = matchPath(op, pathname);
      if (params !== undefined) return { op, params };
    }
  }
  return undefined;
}

/** Every operation whose path template matches, whatever its method. */
export function operationsAt(spec: ServedSpec, pathname: string): SpecOperation[] {
  return spec.operations.filter((op) => matchPath(op, pathname) !== undefined);
}

// ---------------------------------------------------------------------------------------------------------
// Parameters

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The typed value of one parameter value, or throws VALIDATION_ERROR naming the parameter. */
function checkValue(name: string, text: string, rawSchema: unknown, doc: unknown): void {
  const schema = flattenSchema(rawSchema, doc);
  const type = inferType(schema);
  let value: unknown = text;
  let rest: Obj = schema;
  const fail = (must: string): never => {
    throw validationError(name, `${name} must be ${must}`);
  };
  if (type === 'integer') {
    const n = Number(text);
    if (!INTEGER.test(text) || !Number.isSafeInteger(n)) fail('an integer');
    if (schema.format === 'int32' && (n < -2147483648 || n > 2147483647)) fail('a 32-bit integer');
    value = n;
  } else if (type === 'number') {
    if (!NUMBER.test(text) || !Number.isFinite(Number(text))) fail('a number');
    value = Number(text);
  } else if (type === 'boolean') {
    const lower = text.toLowerCase();
    if (lower !== 'true' && lower !== 'false') fail('true or false');
    value = lower === 'true';
  } else if (type === 'string' && (schema.format === 'date-time' || schema.format === 'date')) {
    // The same lenient ISO-8601 reading as the hand-written routes (a date is a valid date-time).
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    if (parseDateTime(text) === undefined || (schema.format === 'date' && !dateOnly)) {
      fail(schema.format === 'date' ? 'an ISO-8601 date' : 'an ISO-8601 date-time');
    }
    const { format: _format, ...withoutFormat } = schema;
    rest = withoutFormat;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    fail(`one of ${schema.enum.map(String).join(', ')}`);
  }
  let errors: string[];
  try {
    errors = checkSchema(value, rest, doc as SchemaDocument, { ignoreUnsupported: true });
  } catch {
    errors = [];
  }
  const [first] = errors;
  if (first !== undefined) throw validationError(name, `${name} is invalid (${first.replace(/^: /, '')})`);
}

function checkParameter(p: SpecParameter, values: readonly string[], doc: unknown): void {
  const schema = flattenSchema(p.schema, doc);
  if (inferType(schema) !== 'array') {
    const [first] = values;
    if (first !== undefined) checkValue(p.name, first, p.schema, doc);
    return;
  }
  const items = p.explode ? values : values.flatMap((v) => v.split(','));
  for (const item of items) checkValue(p.name, item, schema.items ?? {}, doc);
  const count = items.length;
  if (typeof schema.minItems === 'number' && count < schema.minItems) {
    throw validationError(p.name, `${p.name} needs at least ${schema.minItems} values`);
  }
  if (typeof schema.maxItems === 'number' && count > schema.maxItems) {
    throw validationError(p.name, `${p.name} takes at most ${schema.maxItems} values`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Answering

export interface SpecRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Tier of the presented key; null for an operation that needs none. */
  readonly tier: Tier | null;
  readonly lastPageCursor: PageContext['lastPageCursor'];
  readonly repeatCursor: boolean;
}

/** Response headers the pipeline owns; the fallback never synthesises them. */
const PIPELINE_HEADERS = new Set(['x-isnotai-tier', 'x-request-id', 'retry-after', 'content-type', 'content-length', CONTRACT_SOURCE_HEADER]);

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** media.example, else the first media.examples entry valid against the schema, else synthesised. */
export function bodyFor(media: Obj, doc: unknown): unknown {
  const candidates: unknown[] = [];
  if ('example' in media) candidates.push(media.example);
  if (isObject(media.examples)) {
    for (const entry of Object.values(media.examples)) {
      const example = deref(entry, doc);
      if (isObject(example) && 'value' in example) candidates.push(example.value);
    }
  }
  for (const candidate of candidates) {
    if (media.schema === undefined || isValid(candidate, media.schema, doc)) return structuredClone(candidate);
  }
  return media.schema === undefined ? undefined : synthesize(media.schema, doc);
}

function pageSizeFor(op: SpecOperation, req: SpecRequest, doc: unknown): number {
  const param = op.parameters.find((p) => p.in === 'query' && p.name === 'pageSize');
  if (param === undefined) return 0;
  const schema = flattenSchema(param.schema, doc);
  const fallback = typeof schema.default === 'number' ? schema.default : 50;
  // As every hand-written list: an integer >= 1, silently clamped to the tier's (or the schema's) maximum.
  const requested = readInt32(req.query, 'pageSize', 1) ?? fallback;
  const max = req.tier === null ? (typeof schema.maximum === 'number' ? schema.maximum : requested) : TIER_MAX_PAGE_SIZE[req.tier];
  return Math.min(requested, max);
}

/** The answer to `op` from the spec; throws ApiError (VALIDATION_ERROR) for a bad path or query parameter. */
export function answerFromSpec(spec: ServedSpec, op: SpecOperation, req: SpecRequest): Outgoing {
  const { doc } = spec;
  for (const p of op.parameters) {
    if (p.in === 'path') {
      const value = req.params[p.name];
      if (value !== undefined) checkParameter(p, [value], doc);
    } else if (p.in === 'query') {
      if (op.paginated && (p.name === 'cursor' || p.name === 'pageSize')) continue;
      const values = req.query.getAll(p.name).filter((v) => v !== '');
      if (values.length === 0) {
        if (p.required) throw validationError(p.name, `${p.name} is required`);
        continue;
      }
      checkParameter(p, values, doc);
    }
  }
  const limit = op.paginated ? pageSizeFor(op, req, doc) : 0;

  const success = successResponse(op.responses, doc);
  const [status, response] = success ?? [200, {}];
  const headers: Record<string, string> = {};
  if (isObject(response.headers)) {
    for (const [name, raw] of Object.entries(response.headers)) {
      const header = deref(raw, doc);
      if (PIPELINE_HEADERS.has(name.toLowerCase()) || !isObject(header)) continue;
      const text = headerText(bodyFor(header, doc));
      if (text !== undefined) headers[name.toLowerCase()] = text;
    }
  }
  const media = pickMedia(isObject(response.content) ? response.content : {});
  if (media === undefined) return { status, contentType: null, body: Buffer.alloc(0), headers };

  const [declaredType, mediaObject] = media;
  let value = bodyFor(mediaObject, doc);
  if (op.paginated && isObject(value)) {
    const cursor = readString(req.query, 'cursor');
    const pagination = req.repeatCursor
      ? { nextCursor: cursor ?? encodeCursor({ endpoint: op.template, filters: '[]', encoding: 'base64url' }, 0), hasMore: true, limit }
      : lastPage(req.lastPageCursor, limit);
    value = { ...value, pagination };
  }
  const wildcard = declaredType.includes('*');
  const isJson = /[/+]json\b/i.test(declaredType) || (wildcard && typeof value !== 'string');
  const type = wildcard ? (isJson ? 'application/json' : 'text/plain') : declaredType;
  const charset = isJson || type.startsWith('text/') ? '; charset=utf-8' : '';
  let body: Buffer;
  if (isJson) body = Buffer.from(JSON.stringify(value ?? null), 'utf8');
  else if (typeof value === 'string') body = Buffer.from(value, 'utf8');
  else body = value === undefined || isObject(value) ? Buffer.alloc(0) : Buffer.from(JSON.stringify(value), 'utf8');
  return { status, contentType: `${type}${charset}`, body, headers };
}

import type { CodegenConfig } from '../config.js';
import { GeneratorError } from '../errors.js';
import { isObject, type JsonObject } from '../schema/json.js';
import { RefResolver } from '../schema/resolve.js';
import { successSchema } from '../ir/responses.js';
import { schemaAtPath } from '../schema/view.js';
import { isTypedBody, requestOf } from '../ir/request.js';
import type { ApiIR, HttpMethod, IdempotencyIR, OperationIR } from '../ir/types.js';
import type { BindingMethod, ListExtras, OperationBinding, PagingBinding, ToolAnnotations, ToolDefinition } from '../../templates/mcp/types.js';
import type { McpConfig } from './config.js';
import { cursorDescription, fieldsDescription, maxItemsDescription, pageSizeDescription, toolDescription, toolTitle } from './describe.js';
import { propertyNames, SchemaConverter, type SchemaRoot } from './schema.js';
import { toolOutput } from './output.js';
import { runtimePagingSpec } from '../ir/pagination.js';
import { operationNodes, type OperationNodes } from './spec-nodes.js';

export interface ToolsInput {
  ir: ApiIR;
  config: CodegenConfig & { mcp: McpConfig };
  document: JsonObject;
  specFile: string | undefined;
  configFile: string | undefined;
}

/**
 * Annotations follow the HTTP method's semantics (GET/HEAD read, PUT/DELETE destructive), and
 * `idempotentHint` the operation's idempotency as the IR decided it (method, `x-idempotent`,
 * config). A key header does not make a tool idempotent: each call gets a new key, so two calls
 * with the same arguments are two operations; it is then by the method (a PUT with a key still is).
 */
export function annotationsFor(method: HttpMethod, idempotency?: IdempotencyIR): ToolAnnotations {
  const readOnly = method === 'get' || method === 'head' || method === 'options';
  const byMethod = readOnly || method === 'put' || method === 'delete';
  const idempotent = idempotency === undefined || idempotency.kind === 'key' ? byMethod : idempotency.kind === 'idempotent';
  return {
    readOnlyHint: readOnly,
    destructiveHint: !readOnly && method !== 'post',
    idempotentHint: idempotent,
    openWorldHint: false,
  };
}

/** Stage "mcp": the IR plus the spec's schemas → the generated tool table, one row per operation. */
export function buildTools({ ir, config, document, specFile }: ToolsInput): ToolDefinition[] {
  const resolver = new RefResolver(document, specFile ?? 'spec');
  const nodes = (op: OperationIR): OperationNodes => operationNodes(resolver, document, op);
  // One converter for the document: what it learns about a shared schema serves every tool.
  const converter = new SchemaConverter(resolver);
  const outputs = new SchemaConverter(resolver, { output: true });
  // TRACE has no client method to bind to; it is never a useful agent tool either.
  const ops = ir.operations.filter((op) => op.method !== 'trace');
  return ops.map((op) => {
    // Named in the IR (ir/build.ts), where names recorded by earlier generations are known.
    if (op.toolName === undefined) throw new Error(`${op.operationId} has no tool name: the IR was built without an mcp config`);
    return buildTool(op, op.toolName, { nodes: nodes(op), resolver, converter, outputs }, config.mcp, specFile);
  });
}

interface RawParameter {
  raw: JsonObject;
  pointer: string;
}

/** Path-item parameters overridden by operation parameters of the same name and location. */
function rawParameters(resolver: RefResolver, op: OperationIR, nodes: OperationNodes): Map<string, RawParameter> {
  const out = new Map<string, RawParameter>();
  for (const [owner, value] of [[nodes.pathPointer, nodes.pathItem], [op.pointer, nodes.operation]] as const) {
    const list = Array.isArray(value.parameters) ? value.parameters : [];
    list.forEach((entry, i) => {
      const { value: raw, pointer } = resolver.deref(entry, `${owner}/parameters/${i}`);
      if (isObject(raw) && typeof raw.name === 'string') out.set(`${String(raw.in)}:${raw.name}`, { raw, pointer });
    });
  }
  return out;
}

/** Where a parameter's schema is: `schema`, or the first media type's under `content`. */
function parameterRoot({ raw, pointer }: RawParameter): SchemaRoot {
  let schema: unknown = raw.schema;
  if (schema === undefined && isObject(raw.content)) {
    const first = Object.values(raw.content)[0];
    schema = isObject(first) ? first.schema : undefined;
  }
  return { raw: schema, pointer: `${pointer}/schema` };
}

/** The converted schema with the parameter's own description and deprecation. */
function parameterSchema(out: JsonObject, { raw }: RawParameter): JsonObject {
  const description = typeof raw.description === 'string' && raw.description.trim() !== '' ? raw.description.trim() : undefined;
  if (description !== undefined) out.description = description;
  if (raw.deprecated === true) {
    out.deprecated = true;
    out.description = `Deprecated. ${typeof out.description === 'string' ? out.description : ''}`.trim();
  }
  return out;
}

interface ToolContext {
  nodes: OperationNodes;
  resolver: RefResolver;
  converter: SchemaConverter;
  /** The converter for result schemas (the output flavour). */
  outputs: SchemaConverter;
}

function buildTool(op: OperationIR, name: string, { nodes, resolver, converter, outputs }: ToolContext, mcp: McpConfig, specFile: string | undefined): ToolDefinition {
  const raws = rawParameters(resolver, op, nodes);
  const properties: JsonObject = {};
  const required: string[] = [];
  const add = (key: string, schema: JsonObject, isRequired: boolean, pointer: string): void => {
    if (Object.hasOwn(properties, key)) {
      throw new GeneratorError(`Argument "${key}" would appear twice in the flat input of tool ${name} (path, query and body share one namespace)`, pointer, specFile);
    }
    // Defined, not assigned: a parameter may be named `__proto__`.
    Object.defineProperty(properties, key, { value: schema, writable: true, enumerable: true, configurable: true });
    if (isRequired) required.push(key);
  };

  // Every style is a list tool: it resumes through its position parameter, a `Link` list through an argument of its own.
  const paging = op.paging;
  let pageSize: number | undefined;
  const query = op.namedParams.filter((p) => p.in === 'query');
  const params = [...op.pathParams, ...query].map((param) => ({ param, raw: raws.get(`${param.in}:${param.name}`) }));
  const body = requestBody(resolver, op, nodes);
  // All argument schemas at once: whether a schema is inlined or shared depends on the whole tool.
  const roots = params.map(({ raw }): SchemaRoot => (raw === undefined ? { raw: undefined, pointer: op.pointer } : parameterRoot(raw)));
  const converted = converter.tool(body?.root === undefined ? roots : [...roots, body.root]);
  params.forEach(({ param, raw }, i) => {
    const pointer = raw?.pointer ?? `${op.pointer}/parameters`;
    const schema = raw === undefined ? {} : parameterSchema(converted.schemas[i]!, raw);
    if (paging && param.name === paging.positionParam) schema.description = cursorDescription();
    if (paging && param.name === paging.pageSizeParam && isNumeric(schema)) {
      pageSize = clamp(mcp.defaultPageSize, schema);
      schema.default = pageSize;
      schema.description = pageSizeDescription(typeof schema.description === 'string' ? schema.description : undefined, pageSize);
    }
    add(param.name, schema, param.required, pointer);
  });
  if (body !== undefined) {
    const schema = body.root === undefined ? body.schema : converted.schemas[roots.length]!;
    const description = body.description ?? (typeof schema.description === 'string' ? schema.description : 'Request body.');
    add('body', { ...schema, description }, body.binding.required, `${op.pointer}/requestBody`);
  }

  // The next page's URL, for a `Link` list; not a query parameter, so named clear of the operation's own.
  const linkArgument = paging?.style === 'link' ? freeName(properties, LINK_CURSOR_NAMES) : undefined;
  if (linkArgument !== undefined) properties[linkArgument] = { type: 'string', minLength: 1, description: cursorDescription() };

  let list: ListExtras | undefined;
  if (paging) {
    list = { maxItems: !Object.hasOwn(properties, 'maxItems') };
    const fields = itemFields(resolver, op, nodes);
    if (fields.length > 0 && !Object.hasOwn(properties, 'fields')) {
      list.fields = fields;
      properties.fields = { type: 'array', items: { type: 'string', enum: fields }, minItems: 1, uniqueItems: true, description: fieldsDescription() };
    }
    if (list.maxItems) properties.maxItems = { type: 'integer', minimum: 1, maximum: mcp.maxItemsLimit, description: maxItemsDescription(mcp) };
  }

  const inputSchema: JsonObject = {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...(converted.defs === undefined ? {} : { $defs: converted.defs }),
  };
  // The request's fixed part is the client function's (ir/request.ts), so a call sends the same request.
  const request = requestOf(op);
  const binding: OperationBinding = {
    operationId: request.operationId,
    method: request.method as BindingMethod,
    path: op.path,
    pathParams: op.pathParams.map((p) => p.name),
    queryParams: query.map((p) => p.name),
    ...(request.queryStyles === undefined ? {} : { queryStyles: request.queryStyles as OperationBinding['queryStyles'] }),
    ...(request.body === undefined ? {} : { body: request.body }),
    responseType: request.responseType,
    ...(request.accept === undefined ? {} : { accept: request.accept }),
    auth: request.auth,
    ...(request.envelope !== undefined && !paging ? { envelope: request.envelope } : {}),
    ...(request.security ? { security: request.security } : {}),
    ...(request.idempotency === undefined ? {} : { idempotency: request.idempotency }),
    ...(paging
      ? {
          paging: { ...runtimePagingSpec(paging, true), ...(linkArgument === undefined ? {} : { cursorArgument: linkArgument }) } as unknown as PagingBinding,
        }
      : {}),
  };
  return {
    name,
    title: toolTitle(op, name),
    description: toolDescription(op, mcp, pageSize, paging?.positionParam ?? linkArgument),
    // Built from parsed JSON only, so every value is JSON.
    inputSchema: inputSchema as ToolDefinition['inputSchema'],
    annotations: annotationsFor(op.method, op.idempotency),
    ...toolOutput(op, { resolver, nodes, converter: outputs }, list?.fields !== undefined),
    binding,
    ...(list === undefined ? {} : { list }),
  };
}

/** Names the continuation argument of a `Link` list may take, first free wins. */
const LINK_CURSOR_NAMES = ['cursor', 'pageCursor', 'nextPageCursor', 'mcpCursor'];

function freeName(properties: JsonObject, names: readonly string[]): string {
  const free = names.find((name) => !Object.hasOwn(properties, name));
  if (free !== undefined) return free;
  for (let i = 2; ; i++) if (!Object.hasOwn(properties, `cursor${i}`)) return `cursor${i}`;
}

function isNumeric(schema: JsonObject): boolean {
  return schema.type === 'integer' || schema.type === 'number';
}

function clamp(value: number, schema: JsonObject): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  return Math.min(Math.max(value, min), max);
}

interface RequestBody {
  /** A JSON or form body's schema in the spec, converted with the parameters'. */
  root?: SchemaRoot;
  /** The schema of a body sent as given (text, bytes, multipart). */
  schema: JsonObject;
  description: string | undefined;
  binding: NonNullable<OperationBinding['body']>;
}

function requestBody(resolver: RefResolver, op: OperationIR, nodes: OperationNodes): RequestBody | undefined {
  const body = op.requestBody;
  if (body === undefined) return undefined;
  const pointer = `${op.pointer}/requestBody`;
  const binding = requestOf(op).body!;
  // JSON and form bodies are objects the runtime encodes, so the argument is the spec's schema; other bodies are sent as given.
  if (!isTypedBody(body)) return { schema: { type: 'string' }, description: `Request body (${body.mediaType}).`, binding };
  const { value } = resolver.deref(nodes.operation.requestBody, pointer);
  const media = isObject(value) && isObject(value.content) ? value.content[body.mediaType] : undefined;
  return { root: { raw: isObject(media) ? media.schema : undefined, pointer: `${pointer}/content` }, schema: {}, description: body.description, binding };
}

/** Property names of one list item, for the `fields` projection. */
function itemFields(resolver: RefResolver, op: OperationIR, nodes: OperationNodes): string[] {
  if (!op.paging) return [];
  const response = successSchema(resolver, nodes.operation, op.pointer, op.success);
  const array = schemaAtPath(resolver, response, op.pointer, op.paging.itemsPath);
  return isObject(array) ? propertyNames(resolver, array.items, op.pointer) : [];
}

import { requestOf } from '../ir/request.js';
import type { JsonObject } from '../schema/json.js';
import type { ApiIR, HttpMethod, IdempotencyIR, McpIR, OperationIR, ToolSchemasIR } from '../ir/types.js';
import type { BindingMethod, ListExtras, OperationBinding, PagingBinding, ToolAnnotations, ToolDefinition } from '../../templates/mcp/types.js';
import { cursorDescription, fieldsDescription, maxItemsDescription, pageSizeDescription, toolDescription, toolTitle } from './describe.js';
import { runtimePagingSpec } from '../ir/pagination.js';

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

/**
 * Stage "mcp": the IR → the generated tool table, one row per operation. The schemas were read
 * from the spec when the IR was built (ir/tool-schemas.ts); this adds the MCP server's own
 * arguments (paging, projection), defaults and descriptions.
 */
export function buildTools(ir: ApiIR & { mcp: McpIR }): ToolDefinition[] {
  // TRACE has no client method to bind to; it is never a useful agent tool either.
  const ops = ir.operations.filter((op) => op.method !== 'trace');
  return ops.map((op) => {
    // Named in the IR (ir/build.ts), where names recorded by earlier generations are known.
    if (op.toolName === undefined || op.toolSchemas === undefined) throw new Error(`${op.operationId} has no tool: the IR was built without an mcp config`);
    return buildTool(op, op.toolName, op.toolSchemas, ir.mcp);
  });
}

function buildTool(op: OperationIR, name: string, schemas: ToolSchemasIR, mcp: McpIR): ToolDefinition {
  const properties: JsonObject = {};
  const required: string[] = [];
  const add = (key: string, schema: JsonObject, isRequired: boolean): void => {
    // Defined, not assigned: a parameter may be named `__proto__`. Keys are unique (ir/tool-schemas.ts).
    Object.defineProperty(properties, key, { value: schema, writable: true, enumerable: true, configurable: true });
    if (isRequired) required.push(key);
  };

  // Every style is a list tool: it resumes through its position parameter, a `Link` list through an argument of its own.
  const paging = op.paging;
  let pageSize: number | undefined;
  const query = op.namedParams.filter((p) => p.in === 'query');
  for (const param of schemas.params) {
    // A copy: the IR's schema is the spec's, and the IR may be emitted again.
    const schema = { ...param.schema };
    if (paging && param.name === paging.positionParam) schema.description = cursorDescription();
    if (paging && param.name === paging.pageSizeParam && isNumeric(schema)) {
      pageSize = clamp(mcp.defaultPageSize, schema);
      schema.default = pageSize;
      schema.description = pageSizeDescription(typeof schema.description === 'string' ? schema.description : undefined, pageSize);
    }
    add(param.name, schema, param.required);
  }
  if (schemas.body !== undefined) add('body', { ...schemas.body.schema }, schemas.body.required);

  // The next page's URL, for a `Link` list; not a query parameter, so named clear of the operation's own.
  const linkArgument = paging?.style === 'link' ? freeName(properties, LINK_CURSOR_NAMES) : undefined;
  if (linkArgument !== undefined) properties[linkArgument] = { type: 'string', minLength: 1, description: cursorDescription() };

  let list: ListExtras | undefined;
  if (paging) {
    list = { maxItems: !Object.hasOwn(properties, 'maxItems') };
    const fields = schemas.itemFields;
    if (fields.length > 0 && !Object.hasOwn(properties, 'fields')) {
      list.fields = [...fields];
      properties.fields = { type: 'array', items: { type: 'string', enum: [...fields] }, minItems: 1, uniqueItems: true, description: fieldsDescription() };
    }
    if (list.maxItems) properties.maxItems = { type: 'integer', minimum: 1, maximum: mcp.maxItemsLimit, description: maxItemsDescription(mcp) };
  }

  const inputSchema: JsonObject = {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
    ...(schemas.defs === undefined ? {} : { $defs: schemas.defs }),
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
    ...schemas.output,
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

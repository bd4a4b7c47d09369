import { GeneratorError } from '../errors.js';
import { isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import { schemaAtPath } from '../schema/view.js';
import { operationNodes, type OperationNodes } from './operation-nodes.js';
import { isTypedBody } from './request.js';
import { successSchema } from './responses.js';
import { propertyNames, SchemaConverter, type SchemaRoot } from './tool-json-schema.js';
import { toolOutput } from './tool-output.js';
import type { OperationIR, ToolSchemasIR } from './types.js';

/**
 * The MCP tools' schemas, read from the spec while the IR is built (the MCP target never reads the
 * document): every argument's JSON Schema, the body's, the list item's field names and the
 * result's schema. `ops` are the tool operations in order; one converter per flavour serves them
 * all, so what it learns about a shared schema serves every tool. `specFile` names the spec in
 * errors.
 */
export function toolSchemas(resolver: RefResolver, document: JsonObject, ops: readonly OperationIR[], specFile: string): Map<OperationIR, ToolSchemasIR> {
  const inputs = new SchemaConverter(resolver);
  const outputs = new SchemaConverter(resolver, { output: true });
  return new Map(ops.map((op) => [op, schemasOf(op, { nodes: operationNodes(resolver, document, op), resolver, inputs, outputs }, specFile)]));
}

interface Context {
  nodes: OperationNodes;
  resolver: RefResolver;
  inputs: SchemaConverter;
  outputs: SchemaConverter;
}

function schemasOf(op: OperationIR, { nodes, resolver, inputs, outputs }: Context, specFile: string): ToolSchemasIR {
  const raws = rawParameters(resolver, op, nodes);
  const params = [...op.pathParams, ...op.namedParams.filter((p) => p.in === 'query')].map((param) => ({ param, raw: raws.get(`${param.in}:${param.name}`) }));
  const body = requestBody(resolver, op, nodes);
  // A tool's input is one flat object: path, query and body share its keys.
  const keys = new Set<string>();
  for (const [key, pointer] of [...params.map(({ param, raw }) => [param.name, raw?.pointer ?? `${op.pointer}/parameters`] as const), ...(body ? [['body', `${op.pointer}/requestBody`] as const] : [])]) {
    if (keys.has(key)) throw new GeneratorError(`Argument "${key}" would appear twice in the flat input of tool ${op.toolName ?? op.operationId} (path, query and body share one namespace)`, pointer, specFile);
    keys.add(key);
  }
  // All argument schemas at once: whether a schema is inlined or shared depends on the whole tool.
  const roots = params.map(({ raw }): SchemaRoot => (raw === undefined ? { raw: undefined, pointer: op.pointer } : parameterRoot(raw)));
  const converted = inputs.tool(body?.root === undefined ? roots : [...roots, body.root]);
  const itemFields = listItemFields(resolver, op, nodes);
  // `fields` keeps only some properties of each item; an operation's own `fields` parameter wins.
  const projected = itemFields.length > 0 && !keys.has('fields');
  const out: ToolSchemasIR = {
    params: params.map(({ param, raw }, i) => ({ name: param.name, in: param.in, required: param.required, schema: raw === undefined ? {} : parameterSchema(converted.schemas[i]!, raw) })),
    itemFields,
    output: toolOutput(op, { resolver, nodes, converter: outputs }, projected),
  };
  if (body !== undefined) {
    const schema = body.root === undefined ? body.schema : converted.schemas[roots.length]!;
    const description = body.description ?? (typeof schema.description === 'string' ? schema.description : 'Request body.');
    out.body = { schema: { ...schema, description }, required: body.required };
  }
  if (converted.defs !== undefined) out.defs = converted.defs;
  return out;
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

interface RequestBody {
  /** A JSON or form body's schema in the spec, converted with the parameters'. */
  root?: SchemaRoot;
  /** The schema of a body sent as given (text, bytes, multipart). */
  schema: JsonObject;
  description: string | undefined;
  required: boolean;
}

function requestBody(resolver: RefResolver, op: OperationIR, nodes: OperationNodes): RequestBody | undefined {
  const body = op.requestBody;
  if (body === undefined) return undefined;
  const pointer = `${op.pointer}/requestBody`;
  // JSON and form bodies are objects the runtime encodes, so the argument is the spec's schema; other bodies are sent as given.
  if (!isTypedBody(body)) return { schema: { type: 'string' }, description: `Request body (${body.mediaType}).`, required: body.required };
  const { value } = resolver.deref(nodes.operation.requestBody, pointer);
  const media = isObject(value) && isObject(value.content) ? value.content[body.mediaType] : undefined;
  return { root: { raw: isObject(media) ? media.schema : undefined, pointer: `${pointer}/content` }, schema: {}, description: body.description, required: body.required };
}

/** Property names of one list item, for the `fields` projection. */
function listItemFields(resolver: RefResolver, op: OperationIR, nodes: OperationNodes): string[] {
  if (!op.paging) return [];
  const response = successSchema(resolver, nodes.operation, op.pointer, op.success);
  const array = schemaAtPath(resolver, response, op.pointer, op.paging.itemsPath);
  return isObject(array) ? propertyNames(resolver, array.items, op.pointer) : [];
}

import type { RefResolver } from '../schema/resolve.js';
import { isObject, type JsonObject } from '../schema/json.js';
import { successSchema } from './responses.js';
import { schemaAtPath } from '../schema/view.js';
import type { OperationIR } from './types.js';
import type { ToolDefinition } from '../../templates/mcp/types.js';
import { FLAGGED_RESULT_SCHEMA, TRUNCATION_NOTE_SCHEMA } from '../../templates/mcp/result-schemas.js';
import type { SchemaConverter } from './tool-json-schema.js';
import type { OperationNodes } from './operation-nodes.js';

/**
 * A tool's `outputSchema`: what its `structuredContent` holds, from the operation's success
 * response (the enveloped value when the IR names an envelope; the `{items, nextCursor, hasMore}`
 * page for list tools), described as deeply as OUTPUT_BUDGET allows. The root is always an object, as MCP requires of structured content: a
 * value that is not always one is declared as `{result: value}` (`wrapResult`). Every schema is
 * `anyOf` the documented shape and the flagged shape (templates/mcp/structured.ts): a result cut
 * to the budget, or one that does not match the documented shape, still conforms.
 */
/**
 * Characters of compact JSON a result's documented schema may take. Every tool's output schema
 * is listed to the agent with its input schema; a larger one is described less deeply. Not AI's
 * largest is about 3,800; Figma's file and node responses would otherwise list 136,000.
 */
export const OUTPUT_BUDGET = 6_000;

export type ToolOutput = Required<Pick<ToolDefinition, 'outputSchema'>> & Pick<ToolDefinition, 'wrapResult'>;

export interface OutputContext {
  resolver: RefResolver;
  nodes: OperationNodes;
  /** The output-flavoured converter of the document. */
  converter: SchemaConverter;
}

export function toolOutput(op: OperationIR, { resolver, nodes, converter }: OutputContext, projected: boolean): ToolOutput {
  const success = op.success;
  if (op.paging) {
    const response = successSchema(resolver, nodes.operation, op.pointer, success);
    const array = schemaAtPath(resolver, response, op.pointer, op.paging.itemsPath);
    const item = converter.result({ raw: isObject(array) ? array.items : undefined, pointer: `${op.pointer}/responses` }, OUTPUT_BUDGET);
    // `fields` keeps only some properties of each item, so none of them is required any more.
    if (projected) delete item.required;
    return finish(listShape(item));
  }
  if (success === undefined || (!success.isJson && !success.isBinary && success.mediaType === undefined)) return finish(NO_BODY);
  if (success.isBinary) return finish(BINARY);
  if (!success.isJson) return { ...finish(objectOf('result', { type: 'string', description: `The body (${success.mediaType ?? 'text'}).` })), wrapResult: true };
  let raw = successSchema(resolver, nodes.operation, op.pointer, success);
  if (success.envelope !== undefined) raw = schemaAtPath(resolver, raw, op.pointer, [success.envelope]);
  const schema = converter.result({ raw, pointer: `${op.pointer}/responses/${success.status}` }, OUTPUT_BUDGET);
  if (isObjectSchema(schema)) return finish(schema);
  return { ...finish(objectOf('result', schema)), wrapResult: true };
}

/** `{type: object, anyOf: [shape, flagged]}`. */
function finish(shape: JsonObject): ToolOutput {
  const schema = { type: 'object', anyOf: [shape, FLAGGED_RESULT_SCHEMA] };
  // Built from parsed JSON only, so every value is JSON.
  return { outputSchema: schema as ToolOutput['outputSchema'] };
}

function objectOf(key: string, schema: JsonObject): JsonObject {
  return { type: 'object', properties: { [key]: schema }, required: [key] };
}

function listShape(item: JsonObject): JsonObject {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: item },
      nextCursor: { type: ['string', 'number', 'null'], description: 'Pass back unchanged as cursor for the next page; null on the last page.' },
      hasMore: { type: 'boolean' },
      truncated: TRUNCATION_NOTE_SCHEMA,
    },
    required: ['items', 'nextCursor', 'hasMore'],
  };
}

const NO_BODY: JsonObject = { type: 'object', properties: { ok: { const: true } }, required: ['ok'], description: 'The operation answers with no body.' };

const BINARY: JsonObject = {
  type: 'object',
  description: 'A file or image: its type and size (the bytes are not shown).',
  properties: { binary: { const: true }, contentType: { type: 'string' }, bytes: { type: 'integer' } },
  required: ['binary', 'contentType', 'bytes'],
};

/** Whether every value the schema admits is an object (so it can be structured content as it is). */
function isObjectSchema(schema: JsonObject): boolean {
  if (schema.type !== undefined) return schema.type === 'object';
  // Specs often leave out `type: object` beside `properties` (the SDK reads such roots the same way).
  if (schema.properties !== undefined || schema.additionalProperties !== undefined || schema.required !== undefined) return true;
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = schema[key];
    if (Array.isArray(members) && members.length > 0) {
      const all = members.every((m) => isObject(m) && isObjectSchema(m));
      // allOf: one object member makes the whole an object; anyOf/oneOf: every member must be.
      if (key === 'allOf' ? members.some((m) => isObject(m) && isObjectSchema(m)) : all) return true;
    }
  }
  return false;
}

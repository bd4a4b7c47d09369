import { StructureKind, type FunctionDeclarationStructure, type MethodDeclarationStructure, type ParameterDeclarationStructure, type TypeAliasDeclarationStructure } from 'ts-morph';
import { isTypedBody, requestOf } from '../ir/request.js';
import type { SchemaShape } from '../ir/object-schema.js';
import type { OperationIR, ParameterIR } from '../ir/types.js';
import { call, type Code, lit, member, obj, optionalKey, ref, returns, tagged } from './code.js';
import { operationDoc } from './operation-docs.js';
import { pageTypeArgument } from './paging-runtime.js';
import { type DocInput, indexType, jsDoc, literal } from './ts.js';

/** The openapi-typescript type of this operation: `paths["/v1/x"]["get"]`. */
function opType(op: OperationIR): string {
  return indexType('paths', op.path, op.method);
}

/** What the function returns, e.g. `PagePromise<R, I>` or `APIPromise<R>`, from the names the IR gave the operation. */
function returnTypeOf(op: OperationIR): string {
  const { result, response, item } = op.names;
  // An unwrapping call still hands out the whole body from `.withResponse()`: its second type argument.
  if (op.paging) return `PagePromise<${[result, item!, ...pageTypeArgument(op.paging, result, item!)].join(', ')}>`;
  return op.success?.envelope === undefined ? `APIPromise<${result}>` : `EnvelopePromise<${result}, ${response}>`;
}

/**
 * The local helper that names an object alias (decisions 113 and 164): a mapped type over
 * `K`, a type parameter constrained to `keyof T`, rather than over `keyof T` itself. TypeScript
 * drops the declaring alias's name from an instantiated homomorphic mapped type (hover would print
 * `Named$<{…}>`) but keeps it on this form, which still keeps T's named members, `?` and
 * `readonly` (its modifiers come from T, as `Pick`'s do). Not for a type with an index signature:
 * `keyof` it is `string | number`, and the named members would be lost (ir/object-schema.ts
 * `hasIndexSignature`; such aliases are spelled out). Written once per module instead of spelling
 * the inner type twice in every alias. The generator derives no name with `$` (ir/naming.ts), and
 * the names lock refuses one (ir/names-lock.ts), so it cannot clash with an import or an alias.
 */
export const NAMED_HELPER = 'Named$';
export const NAMED_HELPER_DECLARATION = `/** T's own properties, under the name of the alias that declares it (hover shows \`XParams\`, not an expanded object). */
type ${NAMED_HELPER}<T, K extends keyof T = keyof T> = { [P in K]: T[P] };`;

/**
 * `type` itself, re-declared so that TypeScript names it after the alias that declares it: hover
 * and declarations then print `ListSessionsParams`, where an alias of an indexed access or of
 * `WithOptionalUndefined<…>` (a conditional type) prints the expanded object. How depends on the
 * shape the IR found (ir/object-schema.ts), since each form keeps only its own kind of type:
 * an object goes through the module's `Named$` (members, `?` and `readonly` kept; a union, array
 * or `unknown` would not survive `keyof`), one with an index signature is a mapped type over
 * itself written out (homomorphic on a concrete type: properties and index kept); an array `T[number][]`; a union `T | never` (a new
 * union type, with the alias's name; `never` drops out). Anything else stays as it is.
 */
function named(type: string, shape: SchemaShape | undefined): string {
  if (shape === 'object') return `${NAMED_HELPER}<${type}>`;
  if (shape === 'indexed') return `{ [K in keyof ${type}]: ${type}[K] }`;
  if (shape === 'array') return `${type}[number][]`;
  return shape === 'union' ? `${type} | never` : type;
}

/** Thin aliases over openapi-typescript's types, never re-derived shapes. */
export function operationTypeAliases(op: OperationIR): TypeAliasDeclarationStructure[] {
  const names = op.names;
  const aliases: TypeAliasDeclarationStructure[] = [];
  const alias = (name: string, type: string, doc: string): void => {
    aliases.push({ kind: StructureKind.TypeAlias, name, type, isExported: true, docs: jsDoc({ summary: doc }) });
  };
  const t = opType(op);
  if (names.params) {
    const locations = [...new Set(op.namedParams.map((p) => p.in))];
    // The key parameters the client sends itself are not the caller's to give (nor required of them).
    const type = locations
      .map((loc) => {
        const all = `NonNullable<${indexType(t, 'parameters', loc)}>`;
        const omitted = (op.authParams ?? []).filter((p) => p.in === loc).map((p) => literal(p.name));
        return omitted.length > 0 ? `Omit<${all}, ${omitted.join(' | ')}>` : all;
      })
      .join(' & ');
    alias(names.params, named(`WithOptionalUndefined<${type}>`, 'object'), `Parameters of \`${op.functionName}\` (${locations.join(', ')}).`);
  }
  if (names.body && op.requestBody) {
    // JSON and form bodies are typed objects the runtime encodes; anything else is sent as given.
    const typed = isTypedBody(op.requestBody);
    const content = typed ? `WithOptionalUndefined<${indexType(`NonNullable<${t}["requestBody"]>`, 'content', op.requestBody.mediaType)}>` : 'BodyInit';
    const type = typed ? named(content, op.requestBody.shape) : content;
    alias(names.body, type, `Request body of \`${op.functionName}\`.`);
  }
  const success = op.success;
  // Non-JSON bodies (text, XML, CSV…) arrive as the response text.
  const json = success?.mediaType && success.isJson ? indexType(t, 'responses', success.status, 'content', success.mediaType) : undefined;
  // A component schema result is already named (`success.model`); one written in place is named here.
  const responseType = json !== undefined ? named(json, success?.shape) : success?.isBinary ? 'Blob' : success?.mediaType ? 'string' : 'void';
  alias(names.response, responseType, `Response body of \`${op.functionName}\`${success ? ` (HTTP ${success.status})` : ''}.`);
  if (names.item && op.paging) {
    const items = op.paging.itemsPath.reduce((acc, key) => `NonNullable<${indexType(acc, key)}>`, names.response);
    alias(names.item, named(`${items}[number]`, success?.itemShape), `One item of a \`${op.functionName}\` page.`);
  }
  if (success?.envelope !== undefined && success.model === undefined && success.resultShape !== undefined) {
    alias(op.resultTypeName!, named(indexType(names.response, success.envelope), success.resultShape), `What \`${op.functionName}\` resolves to: the response's \`${success.envelope}\`.`);
  }
  return aliases;
}

function pathParamType(p: ParameterIR): string {
  return p.schema.type === 'integer' || p.schema.type === 'number' ? 'number' : 'string';
}

function hasRequiredNamed(op: OperationIR): boolean {
  return op.namedParams.some((p) => p.required);
}

/**
 * The parameter list after `client`: path params, body, params, options. An optional body
 * before required params becomes `T | undefined` (TypeScript forbids `?` before a required one).
 */
function callParameters(op: OperationIR): ParameterDeclarationStructure[] {
  const names = op.names;
  const out: ParameterDeclarationStructure[] = op.pathParams.map((p) => ({ kind: StructureKind.Parameter, name: p.identifier, type: pathParamType(p) }));
  const paramsRequired = hasRequiredNamed(op);
  if (names.body) {
    const optional = !op.requestBody?.required;
    out.push({ kind: StructureKind.Parameter, name: 'body', type: optional && paramsRequired ? `${names.body} | undefined` : names.body, hasQuestionToken: optional && !paramsRequired });
  }
  if (names.params) out.push({ kind: StructureKind.Parameter, name: 'params', type: names.params, hasQuestionToken: !paramsRequired });
  out.push({ kind: StructureKind.Parameter, name: 'options', type: op.paging ? 'PageRequestOptions' : 'RequestOptions', hasQuestionToken: true });
  return out;
}

/**
 * The object literal handed to the runtime; every spec string enters as a literal. Its fixed
 * fields come from the IR's request description (ir/request.ts), which the MCP tools share.
 */
function requestSpec(op: OperationIR): Code {
  const request = requestOf(op);
  const params = ref('params');
  const fields: (readonly [string, Code] | string)[] = [
    ['method', lit(request.method)],
    ['path', pathExpression(op)],
  ];
  const query = op.namedParams.filter((p) => p.in === 'query');
  const headers = op.namedParams.filter((p) => p.in === 'header');
  if (query.length > 0 && query.length === op.namedParams.length) fields.push(['query', params]);
  else if (query.length > 0) fields.push(['query', obj(query.map((p) => [p.name, optionalKey(params, p.name)]))]);
  if (request.queryStyles) fields.push(['queryStyles', obj(Object.entries(request.queryStyles).map(([key, style]) => [key, queryStyleCode(style)]))]);
  const headerFields: [string, Code][] = [...(request.accept !== undefined ? [['accept', lit(request.accept)] as [string, Code]] : []), ...headers.map((p): [string, Code] => [p.name, optionalKey(params, p.name)])];
  if (headerFields.length > 0) fields.push(['headers', obj(headerFields)]);
  if (request.body) {
    fields.push('body', ['bodyType', lit(request.body.bodyType)]);
    if (request.body.contentType !== undefined) fields.push(['contentType', lit(request.body.contentType)]);
  }
  if (request.responseType !== 'json') fields.push(['responseType', lit(request.responseType)]);
  if (request.envelope !== undefined) fields.push(['envelope', lit(request.envelope)]);
  if (!request.auth) fields.push(['auth', lit(false)]);
  if (request.security) fields.push(['security', lit(request.security)]);
  if (request.idempotency !== undefined) fields.push(['idempotency', lit(request.idempotency)]);
  fields.push(['operationId', lit(request.operationId)]);
  return obj(fields);
}

type QueryStyleIR = NonNullable<ReturnType<typeof requestOf>['queryStyles']>[string];

const STANDARD_QUERY_STYLES: ReadonlySet<string> = new Set(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

/**
 * The module constant a query parameter's style is written as (`formNoExplode$`), or undefined
 * for a style that is not one of OpenAPI's query styles (printed in place). One constant per module
 * instead of `{ style: 'form', explode: false }` on every parameter of every operation: MS
 * Graph has 20,000 of them. The `$` keeps it apart from generated names, as `Named$` is.
 */

export function queryStyleConst(style: QueryStyleIR): string | undefined {
  // Only OpenAPI's own style names: distinct spellings (`Form`, `formExplode`) must never share a name.
  if (style.style !== undefined && !STANDARD_QUERY_STYLES.has(style.style)) return undefined;
  const explode = style.explode === undefined ? '' : style.explode ? 'Explode' : 'NoExplode';
  const name = `${style.style ?? ''}${explode}`;
  return `${name.length === 0 ? 'default' : name[0]!.toLowerCase() + name.slice(1)}$`;
}

function queryStyleCode(style: QueryStyleIR): Code {
  const name = queryStyleConst(style);
  return name === undefined ? lit(style) : ref(name);
}

/** The module constants an operation's query styles refer to, by name, with their declarations. */
export function queryStyleDeclarations(op: OperationIR): Map<string, string> {
  const out = new Map<string, string>();
  for (const style of Object.values(requestOf(op).queryStyles ?? {})) {
    const name = queryStyleConst(style);
    if (name !== undefined) out.set(name, `const ${name} = ${literal(style)} as const;`);
  }
  return out;
}

/** `encodePath\`/v1/sessions/${sessionId}\`` — values are encoded by the runtime tag, literal parts escaped by the builder. */
function pathExpression(op: OperationIR): Code {
  if (op.pathParams.length === 0) return lit(op.path);
  const byName = new Map(op.pathParams.map((p) => [p.name, p.identifier]));
  const parts = op.path.split(/(\{[^}]+\})/).map((part) => {
    const m = /^\{(.+)\}$/.exec(part);
    return m ? ref(byName.get(m[1]!)!) : part;
  });
  return tagged(ref('encodePath'), parts);
}

/** The call that sends the request through the runtime: paged, unwrapped from an envelope, or plain. */
function callBody(op: OperationIR, client: Code): string {
  const names = op.names;
  const options = ref('options');
  if (op.paging) {
    const page = pageTypeArgument(op.paging, names.result, names.item!);
    return returns(call(member(client, 'requestPage'), [names.result, names.item!, ...page], [requestSpec(op), ref(op.paging.constName), options]));
  }
  if (op.success?.envelope !== undefined) return returns(call(member(client, 'requestUnwrapped'), [names.result, names.response], [requestSpec(op), options]));
  return returns(call(member(client, 'request'), [names.result], [requestSpec(op), options]));
}

export function operationFunction(op: OperationIR, doc?: DocInput): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: op.functionName,
    isExported: true,
    docs: jsDoc(doc ?? operationDoc(op, true)),
    parameters: [{ kind: StructureKind.Parameter, name: 'client', type: 'ApiClient' }, ...callParameters(op)],
    returnType: returnTypeOf(op),
    statements: [callBody(op, ref('client'))],
  };
}

/** A resource method delegates to the standalone function so there is one code path. */
export function resourceMethod(op: OperationIR): MethodDeclarationStructure {
  const params = callParameters(op);
  return {
    kind: StructureKind.Method,
    name: op.resourceMethod,
    docs: jsDoc(operationDoc(op, false)),
    parameters: params,
    returnType: returnTypeOf(op),
    statements: [returns(call(ref(op.functionName), [], [ref('this.#client'), ...params.map((p) => ref(p.name))]))],
  };
}

export { isFormBody, isTypedBody } from '../ir/request.js';

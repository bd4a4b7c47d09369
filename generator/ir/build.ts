import type { CodegenConfig, OperationOverride } from '../config.js';
import { GeneratorError, pointerOf } from '../errors.js';
import { nameFromMethodAndPath, preserveCamel, preservePascal, safeIdentifier, uniqueName } from './naming.js';
import { isInline, namedShape, schemaAt } from './object-schema.js';
import { pagingFor } from './pagination.js';
import { detectIdempotency } from './idempotency.js';
import { collectParameters, orderPathParameters } from './parameters.js';
import { isObject, type JsonObject } from '../schema/json.js';
import { RefResolver } from '../schema/resolve.js';
import { groupResources, placeOperation, type ListShape } from './resources.js';
import { detectConvention } from './conventions.js';
import { listShape } from './list-shape.js';
import { assignToolNames } from '../mcp/naming.js';
import { LATER_TYPE_SUFFIXES, NameBook, operationKey, TYPE_SUFFIXES, type NamesLock } from './names-lock.js';
import { collectRequestBody, collectResponses, successSchema } from './responses.js';
import { chooseEnvelope, envelopeCandidate, resultSchemaName, unwraps } from './envelope.js';
import { deriveErrorBody } from './error-body.js';
import { ERROR_CLASSES, errorClassFor } from './error-classes.js';
import { operationNames } from './operation-names.js';
import { toolSchemas } from './tool-schemas.js';
import { typesInputOf } from './types-document.js';
import { authIR } from './auth.js';
import { schemeForms } from '../auth-from-spec.js';
import { acceptedForms, operationAuth, securityAppliedNowhere, takesSeveralCredentials } from './security.js';
import { resolveServers } from './servers.js';
import { HTTP_METHODS, type ApiIR, type ErrorBodyIR, type HttpMethod, type McpIR, type OperationIR, type PagingIR, type ParameterIR } from './types.js';


/**
 * Names the generated package exports from its runtime and fixed modules. Generated names that
 * would clash get a numeric suffix instead of shadowing them.
 */
export const RESERVED_EXPORTS = [
  // Every page class (emit/paging-runtime.ts), not only the styles this API uses: a schema named
  // LinkPage would otherwise change name the release its API starts paging by Link headers.
  'ApiClient', 'APIPromise', 'EnvelopePromise', 'PagePromise', 'AbstractPage', 'Page', 'OffsetPage', 'PageNumberPage', 'LinkPage', 'ClientOptions', 'RequestOptions', 'PageRequestOptions',
  ...ERROR_CLASSES.map((c) => c.name), 'ErrorCode', 'KnownErrorCodes', 'Logger', 'LogLevel',
  'paths', 'components', 'operations', 'webhooks', '$defs', 'API_SETTINGS',
  'APIErrorInit', 'ClientHooks', 'RequestHookInfo', 'ResponseHookInfo', 'WithResponse', 'RequestSpec', 'PagingSpec', 'ApiSettings',
  'WithOptionalUndefined', 'HttpMethod', 'AuthForm', 'QueryStyle', 'ResponseType', 'ErrorBodyPaths',
  'PageInit', 'PageSource', 'PageStyle', 'PageStyles', 'CursorPaging', 'OffsetPaging', 'PageNumberPaging', 'LinkPaging', 'Idempotency', 'ResponseHeaderFields', 'ResponseHeaderField',
];

export interface BuildInput {
  document: JsonObject;
  openapiVersion: '3.0' | '3.1';
  location: string;
  config: CodegenConfig;
  /** The config file, for errors about what it says (a config without a file has none). */
  configFile?: string | undefined;
  /** Where the document is served, when known: relative server URLs resolve against it. */
  documentUrl?: string | undefined;
  /** Names a previous generation assigned (its lock): they win over derived ones, so releases never rename. */
  names?: NamesLock | undefined;
}

/** Stage 2: bundled document + config → the IR every emitter prints from. */
export function buildIR(input: BuildInput): ApiIR {
  try {
    return build(input);
  } catch (error) {
    // Stages below know the pointer; the file is the spec unless they said otherwise.
    if (error instanceof GeneratorError && error.file === undefined) {
      throw new GeneratorError(error.message, error.pointer, input.location, { cause: error.cause });
    }
    throw error;
  }
}

function build({ document, openapiVersion, location, config, configFile, documentUrl, names }: BuildInput): ApiIR {
  const resolver = new RefResolver(document, location);
  const info = isObject(document.info) ? document.info : {};
  const title = typeof info.title === 'string' && info.title.trim() ? info.title.trim() : 'API';
  const specVersion = typeof info.version === 'string' ? info.version : '0.0.0';

  const exported = new Set<string>([...RESERVED_EXPORTS, config.client.className, config.client.errorClassName, `${config.client.className}Options`]);
  const book = new NameBook(names, presentNames(document, resolver), exported);
  for (const name of book.reservedNames()) exported.add(name);
  const functionNames = new Set<string>(exported);
  const pagingByStyle = new Map<string, PagingIR>();
  const skip = new RegExp(config.resources.skipSegments);
  const operations: OperationIR[] = [];
  const overridden = new Set<string>();
  // Operations whose resource and method stay as they are: config overrides and recorded names.
  const pinned = new Set<string>();
  const usedOperationIds = new Map<string, string>();
  const toPlace: { op: OperationIR; shape: ListShape; override: OperationOverride | undefined }[] = [];
  // JSON success body schemas, for the envelope decision and the result's model name.
  const successBodies = new Map<OperationIR, unknown>();

  // The spec's schema names are its vocabulary (PublicSession, HealthResponse): they are named
  // first, and generated names (functions, operation aliases, resource classes) give way.
  const aliases = schemaAliases(document, exported, book);
  const paths = isObject(document.paths) ? document.paths : {};
  const securityNowhere = securityAppliedNowhere(document);
  const forms = schemeForms(document, config.auth.headers);
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathPointer = pointerOf('paths', path);
    const { value: pathItem } = resolver.deref(rawItem, pathPointer);
    if (!isObject(pathItem)) throw new GeneratorError('A path item must be an object', pathPointer);
    for (const method of HTTP_METHODS) {
      const rawOp = pathItem[method];
      if (rawOp === undefined) continue;
      const opPointer = pointerOf('paths', path, method);
      if (!isObject(rawOp)) throw new GeneratorError('An operation must be an object', opPointer);
      const recorded = book.operation(method, path);
      const op = buildOperation({ resolver, document, config, path, method, pathItem, rawOp, pathPointer, opPointer, functionNames, exported, pagingByStyle, securityNowhere, schemeForms: forms, recorded });
      const result = `${op.typeName}Result`;
      if (!recorded || book.hasLaterName(result)) op.resultTypeName = result;
      const previous = usedOperationIds.get(op.operationId);
      if (previous) throw new GeneratorError(`Duplicate operationId "${op.operationId}" (also at ${previous})`, `${opPointer}/operationId`);
      usedOperationIds.set(op.operationId, opPointer);
      const override = config.operations[op.operationId];
      if (override?.resource || override?.method) overridden.add(op.operationId);
      if (override?.resource || override?.method || recorded) pinned.add(op.operationId);
      const body = op.success?.isJson === true ? successSchema(resolver, rawOp, opPointer, op.success) : undefined;
      // The config renames; otherwise a recorded placement stays.
      toPlace.push({ op, shape: listShape(resolver, body, opPointer), override: recorded ? { resource: recorded.resource, method: recorded.method, ...override } : override });
      if (body !== undefined && op.success) successBodies.set(op, body);
      operations.push(op);
    }
  }
  // Placed once every id is known: the API's naming convention is that of most of its ids.
  const convention = detectConvention(operations.map((op) => ({ id: op.hasSpecOperationId ? op.operationId : undefined, method: op.method })));
  const fallbacks = new Map<OperationIR, string>();
  for (const { op, shape, override } of toPlace) {
    const placement = placeOperation(op, skip, shape, override, convention);
    op.resource = placement.resource;
    op.resourceMethod = placement.method;
    if (placement.fallback) fallbacks.set(op, placement.fallback);
  }
  for (const id of Object.keys(config.operations)) {
    if (!usedOperationIds.has(id)) throw new GeneratorError(`Config names operation "${id}", which the spec does not have`, pointerOf('operations', id), configFile);
  }

  // Single-object bodies only: pages unwrap their items already.
  const candidates = new Map([...successBodies].filter(([op]) => !op.paging).map(([op, body]) => [op, envelopeCandidate(resolver, body, op.pointer)]));
  const envelope = chooseEnvelope([...candidates.values()], config.envelope);
  if (envelope !== undefined) {
    for (const [op, candidate] of candidates) if (op.success && unwraps(candidate, envelope, config.envelope !== undefined)) op.success.envelope = envelope;
  }
  const aliasOf = new Map(aliases.map((a) => [a.schemaName, a.name]));
  for (const [op, body] of successBodies) {
    const model = aliasOf.get(resultSchemaName(resolver, body, op.pointer, op.success?.envelope) ?? '');
    if (model !== undefined && op.success) op.success.model = model;
    if (op.success) nameShapes(resolver, op, body);
  }
  const resources = groupResources(operations, { overridden, pinned, recordedClass: (property) => book.resourceClass(property) }, exported, fallbacks);
  if (config.mcp) {
    // TRACE has no client method to bind to; it is never a useful agent tool either.
    const toolOps = operations.filter((op) => op.method !== 'trace');
    const context = { skip, overrides: config.mcp.toolNames, configFile, specFile: location };
    for (const [op, name] of assignToolNames(toolOps, context, (op) => book.operation(op.method, op.path)?.tool)) op.toolName = name;
    // Once every name, envelope and paging is known; in operation order, so the converters' shared
    // schemas are learned in the same order on every run.
    for (const [op, schemas] of toolSchemas(resolver, document, toolOps, location)) op.toolSchemas = schemas;
  }
  for (const op of operations) op.names = operationNames(op);
  const security = apiSecurity(document, operations, forms);
  return {
    title,
    specVersion,
    ...(typeof info.description === 'string' ? { description: info.description } : {}),
    openapiVersion,
    packageName: config.package.name,
    packageVersion: config.package.version ?? semverFromSpecVersion(specVersion),
    packageDescription: config.package.description ?? `TypeScript client for ${title}`,
    clientClassName: config.client.className,
    errorClassName: config.client.errorClassName,
    servers: resolveServers(document, config, configFile, documentUrl),
    operations,
    resources,
    schemaAliases: aliases,
    pagingStyles: [...pagingByStyle.values()],
    knownErrorCodes: Object.entries(config.errors.knownCodes).map(([code, status]) => ({ code, status, ...(status === null ? {} : { errorClass: errorClassFor(String(status)) }) })),
    responseFields: Object.entries(config.responseHeaders.fields).map(([name, field]) => ({ name, ...field })),
    requestIdHeaders: config.responseHeaders.requestId,
    ...withErrorBody(deriveErrorBody(document, resolver, config.errors.codeField)),
    ...(security ? { security } : {}),
    auth: authIR(document, config, forms, !operations.some((op) => op.requiresAuth)),
    ...(config.logEnvVar !== undefined ? { logEnvVar: config.logEnvVar } : {}),
    typesInput: typesInputOf(document),
    ...(config.mcp ? { mcp: mcpIR(config.mcp) } : {}),
  };
}

/** What the MCP target prints of its config section; `out` and `toolNames` were used up here and by the pipeline. */
function mcpIR({ packageName, resultBudget, defaultPageSize, maxItemsLimit, dynamicAbove, env, envPrefix }: NonNullable<CodegenConfig['mcp']>): McpIR {
  return { packageName, resultBudget, defaultPageSize, maxItemsLimit, dynamicAbove, env, envPrefix };
}

/**
 * Decided once for every emitter: when operations take different credentials, the API-wide list
 * (the root `security`) and, on each operation whose list differs, its own. Otherwise nothing, so
 * a one-key API's client stays as it was.
 */
function apiSecurity(document: JsonObject, operations: OperationIR[], forms: ReadonlyMap<string, string>): string[][] | undefined {
  if (!takesSeveralCredentials(operations.map((op) => op.accepts))) return undefined;
  // Without a root list, `[]`: the runtime then falls back to `apiKey` as for any unmatched list,
  // and the client still knows that its operations take different credentials.
  const root = Array.isArray(document.security) && document.security.length > 0 ? acceptedForms(document.security, forms) : [];
  for (const op of operations) {
    if (op.keyless || op.accepts === undefined) continue;
    if (JSON.stringify(op.accepts) !== JSON.stringify(root)) op.security = op.accepts;
  }
  return root;
}

/**
 * A parameter that is a key the client sends: one of the forms this operation accepts, or, when
 * the spec names none for it, the default form's. In a spec with several schemes (Petstore's
 * OAuth and `api_key`), a parameter of a scheme the operation does not list is the caller's to
 * set, not the client's.
 */
function isAuthParameter(p: { in: string; name: string }, config: CodegenConfig, accepts: string[][] | undefined): boolean {
  const listed = (accepts ?? []).flat();
  return (listed.length > 0 ? listed : [config.auth.default]).some((name) => {
    const form = Object.hasOwn(config.auth.headers, name) ? config.auth.headers[name] : undefined;
    if (form === undefined) return false;
    return 'query' in form ? p.in === 'query' && p.name === form.query : p.in === 'header' && p.name.toLowerCase() === form.header;
  });
}

const withErrorBody = (errorBody: ErrorBodyIR | undefined): { errorBody?: ErrorBodyIR } => (errorBody ? { errorBody } : {});

interface OperationInput {
  resolver: RefResolver;
  document: JsonObject;
  config: CodegenConfig;
  path: string;
  method: HttpMethod;
  pathItem: JsonObject;
  rawOp: JsonObject;
  pathPointer: string;
  opPointer: string;
  functionNames: Set<string>;
  exported: Set<string>;
  /** Paging shapes seen so far, so operations that page alike share one constant. */
  pagingByStyle: Map<string, PagingIR>;
  /** The spec defines security schemes but applies none (see security.ts). */
  securityNowhere: boolean;
  /** Security scheme name -> the auth form that sends it (auth-from-spec.ts). */
  schemeForms: ReadonlyMap<string, string>;
  /** The names a previous generation gave this operation, if any (reserved already). */
  recorded: { function: string; types: string } | undefined;
}

function buildOperation(input: OperationInput): OperationIR {
  const { resolver, document, config, path, method, pathItem, rawOp, pathPointer, opPointer, securityNowhere } = input;
  const specId = typeof rawOp.operationId === 'string' && rawOp.operationId.trim() ? rawOp.operationId.trim() : undefined;
  const operationId = specId ?? nameFromMethodAndPath(method, path);
  const functionName = input.recorded?.function ?? uniqueName(safeIdentifier(preserveCamel(operationId), 'operation'), input.functionNames);
  input.exported.add(functionName);
  const typeName = input.recorded?.types ?? uniqueTypePrefix(safeIdentifier(preservePascal(operationId), 'Operation'), input.exported);

  const params = collectParameters(resolver, pathItem, rawOp, pathPointer, opPointer);
  const pathParams = orderPathParameters(path, params, opPointer);
  // A parameter that is the key itself (`api_key` in the query, `Authorization` in a header,
  // declared beside the security scheme) is the client's to send, not the caller's.
  const auth = operationAuth(rawOp.security, document, securityNowhere, input.schemeForms);
  const namedParams: ParameterIR[] = [];
  const authParams: { in: string; name: string }[] = [];
  for (const p of params) {
    if (p.in === 'path') continue;
    if (isAuthParameter(p, config, auth.accepts)) authParams.push({ in: p.in, name: p.name });
    else namedParams.push(p);
  }
  const { success, errors } = collectResponses(resolver, rawOp, opPointer, method);

  const op: OperationIR = {
    operationId,
    hasSpecOperationId: specId !== undefined,
    functionName,
    typeName,
    method,
    path,
    pointer: opPointer,
    deprecated: rawOp.deprecated === true,
    tags: Array.isArray(rawOp.tags) ? rawOp.tags.filter((t): t is string => typeof t === 'string') : [],
    pathParams: dedupeIdentifiers(pathParams),
    namedParams,
    errors: errors.map((e) => ({ ...e, errorClass: errorClassFor(e.status) })),
    requiresAuth: auth.requiresAuth,
    keyless: auth.keyless,
    idempotency: detectIdempotency({ method, rawOp, params: namedParams, configured: config.operations[operationId]?.idempotent, configHeader: config.retries.idempotencyHeader }),
    resource: '',
    resourceMethod: '',
    // Set once the result's model and envelope are known (build, below).
    names: { response: '', result: '' },
  };
  if (typeof rawOp.summary === 'string' && rawOp.summary.trim()) op.summary = rawOp.summary.trim();
  if (typeof rawOp.description === 'string' && rawOp.description.trim()) op.description = rawOp.description.trim();
  if (success) op.success = success;
  if (auth.accepts !== undefined) op.accepts = auth.accepts;
  if (authParams.length > 0) op.authParams = authParams;
  const body = collectRequestBody(resolver, rawOp, opPointer);
  if (body) op.requestBody = body;

  if (config.operations[operationId]?.pagination !== false && success?.isJson) {
    const schema = successSchema(resolver, rawOp, opPointer, success);
    const response = isObject(rawOp.responses) ? rawOp.responses[success.status] : undefined;
    const paging = pagingFor(config.pagination, { resolver, params, schema, response, pointer: opPointer }, input.pagingByStyle);
    if (paging) op.paging = paging;
  }
  return op;
}

/**
 * How the result's aliases are declared so hover prints their names (object-schema.ts): the body,
 * one item of a page, an envelope's property. Only shapes written in place: a `$ref` already
 * prints as its model, and an array of them as `Model[]`.
 */
function nameShapes(resolver: RefResolver, op: OperationIR, body: unknown): void {
  const success = op.success!;
  const shapeOf = (schema: unknown, pointer: string) => (isInline(schema) ? namedShape(resolver, schema, pointer) : undefined);
  const bodyShape = success.model === undefined ? shapeOf(body, op.pointer) : undefined;
  if (bodyShape !== undefined) success.shape = bodyShape;
  if (op.paging) {
    const item = schemaAt(resolver, body, op.pointer, [...op.paging.itemsPath, '[]']);
    const itemShape = item === undefined ? undefined : shapeOf(item.schema, item.pointer);
    if (itemShape !== undefined) success.itemShape = itemShape;
  }
  if (success.envelope !== undefined && success.model === undefined && op.resultTypeName !== undefined) {
    const result = schemaAt(resolver, body, op.pointer, [success.envelope]);
    const resultShape = result === undefined ? undefined : shapeOf(result.schema, result.pointer);
    if (resultShape !== undefined) success.resultShape = resultShape;
  }
}

/**
 * Reserves `<Prefix>Params`, `<Prefix>Response`… as a group so no alias of one op shadows
 * another's or a schema's; on a clash the prefix becomes `<Base>Operation`, then numbered.
 */
function uniqueTypePrefix(base: string, exported: Set<string>): string {
  const suffixes = ['', ...TYPE_SUFFIXES, ...LATER_TYPE_SUFFIXES];
  const clashes = (prefix: string) => suffixes.some((s) => exported.has(`${prefix}${s}`));
  let prefix = clashes(base) ? `${base}Operation` : base;
  for (let i = 2; clashes(prefix); i++) prefix = `${base}Operation${i}`;
  for (const s of suffixes.slice(1)) exported.add(`${prefix}${s}`);
  return prefix;
}

/** Path parameters become positional arguments: their identifiers must differ and avoid the fixed ones. */
function dedupeIdentifiers<T extends { identifier: string }>(params: T[]): T[] {
  const taken = new Set(['client', 'params', 'options', 'body']);
  return params.map((p) => ({ ...p, identifier: uniqueName(p.identifier, taken) }));
}

function schemaAliases(document: JsonObject, exported: Set<string>, book: NameBook): ApiIR['schemaAliases'] {
  return Object.entries(componentSchemas(document)).map(([schemaName, schema]) => {
    const s = isObject(schema) ? schema : {};
    const alias = {
      name: book.schema(schemaName) ?? uniqueName(safeIdentifier(preservePascal(schemaName) || 'Schema', 'Schema'), exported),
      schemaName,
      deprecated: s.deprecated === true,
    };
    return typeof s.description === 'string' ? { ...alias, description: s.description } : alias;
  });
}

function componentSchemas(document: JsonObject): JsonObject {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.schemas) ? components.schemas : {};
}

/** The operations (`METHOD /path`) and schemas the spec has: only their recorded names still apply. */
function presentNames(document: JsonObject, resolver: RefResolver): { operations: Set<string>; schemas: Set<string> } {
  const operations = new Set<string>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, raw] of Object.entries(paths)) {
    let item: unknown;
    try {
      item = resolver.deref(raw, pointerOf('paths', path)).value;
    } catch {
      continue; // the operation loop reports a broken $ref with its pointer
    }
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) if (item[method] !== undefined) operations.add(operationKey(method, path));
  }
  return { operations, schemas: new Set(Object.keys(componentSchemas(document))) };
}

/** `1.0.17.0` → `1.0.17`: npm needs semver; the full spec version is kept in the generation lock. */
export function semverFromSpecVersion(version: string): string {
  const parts = version.match(/\d+/g) ?? [];
  const [major = '0', minor = '0', patch = '0'] = parts.map((p) => String(Number(p)));
  return `${major}.${minor}.${patch}`;
}

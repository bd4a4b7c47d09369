import type { ToolDefinition } from '../../templates/mcp/types.js';
import type { JsonObject } from '../schema/json.js';
import type { ErrorClassName } from './error-classes.js';
import type { SchemaShape } from './object-schema.js';
import type { TypesInput } from './types-document.js';

/**
 * The one typed model between "a spec" and "code". Every decision that needs the spec or the
 * config (names, grouping, pagination, which parameters go where, auth, MCP tool schemas) is made
 * while building it; emitters and targets only print, and take nothing else (issue #17 item 2,
 * test/generator/ir-only-emitters.test.ts).
 */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The operation keys of a path item, in the order operations are read. */
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface ApiIR {
  title: string;
  specVersion: string;
  description?: string;
  openapiVersion: '3.0' | '3.1';
  packageName: string;
  packageVersion: string;
  packageDescription: string;
  clientClassName: string;
  errorClassName: string;
  /** Regions in config order (the first is the default); only servers usable as a base URL. */
  servers: ServerIR[];
  operations: OperationIR[];
  resources: ResourceIR[];
  /** Component schemas that get a named alias in the generated package. */
  schemaAliases: { name: string; schemaName: string; description?: string; deprecated: boolean }[];
  pagingStyles: PagingIR[];
  /** `errorClass`: what the runtime throws for that status (ir/error-classes.ts); absent for "any status". */
  knownErrorCodes: { code: string; status: number | null; errorClass?: ErrorClassName }[];
  /** Response headers surfaced as typed fields of results and errors (config `responseHeaders.fields`). */
  responseFields: { name: string; header: string; type: 'string' | 'integer' | 'number' }[];
  /** Headers read, in order, for `requestId`. */
  requestIdHeaders: string[];
  /** Where error bodies keep their fields, from the spec's error schemas (absent if they say nothing). */
  errorBody?: ErrorBodyIR;
  /**
   * The credentials operations accept by default (the root `security`, as auth form names), set
   * only when operations take different ones (see ir/security.ts): the runtime's
   * `auth.security`.
   */
  security?: string[][];
  /** How a key reaches the API, for documentation (ir/auth.ts). */
  auth: AuthIR;
  /** The environment variable that sets the log level (the config's `logEnvVar`). */
  logEnvVar?: string;
  /**
   * The input of the types emitter, because openapi-typescript reads OpenAPI: the bundled spec,
   * made readable for it (ir/types-document.ts). No other emitter reads it; everything else they
   * need is a field of this IR.
   */
  typesInput: TypesInput;
  /** The MCP server package, when the config has an `mcp` section. */
  mcp?: McpIR;
}

/** The config's `mcp` section as the MCP target prints it (its placement, `out`, is the pipeline's). */
export interface McpIR {
  /** npm package name of the server (also its MCP implementation name and bin name). */
  packageName: string;
  resultBudget: number;
  defaultPageSize: number;
  maxItemsLimit: number;
  dynamicAbove: number;
  /** Environment variables besides the API key ones. */
  env: { region: string; baseUrl: string; mode: string };
  /** Upper snake-case prefix of derived variable names (`NOTAI` for `NOTAI_REGION`). */
  envPrefix: string;
}

/**
 * The parts of an operation's MCP tool read from the spec's schemas (ir/tool-schemas.ts, through
 * the one schema view): converted to JSON Schema at IR time, so the MCP target never reads the
 * document. The target adds what is its own (paging arguments, defaults, descriptions).
 */
export interface ToolSchemasIR {
  /** One per path parameter, then per query parameter, in the operation's order. */
  params: { name: string; in: string; required: boolean; schema: JsonObject }[];
  /** The `body` argument, when the operation takes one. */
  body?: { schema: JsonObject; required: boolean };
  /** Shared definitions the argument schemas refer to as `#/$defs/<name>`. */
  defs?: JsonObject;
  /** Property names of one list item (list tools' `fields` projection); empty when none. */
  itemFields: string[];
  /** The result's schema (and whether a non-object value is wrapped as `{ result }`). */
  output: Required<Pick<ToolDefinition, 'outputSchema'>> & Pick<ToolDefinition, 'wrapResult'>;
}

/**
 * The exported type names of an operation, decided once (ir/operation-names.ts): its aliases and
 * what the call resolves to.
 */
export interface OperationNames {
  params?: string;
  body?: string;
  response: string;
  item?: string;
  /**
   * What the call resolves to: the models.ts alias when the result is a component schema (so
   * declarations and hover say `PublicSession`), else the response alias, or its envelope property.
   */
  result: string;
}

/** Property paths of an error body's fields, e.g. `{ code: ['error', 'code'] }`. */
export interface ErrorBodyIR {
  code?: string[];
  message?: string[];
  details?: string[];
}

export interface ServerIR {
  /** Region name callers pass as `region`. */
  name: string;
  /** Base URL without a trailing slash, URL variables filled in with their defaults. */
  url: string;
  description?: string;
  /** The spec's URL template, when it has variables. */
  template?: string;
  /** The template's variables, in order of appearance, when it has any. */
  variables?: { name: string; default: string; enum?: string[] }[];
  /** Set when the region is one value of the template's host variable (ir/servers.ts hostChoices). */
  hostOf?: { template: string; variable: string };
}

export interface SchemaSummary {
  type?: string;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  nullable: boolean;
  isArray: boolean;
}

export interface ParameterIR {
  /** Name on the wire. */
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  /** A safe TypeScript identifier (for path parameters, which become positional arguments). */
  identifier: string;
  required: boolean;
  deprecated: boolean;
  description?: string;
  schema: SchemaSummary;
  style?: string;
  explode?: boolean;
}

export interface ResponseIR {
  status: string;
  /** Error responses: the class the runtime throws for this status (ir/error-classes.ts). */
  errorClass?: ErrorClassName;
  description?: string;
  /** First media type declared, JSON preferred. */
  mediaType?: string;
  isJson: boolean;
  /** Bytes (a file, an image): the call resolves to a Blob. */
  isBinary?: boolean;
  /** A GET answered only with a redirect (no 2xx): the file is at the redirect's target. */
  viaRedirect?: boolean;
  /** The property of a single-object envelope (`{ data: X }`) the call resolves to; absent when the body is returned whole. */
  envelope?: string;
  /** The models.ts alias of the component schema the call resolves to (a `$ref` result), which names it in declarations. */
  model?: string;
  /** How the response alias is declared so hover prints its name (ir/object-schema.ts); absent: as it is. */
  shape?: SchemaShape;
  /** The same for one item of a page (`…Item`), when the item is written in place. */
  itemShape?: SchemaShape;
  /** The same for an envelope's property (`…Result`), when it is written in place. */
  resultShape?: SchemaShape;
}

/**
 * `idempotent`: resent like a GET. `unsafe`: resent only when it never left the client. `key`:
 * resent with the same idempotency key in `header`. `source` says who decided (ir/idempotency.ts).
 */
export type IdempotencyIR =
  | { kind: 'idempotent' | 'unsafe'; source: 'method' | 'spec' | 'config' }
  | { kind: 'key'; header: string; source: 'parameter' | 'config' };

export interface RequestBodyIR {
  required: boolean;
  mediaType: string;
  isJson: boolean;
  description?: string;
  /** How the body alias is declared so hover prints its name (ir/object-schema.ts); absent: as it is. */
  shape?: SchemaShape;
}

export interface OperationIR {
  /** The spec's operationId, or a stable name derived from method + path. */
  operationId: string;
  hasSpecOperationId: boolean;
  /** Exported function name, a camelCase identifier. */
  functionName: string;
  /** PascalCase prefix for the operation's type aliases (`ListSessions` → `ListSessionsParams`). */
  typeName: string;
  /**
   * `<typeName>Result`, the name of an envelope's property written in place (what the call
   * resolves to), when it was free: reserved with the other aliases, but a recorded operation
   * whose `…Result` is taken keeps its names without it (names-lock.ts).
   */
  resultTypeName?: string;
  method: HttpMethod;
  path: string;
  /** JSON pointer of the operation object in the bundled spec. */
  pointer: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  /** Path parameters in the order they appear in the path template. */
  pathParams: ParameterIR[];
  /** Query, header and cookie parameters: these travel in the `params` object. */
  namedParams: ParameterIR[];
  /** Parameters the spec declares that are a key the client sends itself: left out of `params`. */
  authParams?: { in: string; name: string }[];
  requestBody?: RequestBodyIR;
  /** The success response whose body the call resolves to (lowest 2xx), if any. */
  success?: ResponseIR;
  errors: ResponseIR[];
  /** The spec requires a key for this operation (security with no empty `{}` alternative). */
  requiresAuth: boolean;
  /**
   * The spec says this operation takes no credentials (`security: []`): the key is never sent.
   * Neither flag set means optional auth (a `{}` alternative, or no security anywhere in the
   * spec): the key is sent when the client has one.
   */
  keyless: boolean;
  /**
   * The credentials it accepts: alternatives of auth forms sent together, in spec order (absent
   * when the spec declares no security for it). See ir/security.ts.
   */
  accepts?: string[][];
  /** `accepts`, where the client must be told: operations take different credentials and this one's differ from `ApiIR.security`. */
  security?: string[][];
  paging?: PagingIR;
  /** Whether a failed attempt may be resent once it may have reached the server (ir/idempotency.ts). */
  idempotency: IdempotencyIR;
  resource: string;
  resourceMethod: string;
  /** Its MCP tool name, when the config asks for an MCP server (mcp/naming.ts decides it). */
  toolName?: string;
  /** Its MCP tool's schemas, set with `toolName`. */
  toolSchemas?: ToolSchemasIR;
  /** Its exported type names. */
  names: OperationNames;
}

export interface PagingIR {
  /** Identifier of the generated paging constant. */
  constName: string;
  /** cursor (in the body, or the last item's id), offset/limit, page number, or RFC 8288 `Link` headers. */
  style: 'cursor' | 'offset' | 'page' | 'link';
  /** The query parameter carrying the position: the cursor, offset or page number (none for `link`). */
  positionParam?: string;
  pageSizeParam?: string;
  itemsPath: string[];
  /** Cursor style: where the next cursor is. */
  nextCursorPath?: string[];
  /** Cursor style: the path inside the last item whose value is the next cursor (Stripe's id). */
  itemCursorPath?: string[];
  hasMorePath?: string[];
  /** Offset/page styles: the total item count, when the API reports it. */
  totalPath?: string[];
  /** Page style: the total number of pages, when the API reports it. */
  totalPagesPath?: string[];
  /** Page style: number of the first page. */
  firstPage?: number;
  /** Parent object of nextCursor (e.g. `pagination`), exposed as `page.pagination`. */
  paginationPath?: string[];
}

export interface ResourceIR {
  /** Property name on the client (`sessions`). */
  property: string;
  /** Class name (`Sessions`). */
  className: string;
  /** Module file name without extension (`sessions`). */
  fileName: string;
  operations: OperationIR[];
}

/** How a key reaches the API: the config's `apiKey` and `auth`, and the spec's security schemes (ir/auth.ts). */
export interface AuthIR {
  /** Environment variables the client reads the key from, first non-empty wins. */
  envVars: string[];
  /** What a valid key looks like (a regular expression), and the config's words for it. */
  pattern?: string;
  formatHint?: string;
  /** The forms a key can travel in (the `authHeader` values), in config order. */
  forms: { name: string; sends: { header: string; prefix: string } | { query: string } }[];
  /** The form `apiKey` travels in unless the caller picks another. */
  defaultForm: string;
  /** No operation requires a key, so the client may be built without one (`apiKey.optional`). */
  keyOptional: boolean;
  /** The spec's security schemes, in declaration order. */
  schemes: SecuritySchemeIR[];
}

/** One security scheme of the spec, as much of it as a reader needs to send it. */
export interface SecuritySchemeIR {
  name: string;
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS' | 'other';
  /** `http`: the scheme, lowercased (`bearer`, `basic`, …). */
  scheme?: string;
  /** `apiKey`: where the key goes, and the header, query parameter or cookie name. */
  in?: 'header' | 'query' | 'cookie';
  paramName?: string;
  description?: string;
  /** `oauth2`: the flows the spec declares, with the token (or authorization) URL of the first. */
  flows?: string[];
  tokenUrl?: string;
  /** `openIdConnect`: the discovery document. */
  openIdConnectUrl?: string;
  /** The auth form (a `forms` name) that sends this scheme's credential; absent when none does. */
  form?: string;
}

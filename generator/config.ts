import { resolveResponseHeaders, type ResponseHeadersConfig } from './response-headers-config.js';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { HEADER_NAME, QUERY_NAME, type AuthHeader } from './auth-from-spec.js';
import { GeneratorError, pointerOf } from './errors.js';
import { resolveMcpConfig, type McpConfig } from './mcp/config.js';
import { envPrefixFromTitle, kebabFromTitle, pascalFromTitle } from './title-names.js';

/**
 * Everything the spec cannot say about the client to generate. The generator reads API-specific
 * names only from here or from the spec; a config of `{}` produces a working generic client.
 */
export interface CodegenConfig {
  package: {
    /** npm package name of the generated client. */
    name: string;
    /** Fixed semver; when absent it is derived from `info.version` (first three numeric parts). */
    version?: string;
    description?: string;
  };
  client: {
    /** Exported client class, e.g. `NotAi`. Derived from `info.title` when absent. */
    className: string;
    /** Exported name of the base error class, e.g. `NotAiError`. */
    errorClassName: string;
  };
  apiKey: {
    envVars: string[];
    /** Regex source the key must match before any request is made. */
    pattern?: string;
    /** Human description of the format, used in error messages instead of the key. */
    formatHint?: string;
  };
  auth: {
    /** Name of the default auth header form (a key of `headers`). */
    default: string;
    /** Forms the key can travel in (a header with a prefix, or a query parameter), by option value. */
    headers: Record<string, AuthHeader>;
  };
  /** Region name → server URL or server description; each must match one of the spec's servers. */
  regions: Record<string, string>;
  responseHeaders: ResponseHeadersConfig;
  /** `codeField`: where error bodies keep their code, overriding the spec's error schemas. */
  errors: { knownCodes: Record<string, number | null>; codeField?: string[] };
  /** Environment variable that sets the default log level. */
  logEnvVar?: string;
  /** Where `notai-codegen fetch` finds the published spec on a region's server. */
  fetch?: { path: string };
  resources: {
    /** Path segments matching this regex at the start of a path are skipped when naming resources. */
    skipSegments: string;
  };
  /** The configured styles; undefined means "detect each operation's style from the spec". */
  pagination: PaginationStyleConfig[] | undefined;
  /** Per-operation overrides keyed by operationId (or the derived name when there is none). */
  operations: Record<string, OperationOverride>;
  /** `idempotencyHeader`: the header every non-idempotent operation sends a key in (ir/idempotency.ts). */
  retries: { idempotencyHeader?: string };
  /** Present when an MCP server package is generated beside the client (generator/mcp/config.ts). */
  mcp?: McpConfig;
  /**
   * The property of a single-object envelope (`{ data: X }`) calls resolve to; `false` returns
   * bodies whole; absent: detected from the spec (generator/ir/envelope.ts).
   */
  envelope?: string | false;
}

export interface PaginationStyleConfig {
  /** A name for the style, used for the generated paging constant. */
  name: string;
  /**
   * cursor: the response names the next cursor (or the last item's id is it); offset: the next
   * offset is this offset plus the items received; page: the next page is this page plus one;
   * link: the response's RFC 8288 `Link` header names the next page's URL.
   */
  style: 'cursor' | 'offset' | 'page' | 'link';
  /**
   * Query parameter that carries the position (YAML `cursorParam`, `offsetParam` or `pageParam`);
   * for `link`, an optional query parameter the operation must take (YAML `param`).
   */
  param?: string;
  /** Query parameter that sets the page size (documentation only). */
  pageSizeParam?: string;
  /** Dotted paths into the success response body ("" for a body that is the array itself). */
  items: string;
  /** Cursor style: where the next cursor is. */
  nextCursor?: string;
  /** Cursor style: the path inside the last item whose value is the next cursor (e.g. `id`). */
  itemCursor?: string;
  hasMore?: string;
  /** Offset/page styles: where the total item count is, if the API says. */
  total?: string;
  /** Page style: where the total page count is, if the API says. */
  totalPages?: string;
  /** Page style: the number of the first page (default 1). */
  firstPage?: number;
}

export interface OperationOverride {
  resource?: string;
  method?: string;
  pagination?: false;
  /** Whether resending it is harmless, over what its method and the spec's `x-idempotent` say. */
  idempotent?: boolean;
}

export interface RawConfigInput {
  data: unknown;
  file?: string;
  /** The file's text, hashed into the generation lock. */
  text?: string;
}

/** Whether the config names its own `auth.headers` (then the spec's security schemes are not used). */
export function configNamesAuthHeaders(input: RawConfigInput): boolean {
  const auth = typeof input.data === 'object' && input.data !== null ? (input.data as Record<string, unknown>).auth : undefined;
  return typeof auth === 'object' && auth !== null && (auth as Record<string, unknown>).headers !== undefined;
}

export async function readConfigFile(file: string): Promise<RawConfigInput> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GeneratorError(`Cannot read config file: ${(error as Error).message}`, '#', file);
  }
  try {
    return { data: parseYaml(text) ?? {}, file, text };
  } catch (error) {
    throw new GeneratorError(`Config is not valid YAML: ${(error as Error).message}`, '#', file);
  }
}

type Json = Record<string, unknown>;

/** Validates the raw YAML and fills defaults; errors name the pointer inside the config file. */
/** The top-level sections a config may have (docs/config.md). */
const CONFIG_SECTIONS = ['package', 'client', 'apiKey', 'auth', 'regions', 'responseHeaders', 'logEnvVar', 'errors', 'resources', 'pagination', 'operations', 'retries', 'fetch', 'mcp', 'envelope'];

export function resolveConfig(input: RawConfigInput, spec: { title: string; authHeaders?: Record<string, AuthHeader> | undefined }): CodegenConfig {
  const file = input.file;
  const root = asObject(input.data ?? {}, [], file);
  const fail = (path: (string | number)[], message: string): never => {
    throw new GeneratorError(`Invalid config: ${message}`, pointerOf(...path), file);
  };
  const str = (obj: Json, key: string, path: (string | number)[]): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.length === 0) fail([...path, key], `${key} must be a non-empty string`);
    return v as string;
  };
  const strings = (obj: Json, key: string, path: (string | number)[]): string[] | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail([...path, key], `${key} must be a list of strings`);
    return v as string[];
  };

  const titleName = pascalFromTitle(spec.title);
  // A misspelt section would otherwise be ignored without a word, and its settings silently lost.
  for (const key of Object.keys(root)) {
    if (!CONFIG_SECTIONS.includes(key)) fail([key], `unknown key "${key}"; the keys are ${CONFIG_SECTIONS.join(', ')} (docs/config.md)`);
  }
  const pkg = asObject(root.package ?? {}, ['package'], file);
  const client = asObject(root.client ?? {}, ['client'], file);
  const apiKey = asObject(root.apiKey ?? {}, ['apiKey'], file);
  const auth = asObject(root.auth ?? {}, ['auth'], file);
  const regions = asObject(root.regions ?? {}, ['regions'], file);
  const errors = asObject(root.errors ?? {}, ['errors'], file);
  const resources = asObject(root.resources ?? {}, ['resources'], file);
  const operations = asObject(root.operations ?? {}, ['operations'], file);

  const className = str(client, 'className', ['client']) ?? titleName;
  for (const key of ['className', 'errorClassName']) {
    const name = str(client, key, ['client']);
    if (name !== undefined && !/^[A-Za-z_$][\w$]*$/.test(name)) fail(['client', key], `"${name}" is not a valid TypeScript class name`);
  }
  // A configured class name splits at its capitals (NotAi → NOT_AI); a title's words stay whole (GitHub → GITHUB).
  const envPrefix = client.className === undefined ? envPrefixFromTitle(spec.title) : className.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

  const authHeaders: CodegenConfig['auth']['headers'] = {};
  // Unset: the header forms the spec's security schemes allow (auth-from-spec.ts), else Bearer.
  const rawHeaders = asObject(auth.headers ?? spec.authHeaders ?? { bearer: { header: 'authorization', prefix: 'Bearer ' } }, ['auth', 'headers'], file);
  for (const [name, value] of Object.entries(rawHeaders)) {
    const h = asObject(value, ['auth', 'headers', name], file);
    const query = str(h, 'query', ['auth', 'headers', name]);
    if (query !== undefined) {
      // A key in the query string (`?api_key=`), as some APIs take it.
      if (h.header !== undefined || h.prefix !== undefined) fail(['auth', 'headers', name], 'give either header (and prefix) or query, not both');
      if (!QUERY_NAME.test(query)) fail(['auth', 'headers', name, 'query'], `"${query}" is not a query parameter name the client can send (letters, digits, . _ ~ -)`);
      authHeaders[name] = { query };
      continue;
    }
    const header = str(h, 'header', ['auth', 'headers', name]) ?? fail(['auth', 'headers', name], 'header (or query) is required');
    // The runtime would refuse it at construction, so no client could ever be made.
    if (!HEADER_NAME.test(header)) fail(['auth', 'headers', name, 'header'], `"${header}" is not a valid HTTP header name`);
    const prefix = h.prefix ?? '';
    if (typeof prefix !== 'string') fail(['auth', 'headers', name, 'prefix'], 'prefix must be a string');
    authHeaders[name] = { header: header.toLowerCase(), prefix: prefix as string };
  }
  const defaultAuth = str(auth, 'default', ['auth']) ?? Object.keys(authHeaders)[0] ?? 'bearer';
  if (!Object.hasOwn(authHeaders, defaultAuth)) {
    const derived = auth.headers === undefined && spec.authHeaders !== undefined ? ` (taken from the spec's securitySchemes: ${Object.keys(authHeaders).join(', ')}; set auth.headers to name your own)` : '';
    fail(['auth', 'default'], `default "${defaultAuth}" is not one of auth.headers${derived}`);
  }

  const regionMap: Record<string, string> = {};
  for (const [name, value] of Object.entries(regions)) {
    if (typeof value !== 'string') fail(['regions', name], 'a region maps to a server URL or description');
    regionMap[name] = value as string;
  }

  const knownCodes: Record<string, number | null> = {};
  for (const [code, status] of Object.entries(asObject(errors.knownCodes ?? {}, ['errors', 'knownCodes'], file))) {
    if (status !== null && typeof status !== 'number') fail(['errors', 'knownCodes', code], 'value must be an HTTP status or null');
    knownCodes[code] = status as number | null;
  }
  const codeField = str(errors, 'codeField', ['errors'])?.split('.');
  if (codeField?.some((key) => key === '')) fail(['errors', 'codeField'], 'codeField must be a property path such as "code" or "error.code"');

  const pattern = str(apiKey, 'pattern', ['apiKey']);
  if (pattern !== undefined) {
    try {
      new RegExp(pattern);
    } catch {
      fail(['apiKey', 'pattern'], 'pattern is not a valid regular expression');
    }
  }

  const skipSegments = str(resources, 'skipSegments', ['resources']) ?? '^v\\d+$';
  try {
    new RegExp(skipSegments);
  } catch {
    fail(['resources', 'skipSegments'], 'skipSegments is not a valid regular expression');
  }

  const overrides: Record<string, OperationOverride> = {};
  for (const [id, value] of Object.entries(operations)) {
    const o = asObject(value, ['operations', id], file);
    const override: OperationOverride = {};
    const resource = str(o, 'resource', ['operations', id]);
    const method = str(o, 'method', ['operations', id]);
    if (resource !== undefined) override.resource = resource;
    if (method !== undefined) override.method = method;
    if (o.pagination === false) override.pagination = false;
    else if (o.pagination !== undefined) fail(['operations', id, 'pagination'], 'pagination can only be set to false');
    if (typeof o.idempotent === 'boolean') override.idempotent = o.idempotent;
    else if (o.idempotent !== undefined) fail(['operations', id, 'idempotent'], 'idempotent must be true or false');
    overrides[id] = override;
  }

  const retries = asObject(root.retries ?? {}, ['retries'], file);
  const idempotencyHeader = str(retries, 'idempotencyHeader', ['retries']);
  if (idempotencyHeader !== undefined && !HEADER_NAME.test(idempotencyHeader)) fail(['retries', 'idempotencyHeader'], `"${idempotencyHeader}" is not a valid HTTP header name`);

  const version = str(pkg, 'version', ['package']);
  if (version !== undefined && !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) fail(['package', 'version'], 'version must be semver');
  const description = str(pkg, 'description', ['package']);

  const logEnvVar = str(root, 'logEnvVar', []);
  const envelope = root.envelope === false ? false : str(root, 'envelope', []);
  const fetchPath = str(asObject(root.fetch ?? {}, ['fetch'], file), 'path', ['fetch']);
  if (fetchPath !== undefined && !fetchPath.startsWith('/')) fail(['fetch', 'path'], 'path must start with "/"');
  const configuredName = str(pkg, 'name', ['package']);
  const packageName = configuredName ?? kebabFromTitle(spec.title);
  // npm's rules: lower case, URL-safe, at most 214 characters, optionally @scope/name.
  if (configuredName !== undefined && (configuredName.length > 214 || !/^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(configuredName))) {
    fail(['package', 'name'], `"${packageName}" is not a valid npm package name (lower case, no spaces; e.g. "my-api-client" or "@acme/api-client")`);
  }
  const apiKeyEnvVars = strings(apiKey, 'envVars', ['apiKey']) ?? [`${envPrefix}_API_KEY`];
  return {
    package: {
      name: packageName,
      ...(version !== undefined ? { version } : {}),
      ...(description !== undefined ? { description } : {}),
    },
    client: { className, errorClassName: str(client, 'errorClassName', ['client']) ?? `${className}Error` },
    apiKey: {
      envVars: apiKeyEnvVars,
      ...(pattern !== undefined ? { pattern } : {}),
      ...(str(apiKey, 'formatHint', ['apiKey']) !== undefined ? { formatHint: str(apiKey, 'formatHint', ['apiKey'])! } : {}),
    },
    auth: { default: defaultAuth, headers: authHeaders },
    regions: regionMap,
    responseHeaders: resolveResponseHeaders(root.responseHeaders, file),
    errors: { knownCodes, ...(codeField !== undefined ? { codeField } : {}) },
    ...(logEnvVar !== undefined ? { logEnvVar } : {}),
    ...(fetchPath !== undefined ? { fetch: { path: fetchPath } } : {}),
    resources: { skipSegments },
    pagination: resolvePagination(root.pagination, file),
    operations: overrides,
    retries: idempotencyHeader !== undefined ? { idempotencyHeader } : {},
    ...(envelope !== undefined ? { envelope } : {}),
    ...(root.mcp !== undefined ? { mcp: resolveMcpConfig(root.mcp, { file, clientPackageName: packageName, apiKeyEnvVars, fallbackEnvPrefix: envPrefix }) } : {}),
  };
}

/** The YAML key of each style's position parameter. */
const POSITION_KEYS = { cursor: 'cursorParam', offset: 'offsetParam', page: 'pageParam', link: 'param' } as const;

function resolvePagination(raw: unknown, file: string | undefined): PaginationStyleConfig[] | undefined {
  // No list: every operation's style is detected from the spec (generator/ir/pagination.ts).
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new GeneratorError('Invalid config: pagination must be a list of styles', '#/pagination', file);
  return raw.map((entry, i) => {
    const o = asObject(entry, ['pagination', i], file);
    const text = (key: string, required: boolean): string | undefined => {
      const v = o[key];
      if (v === undefined && !required) return undefined;
      if (typeof v !== 'string' || (v.length === 0 && key !== 'items')) {
        throw new GeneratorError(`Invalid config: pagination style needs ${key}`, pointerOf('pagination', i, key), file);
      }
      return v;
    };
    const style = text('style', true)!;
    if (style !== 'cursor' && style !== 'offset' && style !== 'page' && style !== 'link') {
      throw new GeneratorError(`Invalid config: unsupported pagination style "${style}" (cursor, offset, page or link)`, pointerOf('pagination', i, 'style'), file);
    }
    // The position parameter is spelled after the style: cursorParam, offsetParam, pageParam.
    const param = text(POSITION_KEYS[style], style !== 'link');
    const firstPage = o.firstPage;
    if (firstPage !== undefined && (typeof firstPage !== 'number' || !Number.isInteger(firstPage))) {
      throw new GeneratorError('Invalid config: firstPage must be an integer', pointerOf('pagination', i, 'firstPage'), file);
    }
    const optional = (key: 'hasMore' | 'pageSizeParam' | 'total' | 'totalPages' | 'itemCursor') => {
      const v = text(key, false);
      return v === undefined ? {} : { [key]: v };
    };
    // A cursor is named by the body (nextCursor) or read from the last item (itemCursor).
    const itemCursor = style === 'cursor' ? optional('itemCursor') : {};
    return {
      name: typeof o.name === 'string' ? o.name : `${style}${i === 0 ? '' : i}`,
      style,
      ...(param !== undefined ? { param } : {}),
      items: text('items', true)!,
      ...(style === 'cursor' && !('itemCursor' in itemCursor) ? { nextCursor: text('nextCursor', true)! } : {}),
      ...itemCursor,
      ...optional('hasMore'),
      ...optional('pageSizeParam'),
      ...(style === 'offset' || style === 'page' ? optional('total') : {}),
      ...(style === 'page' ? { ...optional('totalPages'), firstPage: (firstPage as number | undefined) ?? 1 } : {}),
    };
  });
}

function asObject(value: unknown, path: (string | number)[], file: string | undefined): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GeneratorError(`Invalid config: expected a mapping`, pointerOf(...path), file);
  }
  return value as Json;
}

import { isAbsolute } from 'node:path';
import { GeneratorError, pointerOf } from '../errors.js';

/**
 * The `mcp` section of the codegen config: present means "also generate the MCP server package".
 * Every name the server shows (package, env vars) comes from here or is derived from the client's
 * own config, so nothing API-specific lives in generator code.
 */
export interface McpConfig {
  /** Output directory, relative to the parent of the client's `--out` directory. */
  out: string;
  /** npm package name of the server (also its MCP implementation name and bin name). */
  packageName: string;
  /** Characters of compact JSON a tool result may use. */
  resultBudget: number;
  /** Page size list tools ask for when the caller gives none. */
  defaultPageSize: number;
  /** Upper bound of the `maxItems` argument of list tools. */
  maxItemsLimit: number;
  /** Above this many operations the server starts in dynamic mode (search/describe/call). */
  dynamicAbove: number;
  /**
   * operationId → tool name, overriding the name derived from method + path. A Map, because
   * operationIds are spec data: `constructor` or `__proto__` must be keys like any other.
   */
  toolNames: ReadonlyMap<string, string>;
  /** Environment variables besides the API key ones (`apiKey.envVars`). */
  env: { region: string; baseUrl: string; mode: string };
  /** Upper snake-case prefix of derived variable names (`NOTAI` for `NOTAI_REGION`). */
  envPrefix: string;
}

export interface McpConfigContext {
  file: string | undefined;
  clientPackageName: string;
  apiKeyEnvVars: readonly string[];
  /** Upper snake-case prefix used when there is no API key variable to derive from. */
  fallbackEnvPrefix: string;
}

/** A tool name as MCP clients accept it everywhere: snake-case-ish, at most 48 characters. */
export const TOOL_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,47}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Json = Record<string, unknown>;

export function resolveMcpConfig(raw: unknown, ctx: McpConfigContext): McpConfig {
  const fail = (path: (string | number)[], message: string): never => {
    throw new GeneratorError(`Invalid config: ${message}`, pointerOf('mcp', ...path), ctx.file);
  };
  const section = raw === true || raw === null ? {} : raw;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) return fail([], 'mcp must be a mapping');
  const root = section as Json;
  const str = (obj: Json, key: string, path: (string | number)[]): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return fail([...path, key], `${key} must be a non-empty string`);
    return v;
  };
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const v = root[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return fail([key], `${key} must be an integer from ${min} to ${max}`);
    return v;
  };

  const out = (str(root, 'out', []) ?? 'generated-mcp').replace(/[\\/]+$/, '');
  if (isAbsolute(out) || out === '' || out === '.' || out.split(/[\\/]/).some((s) => s === '..' || s === '')) {
    fail(['out'], 'out must be a relative path below the parent of --out (no "..", no absolute path)');
  }
  const packageName = str(root, 'packageName', []) ?? defaultPackageName(ctx.clientPackageName);
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(packageName)) fail(['packageName'], 'packageName must be a valid npm package name');
  if (packageName === ctx.clientPackageName) fail(['packageName'], 'packageName must differ from the client package name');

  const toolNames = new Map<string, string>();
  const rawNames = root.toolNames ?? {};
  if (typeof rawNames !== 'object' || rawNames === null || Array.isArray(rawNames)) fail(['toolNames'], 'toolNames must map operationIds to tool names');
  for (const [id, name] of Object.entries(rawNames as Json)) {
    if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
      fail(['toolNames', id], 'a tool name is a letter followed by up to 47 letters, digits, "_" or "-"');
    }
    toolNames.set(id, name as string);
  }

  const rawEnv = root.env ?? {};
  if (typeof rawEnv !== 'object' || rawEnv === null || Array.isArray(rawEnv)) fail(['env'], 'env must be a mapping');
  const prefix = envPrefix(ctx);
  const envName = (key: string, fallback: string): string => {
    const name = str(rawEnv as Json, key, ['env']) ?? fallback;
    if (!ENV_NAME.test(name)) fail(['env', key], `${key} must be an environment variable name`);
    return name;
  };
  const env = { region: envName('region', `${prefix}_REGION`), baseUrl: envName('baseUrl', `${prefix}_BASE_URL`), mode: envName('mode', `${prefix}_MCP_TOOLS`) };
  const taken = new Set(ctx.apiKeyEnvVars);
  for (const [key, name] of Object.entries(env)) {
    if (taken.has(name)) fail(['env', key], `${name} is already used by another setting`);
    taken.add(name);
  }

  return {
    out,
    packageName,
    resultBudget: int('resultBudget', 40_000, 1_000, 10_000_000),
    defaultPageSize: int('defaultPageSize', 25, 1, 10_000),
    maxItemsLimit: int('maxItemsLimit', 1_000, 1, 1_000_000),
    dynamicAbove: int('dynamicAbove', 40, 0, 100_000),
    toolNames,
    env,
    envPrefix: prefix,
  };
}

function defaultPackageName(client: string): string {
  return client.endsWith('-client') ? `${client.slice(0, -'-client'.length)}-mcp` : `${client}-mcp`;
}

/** `NOTAI_API_KEY` → `NOTAI`; without key variables, the client class in upper snake case. */
function envPrefix(ctx: McpConfigContext): string {
  const first = ctx.apiKeyEnvVars[0];
  const stripped = first?.replace(/_(API_)?KEY$/i, '');
  return stripped && stripped !== first ? stripped : ctx.fallbackEnvPrefix;
}

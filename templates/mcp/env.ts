/**
 * Start-up configuration, from the environment only: the API key never comes from a flag or a
 * tool argument. Every message names the variable and never repeats a value.
 */
import { isLogLevel, type LogLevel } from './log.js';
import { setOwn } from './own.js';
import type { McpSettings } from './types.js';

export type ToolMode = 'static' | 'dynamic';

export interface StartupConfig {
  /** Absent only when the API needs no key (`apiKeyOptional`) and none is set. */
  apiKey?: string;
  /** The variable the key came from. */
  apiKeyVar?: string;
  /**
   * Set when no key is set at all (and the API needs one): the variables that would hold it. The
   * server still starts, so the agent can see its tools and tell the user what to set.
   */
  missingKey?: string[];
  /** Auth form -> key, from the credential variables that are set (see McpSettings.env.credentials). */
  credentials?: Record<string, string>;
  region?: string;
  baseUrl?: string;
  /** Only when the mode variable is set; otherwise the tool count decides. */
  mode?: ToolMode;
  logLevel: LogLevel;
}

/** A configuration problem the user must fix in the MCP client's `env` settings. */
export class StartupError extends Error {
  static {
    this.prototype.name = 'StartupError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

function value(env: Environment, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

export function readStartupConfig(settings: McpSettings, env: Environment): StartupConfig {
  const vars = settings.env;
  const credentials = readCredentials(vars.credentials, env);
  const withCredentials = credentials === undefined ? {} : { credentials };
  const found = vars.apiKey.map((name) => ({ name, key: value(env, name) })).find((entry) => entry.key !== undefined);
  if (found?.key === undefined && (settings.apiKeyOptional === true || credentials !== undefined))
    return readTheRest(settings, env, { logLevel: 'info', ...withCredentials });
  if (found?.key === undefined) {
    const missingKey = [...vars.apiKey, ...Object.values(vars.credentials ?? {})];
    return readTheRest(settings, env, { logLevel: 'info', missingKey });
  }
  const { key, name } = found;
  if (settings.apiKeyPattern !== undefined && !new RegExp(settings.apiKeyPattern).test(key)) {
    const expected = settings.apiKeyFormatHint ?? `a value matching /${settings.apiKeyPattern}/`;
    throw new StartupError(`${name} is malformed: expected ${expected} (got ${key.length} characters).`);
  }
  if (/[\r\n\0]/.test(key)) throw new StartupError(`${name} contains control characters.`);

  return readTheRest(settings, env, { apiKey: key, apiKeyVar: name, logLevel: 'info', ...withCredentials });
}

/** The credential variables that are set, by auth form; undefined when none is. */
function readCredentials(
  vars: Readonly<Record<string, string>> | undefined,
  env: Environment,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [form, name] of Object.entries(vars ?? {})) {
    const key = value(env, name);
    if (key === undefined) continue;
    if (/[\r\n\0]/.test(key)) throw new StartupError(`${name} contains control characters.`);
    // Auth form names come from the spec or config: defined, so `__proto__` is a form like any other.
    setOwn(out, form, key);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Region, base URL, tool mode and log level, added to `config`. */
function readTheRest(settings: McpSettings, env: Environment, config: StartupConfig): StartupConfig {
  const vars = settings.env;
  const region = value(env, vars.region);
  if (region !== undefined) {
    if (!settings.regions.includes(region)) {
      throw new StartupError(`${vars.region} must be one of ${settings.regions.join(', ')}.`);
    }
    config.region = region;
  }
  const baseUrl = value(env, vars.baseUrl);
  if (baseUrl !== undefined) config.baseUrl = baseUrl;
  const mode = value(env, vars.mode)?.toLowerCase();
  if (mode !== undefined) {
    if (mode !== 'static' && mode !== 'dynamic') throw new StartupError(`${vars.mode} must be "static" or "dynamic".`);
    config.mode = mode;
  }
  const level = vars.log === undefined ? undefined : value(env, vars.log)?.toLowerCase();
  if (level !== undefined) {
    if (!isLogLevel(level)) throw new StartupError(`${vars.log} must be one of off, error, warn, info, debug.`);
    config.logLevel = level;
  }
  return config;
}

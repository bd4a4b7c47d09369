// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/config.ts.
import { readEnv } from './env.js';
import { ClientError } from './errors.js';
import { isLogLevel, type LogLevel } from './logger.js';
import type { ClientOptions } from './options.js';
import { createRedactor } from './redact.js';
import type { ApiSettings } from './settings.js';
import { normalizeBaseUrl } from './url.js';

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * 100 MB: far above any JSON page, room for a sizeable download, and well short of what takes a
 * process down (a 700 MB body once took a client past 1.5 GB of memory before failing).
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 100_000_000;

/** Everything the client needs, resolved and validated once at construction. */
export interface ResolvedConfig {
  /** Undefined when the settings mark the key optional, or `credentials` were given instead. */
  apiKey: string | undefined;
  baseUrl: string;
  /** Name of the form `apiKey` travels in (`authHeader`, else the API's default). */
  authHeader: string;
  /**
   * Every credential the client holds, by auth form name: `credentials`, plus `apiKey` under
   * `authHeader`. Empty only when the key is optional and none was given.
   */
  credentials: ReadonlyMap<string, string>;
  /**
   * Built with `apiKey: null` for an API that needs a key: the error message of a call that
   * needs a credential the client does not have (auth.ts refuses it before sending).
   */
  noKey: string | undefined;
  maxRetries: number;
  timeout: number;
  deadline: number | undefined;
  maxResponseBytes: number;
  logLevel: LogLevel;
}

export function resolveConfig(options: ClientOptions, settings: ApiSettings): ResolvedConfig {
  const given = resolveCredentials(options, settings);
  const hasOthers = given.size > 0;
  let apiKey = resolveApiKey(options, settings, hasOthers);
  const secrets = apiKey === undefined ? [...given.values()] : [apiKey, ...given.values()];
  try {
    const authHeader = resolveAuthHeader(options, settings);
    const credentials = new Map(given);
    const other = given.get(authHeader);
    if (apiKey !== undefined && other !== undefined && other !== apiKey) {
      // What the caller passed beats the environment; two different options for one form do not.
      if (options.apiKey !== undefined) {
        throw new ClientError(
          `Two keys for the "${authHeader}" auth form: \`apiKey\` and \`credentials["${authHeader}"]\` differ; give it once.`,
        );
      }
      apiKey = undefined;
    }
    if (apiKey !== undefined) credentials.set(authHeader, apiKey);
    return {
      apiKey,
      baseUrl: resolveBaseUrl(options, settings),
      authHeader,
      credentials,
      noKey: options.apiKey === null && settings.apiKey.optional !== true ? noKeyMessage(settings) : undefined,
      maxRetries: checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES, 'maxRetries'),
      timeout: checkDuration(options.timeout ?? DEFAULT_TIMEOUT_MS, 'timeout'),
      deadline: options.deadline === undefined ? undefined : checkDuration(options.deadline, 'deadline'),
      maxResponseBytes: checkByteLimit(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes'),
      logLevel: resolveLogLevel(options, settings),
    };
  } catch (error) {
    // Messages quote the offending option (`Invalid baseUrl "..."`), and a key pasted into the
    // wrong option, or into a URL's query string, must not come back out in them.
    if (error instanceof ClientError && secrets.length > 0) {
      // The redactor also knows the key's URL-encoded spellings (`?api_key=k%2By…`).
      const scrubbed = createRedactor(secrets, []).text(error.message);
      if (scrubbed !== error.message) throw new ClientError(scrubbed);
    }
    throw error;
  }
}

/**
 * Finds and checks the key. Messages say where the key came from and what shape is expected,
 * but never contain the key or any part of it.
 */
function resolveApiKey(options: ClientOptions, settings: ApiSettings, hasOthers: boolean): string | undefined {
  const { envVars, pattern, formatHint, optional } = settings.apiKey;
  let key: string | undefined;
  let source: string;
  // `null` asks for no key at all: calls that need one are refused (noKeyMessage).
  if (options.apiKey === null) return undefined;
  if (options.apiKey !== undefined) {
    key = options.apiKey.trim();
    source = 'the apiKey option';
  } else {
    const found = envVars.map((name) => ({ name, value: readEnv(name)?.trim() })).find((entry) => entry.value);
    key = found?.value;
    source = found ? `the ${found.name} environment variable` : '';
  }
  if (!key) {
    // An empty option (`apiKey: process.env.KEY ?? ''`) means no key too, where none is needed.
    if (optional === true || hasOthers) return undefined;
    const where = envVars.length > 0 ? ` or set ${envVars.join(' or ')}` : '';
    const empty = options.apiKey !== undefined ? ' (the apiKey option is empty)' : '';
    // APIs whose operations take different credentials also accept them per auth form.
    const perForm = settings.auth.security === undefined ? '' : ' (or `credentials`, one per auth form)';
    throw new ClientError(
      `Missing API key for the ${settings.clientName} client${empty}: pass \`apiKey\`${perForm}${where}.`,
    );
  }
  if (pattern !== undefined && !safeRegExp(pattern).test(key)) {
    const expected = formatHint ? `expected ${formatHint}` : `expected it to match /${pattern}/`;
    throw new ClientError(
      `The ${settings.clientName} API key from ${source} is malformed: ${expected} (got ${key.length} characters).`,
    );
  }
  const problem = keyTextProblem(key);
  if (problem) throw new ClientError(`The ${settings.clientName} API key from ${source} ${problem}.`);
  return key;
}

/** What a call that needs a key answers on a client built with `apiKey: null`: where a key would come from. */
function noKeyMessage(settings: ApiSettings): string {
  const where = settings.apiKey.envVars.length > 0 ? ` (or set ${settings.apiKey.envVars.join(' or ')})` : '';
  return `This operation needs an API key, and the ${settings.clientName} client was built without one (\`apiKey: null\`): build it with \`apiKey\`${where}. Nothing was sent.`;
}

/** Why a key cannot go into a header or a query string, if it cannot. */
function keyTextProblem(key: string): string | undefined {
  if (/[\r\n\0]/.test(key)) return 'contains control characters';
  try {
    encodeURIComponent(key);
  } catch {
    return 'is not well-formed Unicode (a lone surrogate)';
  }
  return undefined;
}

/**
 * The `credentials` option: one key per auth form, for APIs whose operations take different
 * credentials (an OAuth token for some, an API key for others). Checked like `apiKey`, except for
 * its format, which describes the API key only.
 */
function resolveCredentials(options: ClientOptions, settings: ApiSettings): Map<string, string> {
  const out = new Map<string, string>();
  const given = options.credentials;
  if (given === undefined) return out;
  if (typeof given !== 'object' || given === null) throw new ClientError('credentials must be an object');
  for (const [name, raw] of Object.entries(given)) {
    if (raw === undefined) continue;
    pick(settings.auth.headers, name, (valid) => `Unknown auth form "${name}" in credentials; valid forms: ${valid}.`);
    const value = typeof raw === 'string' ? raw.trim() : undefined;
    if (value === undefined) throw new ClientError(`credentials["${name}"] must be a string`);
    // An empty entry means "none" (`{ oauth: process.env.TOKEN ?? '' }`), as for apiKey.
    if (value === '') continue;
    const problem = keyTextProblem(value);
    if (problem) throw new ClientError(`credentials["${name}"] ${problem}.`);
    out.set(name, value);
  }
  return out;
}

function safeRegExp(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (cause) {
    throw new ClientError('Invalid apiKey.pattern in the API settings', { cause });
  }
}

function resolveBaseUrl(options: ClientOptions, settings: ApiSettings): string {
  if (options.baseUrl !== undefined) return normalizeBaseUrl(options.baseUrl);
  if (settings.defaultServer === '') {
    throw new ClientError(
      `The ${settings.clientName} client needs a baseUrl: the API's spec names no server it can use.`,
    );
  }
  const region = options.region ?? settings.defaultServer;
  const server = pick(
    settings.servers,
    region,
    (valid) => `Unknown region "${region}" for the ${settings.clientName} client; valid regions: ${valid}.`,
  );
  return normalizeBaseUrl(server);
}

function resolveAuthHeader(options: ClientOptions, settings: ApiSettings): string {
  const choice = options.authHeader ?? settings.auth.default;
  pick(settings.auth.headers, choice, (valid) => `Unknown authHeader "${choice}"; valid values: ${valid}.`);
  return choice;
}

/** `map[key]` if it is an own entry; otherwise a ClientError listing the valid keys. */
function pick<V>(map: Readonly<Record<string, V>>, key: string, message: (valid: string) => string): V {
  const value = Object.hasOwn(map, key) ? map[key] : undefined;
  if (value === undefined)
    throw new ClientError(
      message(
        Object.keys(map)
          .map((name) => `"${name}"`)
          .join(', '),
      ),
    );
  return value;
}

function resolveLogLevel(options: ClientOptions, settings: ApiSettings): LogLevel {
  if (options.logLevel !== undefined) {
    if (!isLogLevel(options.logLevel)) throw new ClientError(`Invalid logLevel "${String(options.logLevel)}"`);
    return options.logLevel;
  }
  const fromEnv = settings.logEnvVar === undefined ? undefined : readEnv(settings.logEnvVar)?.trim().toLowerCase();
  // A typo in an environment variable should not crash the application: ignore it.
  return isLogLevel(fromEnv) ? fromEnv : 'off';
}

export function checkMaxRetries(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new ClientError(`${name} must be a non-negative integer`);
  return value;
}

/** Positive milliseconds; Infinity is accepted and means "no limit". */
export function checkDuration(value: number, name: string): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new ClientError(`${name} must be a positive number of milliseconds`);
  }
  return value;
}

/** A positive whole number of bytes; Infinity is accepted and means "no limit". */
export function checkByteLimit(value: number, name: string): number {
  if (typeof value !== 'number' || !(Number.isInteger(value) || value === Infinity) || value <= 0) {
    throw new ClientError(`${name} must be a positive whole number of bytes (or Infinity)`);
  }
  return value;
}

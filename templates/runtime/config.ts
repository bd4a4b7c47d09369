import { readEnv } from './env.js';
import { ClientError } from './errors.js';
import { isLogLevel, type LogLevel } from './logger.js';
import type { ClientOptions } from './options.js';
import { createRedactor } from './redact.js';
import type { ApiSettings, AuthForm } from './settings.js';
import { normalizeBaseUrl } from './url.js';

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Everything the client needs, resolved and validated once at construction. */
export interface ResolvedConfig {
  /** Undefined only when the settings mark the key optional and none was found. */
  apiKey: string | undefined;
  baseUrl: string;
  authHeader: AuthForm;
  maxRetries: number;
  timeout: number;
  deadline: number | undefined;
  logLevel: LogLevel;
}

export function resolveConfig(options: ClientOptions, settings: ApiSettings): ResolvedConfig {
  const apiKey = resolveApiKey(options, settings);
  try {
    return {
      apiKey,
      baseUrl: resolveBaseUrl(options, settings),
      authHeader: resolveAuthHeader(options, settings),
      maxRetries: checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES, 'maxRetries'),
      timeout: checkDuration(options.timeout ?? DEFAULT_TIMEOUT_MS, 'timeout'),
      deadline: options.deadline === undefined ? undefined : checkDuration(options.deadline, 'deadline'),
      logLevel: resolveLogLevel(options, settings),
    };
  } catch (error) {
    // Messages quote the offending option (`Invalid baseUrl "..."`), and a key pasted into the
    // wrong option, or into a URL's query string, must not come back out in them.
    if (error instanceof ClientError && apiKey) {
      // The redactor also knows the key's URL-encoded spellings (`?api_key=k%2By…`).
      const scrubbed = createRedactor(apiKey, []).text(error.message);
      if (scrubbed !== error.message) throw new ClientError(scrubbed);
    }
    throw error;
  }
}

/**
 * Finds and checks the key. Messages say where the key came from and what shape is expected,
 * but never contain the key or any part of it.
 */
function resolveApiKey(options: ClientOptions, settings: ApiSettings): string | undefined {
  const { envVars, pattern, formatHint, optional } = settings.apiKey;
  let key: string | undefined;
  let source: string;
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
    if (optional === true) return undefined;
    const where = envVars.length > 0 ? ` or set ${envVars.join(' or ')}` : '';
    const empty = options.apiKey !== undefined ? ' (the apiKey option is empty)' : '';
    throw new ClientError(`Missing API key for the ${settings.clientName} client${empty}: pass \`apiKey\`${where}.`);
  }
  if (pattern !== undefined && !safeRegExp(pattern).test(key)) {
    const expected = formatHint ? `expected ${formatHint}` : `expected it to match /${pattern}/`;
    throw new ClientError(
      `The ${settings.clientName} API key from ${source} is malformed: ${expected} (got ${key.length} characters).`,
    );
  }
  if (/[\r\n\0]/.test(key))
    throw new ClientError(`The ${settings.clientName} API key from ${source} contains control characters.`);
  return key;
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

function resolveAuthHeader(options: ClientOptions, settings: ApiSettings): AuthForm {
  const choice = options.authHeader ?? settings.auth.default;
  return pick(settings.auth.headers, choice, (valid) => `Unknown authHeader "${choice}"; valid values: ${valid}.`);
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

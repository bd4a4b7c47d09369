/**
 * Logging for a stdio server: stdout carries the protocol, so every line goes to stderr, and
 * every line passes the redactor first. The logger also serves as the client's `logger` option,
 * which would otherwise write to the console (stdout).
 */

// The client's scanner, copied beside this file into the package's runtime folder (generator/mcp/
// index.ts): the same path from templates/mcp/ and from the package's src/runtime/.
import { fragmentScanner, maskRanges } from '../runtime/fragments.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const SEVERITY: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SEVERITY, value);
}

/** Replaces every occurrence of the secrets, or of long enough pieces of them, in a string. */
export type Redact = (text: string) => string;

export const REDACTED = '[redacted]';

export function createRedactor(secrets: string | readonly (string | undefined)[] | undefined): Redact {
  // Every key, however short: results go to an agent, where secrecy matters more than the odd
  // garbled word (the client keeps short keys in success data, see its redact.ts). Longest first,
  // so a key that contains another is replaced whole.
  const list = (typeof secrets === 'string' ? [secrets] : (secrets ?? []))
    .filter((secret): secret is string => secret !== undefined && secret !== '')
    .sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  // Pieces of a key too, in results as well: "…the last 37 characters of your key" is most of it.
  const fragments = fragmentScanner(list);
  return (text) => {
    const ranges: [number, number][] = [];
    for (const secret of list) {
      for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
        ranges.push([at, at + secret.length]);
      }
    }
    if (fragments !== undefined) for (const range of fragments(text)) ranges.push(range);
    return maskRanges(text, ranges, REDACTED);
  };
}

/** Console-like, so it is also a valid client `logger`. */
export interface Logger {
  error(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  debug(message: string, data?: Record<string, unknown>): void;
}

function describeData(data: Record<string, unknown> | undefined): string {
  if (data === undefined) return '';
  try {
    const text = JSON.stringify(data, (_key, value: unknown) =>
      value instanceof Error ? `${value.name}: ${value.message}` : value,
    );
    return text === undefined || text === '{}' ? '' : ` ${text}`;
  } catch {
    return ' [unserialisable data]';
  }
}

export interface LoggerOptions {
  name: string;
  level: LogLevel;
  redact: Redact;
  /** Where whole lines go (default: process.stderr). */
  write: (line: string) => void;
}

export function createLogger({ name, level, redact, write }: LoggerOptions): Logger {
  const emit =
    (method: Exclude<LogLevel, 'off'>) =>
    (message: string, data?: Record<string, unknown>): void => {
      if (SEVERITY[method] > SEVERITY[level]) return;
      const line = redact(`${name} ${method}: ${message.replace(/[\r\n]+/g, ' ')}${describeData(data)}`);
      try {
        write(`${line}\n`);
      } catch {
        // Logging must never break a tool call.
      }
    };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

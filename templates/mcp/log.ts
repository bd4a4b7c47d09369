/**
 * Logging for a stdio server: stdout carries the protocol, so every line goes to stderr, and
 * every line passes the redactor first. The logger also serves as the client's `logger` option,
 * which would otherwise write to the console (stdout).
 */

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
    if (ranges.length === 0) return text;
    // Overlapping matches merged: two keys that share characters must leave nothing of either.
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let done = 0;
    for (const [start, end] of ranges) {
      if (end <= done) continue;
      out += start >= done ? text.slice(done, start) + REDACTED : '';
      done = end;
    }
    return out + text.slice(done);
  };
}

/** Pieces of a secret at least this long are masked like the secret (shorter keys: whole only). */
export const FRAGMENT_LENGTH = 12;

/**
 * A scanner for every maximal run of text covered by FRAGMENT_LENGTH-character windows that each
 * occur in a secret, or undefined when no secret is that long. Linear in the text: a rolling hash
 * of each window is looked up in a bit table of the secrets' windows, and only a hit is compared
 * as a string. (The client's runtime/fragments.ts does the same; this package cannot import it.)
 */
function fragmentScanner(secrets: readonly string[]): ((text: string) => [number, number][]) | undefined {
  const windows = new Set<string>();
  for (const secret of secrets) {
    for (let at = 0; at + FRAGMENT_LENGTH <= secret.length; at += 1)
      windows.add(secret.slice(at, at + FRAGMENT_LENGTH));
  }
  if (windows.size === 0) return undefined;
  const base = 0x01000193;
  const hashOf = (text: string): number => {
    let hash = 0;
    for (let k = 0; k < FRAGMENT_LENGTH; k += 1) hash = (Math.imul(hash, base) + text.charCodeAt(k)) | 0;
    return hash;
  };
  let outWeight = 1; // base ** (FRAGMENT_LENGTH - 1): the weight of the character leaving the window
  for (let k = 1; k < FRAGMENT_LENGTH; k += 1) outWeight = Math.imul(outWeight, base);
  const table = new Uint32Array(2048); // one bit per value of the hash's top 16 bits
  for (const window of windows) {
    const slot = hashOf(window) >>> 16;
    table[slot >>> 5]! |= 1 << (slot & 31);
  }
  return (text) => {
    const found: [number, number][] = [];
    if (text.length < FRAGMENT_LENGTH) return found;
    let hash = hashOf(text);
    let start = -1;
    let end = -1;
    for (let at = 0; ; at += 1) {
      const slot = hash >>> 16;
      if ((table[slot >>> 5]! & (1 << (slot & 31))) !== 0 && windows.has(text.slice(at, at + FRAGMENT_LENGTH))) {
        if (at > end) {
          if (start >= 0) found.push([start, end]);
          start = at;
        }
        end = at + FRAGMENT_LENGTH;
      }
      const next = at + FRAGMENT_LENGTH;
      if (next >= text.length) break;
      hash = (Math.imul(hash - Math.imul(text.charCodeAt(at), outWeight), base) + text.charCodeAt(next)) | 0;
    }
    if (start >= 0) found.push([start, end]);
    return found;
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

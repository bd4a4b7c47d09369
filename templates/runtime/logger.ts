import type { Redactor } from './redact.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console-like methods: console itself, pino, winston, a test spy. */
export interface Logger {
  error(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  debug(message: string, data?: Record<string, unknown>): void;
}

const SEVERITY: Readonly<Record<LogLevel, number>> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(SEVERITY, value);
}

/** Looked up at call time, not import time, so a console patched later (tests, tools) is used. */
function consoleLogger(): Logger {
  const call =
    (method: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, data?: Record<string, unknown>): void => {
      if (data === undefined) globalThis.console[method](message);
      else globalThis.console[method](message, data);
    };
  return { error: call('error'), warn: call('warn'), info: call('info'), debug: call('debug') };
}

/**
 * Wraps a sink so that messages below `level` are dropped before any formatting work, and
 * everything that passes is redacted. Silent ("off") unless configured otherwise.
 */
export function createLogger(level: LogLevel, sink: Logger | undefined, redactor: Redactor): Logger {
  const target = sink ?? consoleLogger();
  const emit =
    (method: Exclude<LogLevel, 'off'>) =>
    (message: string, data?: Record<string, unknown>): void => {
      if (SEVERITY[method] > SEVERITY[level]) return;
      const safeData = data === undefined ? undefined : (redactor.value(data) as Record<string, unknown>);
      try {
        target[method](redactor.text(message), safeData);
      } catch {
        // A broken logger must never break a request.
      }
    };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}

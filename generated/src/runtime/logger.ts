// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/logger.ts.
import type { Redactor } from './redact.js';

/** How much the client logs: nothing (`off`, the default) up to every attempt (`debug`). */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console-like methods: console itself, pino, winston, a test spy. */
export interface Logger {
  /** Not used by the client today; present so any console-like logger fits. */
  error(message: string, data?: Record<string, unknown>): void;
  /** The client gave up on a request (retries or deadline exhausted), or a hook threw. */
  warn(message: string, data?: Record<string, unknown>): void;
  /** A retry, with the error that caused it and the wait before it. */
  info(message: string, data?: Record<string, unknown>): void;
  /** Every attempt, before it is sent. */
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

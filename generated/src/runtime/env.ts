// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/env.ts.
/**
 * The only place that touches host globals. Everything is looked up lazily through
 * `globalThis` so the runtime also loads in browsers and workers, where `process` does not exist.
 */

interface ProcessLike {
  env?: Record<string, string | undefined>;
}

/** Reads an environment variable, or undefined where there is no `process.env`. */
export function readEnv(name: string): string | undefined {
  const proc = (globalThis as { process?: ProcessLike }).process;
  return proc?.env?.[name];
}

/**
 * True in a browser page or a web worker. Browsers forbid setting User-Agent (and some
 * reject the whole request), so we only send it elsewhere (Node, Deno, Bun, edge runtimes).
 */
export function isBrowserLike(): boolean {
  const g = globalThis as { document?: unknown; importScripts?: unknown };
  return typeof g.document !== 'undefined' || typeof g.importScripts === 'function';
}

// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/request.ts.
/**
 * Flat tool arguments → one request of the generated client. Argument names are the wire names
 * of the operation's parameters (the generator guarantees they do not collide).
 */
import { ToolInputError } from './errors.js';
import { getOwn, setOwn } from './own.js';
import type { OperationBinding, RequestSpecLike } from './types.js';

export type ToolArguments = Readonly<Record<string, unknown>>;

const FORBIDDEN = /[\r\n\0]/;

/** One percent-encoded path segment; refuses values that would address another resource. */
export function encodeSegment(name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new ToolInputError(`"${name}" must be a string`);
  if (value === '' || value === '.' || value === '..')
    throw new ToolInputError(`"${name}" must not be empty, "." or ".."`);
  if (FORBIDDEN.test(value)) throw new ToolInputError(`"${name}" must not contain CR, LF or NUL`);
  try {
    return encodeURIComponent(value);
  } catch {
    throw new ToolInputError(`"${name}" is not well-formed Unicode`);
  }
}

function pick(args: ToolArguments, names: readonly string[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  // Own arguments only: a parameter named `toString` must not pick up Object.prototype.toString.
  for (const name of names) if (getOwn(args, name) !== undefined) setOwn(out, name, getOwn(args, name));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The request for `args`, with `query` overrides (cursor, page size) applied on top. */
export function buildRequest(
  binding: OperationBinding,
  args: ToolArguments,
  queryOverrides: Readonly<Record<string, unknown>> = {},
): RequestSpecLike {
  const path = binding.path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeSegment(name, getOwn(args, name)));
  const spec: RequestSpecLike = { method: binding.method, path, operationId: binding.operationId };
  const query = { ...pick(args, binding.queryParams), ...queryOverrides };
  for (const [key, value] of Object.entries(query)) if (value === undefined) delete query[key];
  if (Object.keys(query).length > 0) spec.query = query;
  if (binding.queryStyles !== undefined) spec.queryStyles = binding.queryStyles;
  if (binding.body !== undefined && getOwn(args, 'body') !== undefined) {
    spec.body = getOwn(args, 'body');
    spec.bodyType = binding.body.bodyType;
    if (binding.body.contentType !== undefined) spec.contentType = binding.body.contentType;
  }
  if (binding.responseType !== 'json') spec.responseType = binding.responseType;
  // Servers that negotiate answer a file operation asked for JSON with 406.
  if (binding.accept !== undefined) spec.headers = { accept: binding.accept };
  if (!binding.auth) spec.auth = false;
  if (binding.security !== undefined) spec.security = binding.security;
  // The client then adds the key (one per call, the same on every retry) and retries as it would.
  if (binding.idempotency !== undefined) spec.idempotency = binding.idempotency;
  return spec;
}

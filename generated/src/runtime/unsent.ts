// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/unsent.ts.
/**
 * Connection errors known to have happened before any byte of the request left the client: no
 * connection was ever made (refused, no such host, connect timeout). Only these may be retried
 * for a call that must not run twice. A set rather than a field on the error: the errors are
 * public classes, and this is the runtime's own bookkeeping.
 */
const unsent = new WeakSet<object>();

/**
 * Codes Node (and undici) give to failures that come before a connection exists. A reset, a
 * closed socket or a timeout after connecting are absent: the server may have the request.
 */
const BEFORE_CONNECTING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** Records that `error` came before the request was sent. */
export function markUnsent(error: object): void {
  unsent.add(error);
}

/** Whether `error` is known to have come before the request was sent. */
export function wasUnsent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && unsent.has(error);
}

/**
 * Whether what fetch threw says no connection was made. Node's fetch puts the system error one or
 * two levels down its `cause` chain (an AggregateError when several addresses were tried); every
 * code found must be one of BEFORE_CONNECTING, and a failure with no code at all (a browser's
 * "Failed to fetch") is not known to be one.
 */
export function failedBeforeConnecting(thrown: unknown): boolean {
  const codes: unknown[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    const record = value as { code?: unknown; cause?: unknown; errors?: unknown };
    if (record.code !== undefined) codes.push(record.code);
    visit(record.cause, depth + 1);
    if (Array.isArray(record.errors)) for (const inner of record.errors) visit(inner, depth + 1);
  };
  visit(thrown, 0);
  return codes.length > 0 && codes.every((code) => typeof code === 'string' && BEFORE_CONNECTING.has(code));
}

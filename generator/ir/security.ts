import { isObject, type JsonObject } from './refs.js';
import { HTTP_METHODS } from './types.js';

/** How an operation takes the key: from its own `security`, else the root's. */
export interface OperationAuth {
  /** A key is required (a requirement with no empty `{}` alternative). */
  requiresAuth: boolean;
  /** No credentials at all (`security: []`): the key is never sent. */
  keyless: boolean;
}

/**
 * The spec defines security schemes but applies none, at the root or on any operation: almost
 * always an omission (the API does take the key), so every operation is read as requiring it.
 */
export function securityAppliedNowhere(document: JsonObject): boolean {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? Object.keys(components.securitySchemes) : [];
  if (schemes.length === 0 || document.security !== undefined) return false;
  const paths = isObject(document.paths) ? Object.values(document.paths) : [];
  return !paths.some((item) => isObject(item) && HTTP_METHODS.some((m) => isObject(item[m]) && (item[m] as JsonObject).security !== undefined));
}

/**
 * An operation's auth. Only an explicit empty list says "no credentials"; a `{}` alternative
 * makes the key optional; security declared nowhere says nothing, so a key the caller has is
 * sent (specs often leave security out for APIs that do take a key).
 */
export function operationAuth(operationSecurity: unknown, document: JsonObject, appliedNowhere: boolean): OperationAuth {
  const security = operationSecurity ?? document.security;
  if (security === undefined) return { requiresAuth: appliedNowhere, keyless: false };
  if (!Array.isArray(security)) return { requiresAuth: false, keyless: false };
  if (security.length === 0) return { requiresAuth: false, keyless: true };
  return { requiresAuth: !security.some((req) => isObject(req) && Object.keys(req).length === 0), keyless: false };
}

export function securityWarnings(document: JsonObject): string[] {
  return securityAppliedNowhere(document)
    ? ['The spec defines security schemes but applies none (no root or operation `security`): every operation is taken to require the key.']
    : [];
}

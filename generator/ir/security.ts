import { isObject, type JsonObject } from '../schema/json.js';
import { HTTP_METHODS, type ApiIR, type OperationIR } from './types.js';

/** How an operation takes the key: from its own `security`, else the root's. */
export interface OperationAuth {
  /** A key is required (a requirement with no empty `{}` alternative). */
  requiresAuth: boolean;
  /** No credentials at all (`security: []`): the key is never sent. */
  keyless: boolean;
  /**
   * The credentials it accepts (own `security`, else the root's): alternatives, each the auth
   * forms sent together, in spec order; `[]` for the empty `{}` (no credentials needed).
   * Requirements with a scheme no form can send are left out. Undefined when the spec declares
   * none for it.
   */
  accepts: string[][] | undefined;
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
export function operationAuth(operationSecurity: unknown, document: JsonObject, appliedNowhere: boolean, forms: ReadonlyMap<string, string>): OperationAuth {
  const security = operationSecurity ?? document.security;
  if (security === undefined) return { requiresAuth: appliedNowhere, keyless: false, accepts: undefined };
  if (!Array.isArray(security)) return { requiresAuth: false, keyless: false, accepts: undefined };
  if (security.length === 0) return { requiresAuth: false, keyless: true, accepts: [] };
  return {
    requiresAuth: !security.some((req) => isObject(req) && Object.keys(req).length === 0),
    keyless: false,
    accepts: acceptedForms(security, forms),
  };
}

/** A security requirement list as auth form names (see OperationAuth.accepts); `{}` is `[]`. */
export function acceptedForms(security: unknown[], forms: ReadonlyMap<string, string>): string[][] {
  const out = new Map<string, string[]>();
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    const schemes = Object.keys(requirement);
    if (!schemes.every((scheme) => forms.has(scheme))) continue;
    const names = [...new Set(schemes.map((scheme) => forms.get(scheme) as string))];
    out.set(JSON.stringify(names), names);
  }
  return [...out.values()];
}

/**
 * Whether operations take different credentials: their accepted lists name two or more auth
 * forms in all, and either the lists differ between operations or one alternative needs two keys
 * at once. Only then does the client need to know per operation which key to send. One key that
 * every operation takes in either of two forms (a header or the query) is still one credential:
 * `apiKey` in its `authHeader` form goes everywhere, as it always has.
 */
export function takesSeveralCredentials(accepts: Iterable<string[][] | undefined>): boolean {
  const named = new Set<string>();
  const lists = new Set<string>();
  let together = false;
  for (const list of accepts) {
    if (list === undefined || list.length === 0) continue;
    lists.add(JSON.stringify(list));
    for (const names of list) {
      together ||= names.length > 1;
      for (const name of names) named.add(name);
    }
  }
  return named.size > 1 && (lists.size > 1 || together);
}

/**
 * What an operation accepts, where operations take different credentials (`ApiIR.security` set):
 * its own list, else the API-wide one; undefined for a keyless operation or a one-key API.
 */
export function acceptedCredentials(ir: ApiIR, op: OperationIR): string[][] | undefined {
  if (ir.security === undefined || op.keyless) return undefined;
  return op.security ?? ir.security;
}

export function securityWarnings(document: JsonObject): string[] {
  return securityAppliedNowhere(document)
    ? ['The spec defines security schemes but applies none (no root or operation `security`): every operation is taken to require the key.']
    : [];
}

import { isObject, type JsonObject as Json } from './schema/json.js';
/** One way the key can travel: a request header and the text before the key, or a query parameter. */
export type AuthHeader = { header: string; prefix: string } | { query: string };

export interface SpecAuth {
  /** The header forms, by scheme name; undefined when the spec allows none. */
  headers: Record<string, AuthHeader> | undefined;
  /** Schemes that were skipped, and why: shown as generation warnings. */
  warnings: string[];
}


/** An HTTP header name (RFC 9110 token), as the runtime checks it. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A query parameter name the client can send: non-empty, no characters that need thought. */
export const QUERY_NAME = /^[A-Za-z0-9._~-]+$/;

/** Two forms that send a key the same way (same header and prefix, or same query parameter). */
function sameForm(a: AuthHeader, b: AuthHeader): boolean {
  return 'header' in a ? 'header' in b && a.header === b.header && a.prefix === b.prefix : 'query' in b && a.query === b.query;
}

/** The form of one security scheme, or why a key cannot travel in it. */
function formOf(scheme: Json): AuthHeader | string {
  const type = typeof scheme.type === 'string' ? scheme.type.toLowerCase() : '';
  if (type === 'apikey') {
    if (scheme.in === 'query') {
      return typeof scheme.name === 'string' && QUERY_NAME.test(scheme.name) ? { query: scheme.name } : `${JSON.stringify(scheme.name)} is not a query parameter name the client can send`;
    }
    if (scheme.in !== 'header') return `its key goes in the ${String(scheme.in)}, not a header or the query`;
    if (typeof scheme.name !== 'string' || !HEADER_NAME.test(scheme.name)) return `${JSON.stringify(scheme.name)} is not a valid header name`;
    return { header: scheme.name.toLowerCase(), prefix: '' };
  }
  if (type === 'http') {
    const kind = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    return kind === 'bearer' ? { header: 'authorization', prefix: 'Bearer ' } : `HTTP "${String(scheme.scheme)}" authentication takes more than an API key`;
  }
  // Both carry a bearer token once the caller has one.
  if (type === 'oauth2' || type === 'openidconnect') return { header: 'authorization', prefix: 'Bearer ' };
  return `type ${JSON.stringify(scheme.type)} is not one the client can send`;
}

/**
 * The header forms a spec's security schemes allow, by scheme name: the default for `auth.headers`
 * when the config sets none, so a client for an API that takes `X-API-Key` does not send a Bearer
 * token. Ordered like the spec: schemes of the top-level `security` requirements first (the first
 * one is the default form), then the other declared schemes, one per distinct header and prefix
 * (named after the first scheme that has it). Schemes a key cannot use as a header (HTTP basic,
 * keys in the query or a cookie, invalid header names, unresolved `$ref`s) are skipped with a
 * warning; when none is left the config's built-in Bearer default applies, and the warning says
 * that the API may never see the key.
 */
export function authFromSpec(document: Json): SpecAuth {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const required = Array.isArray(document.security) ? document.security.filter(isObject).flatMap((requirement) => Object.keys(requirement)) : [];
  const headers = new Map<string, AuthHeader>();
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const name of [...required, ...Object.keys(schemes)]) {
    const scheme = Object.hasOwn(schemes, name) ? schemes[name] : undefined;
    if (seen.has(name) || !isObject(scheme)) continue;
    seen.add(name);
    const header = formOf(scheme);
    if (typeof header === 'string') warnings.push(`security scheme "${name}" is not offered as an authHeader form: ${header}.`);
    // One entry per distinct form: OAuth 2 flows, OpenID Connect and bearer all send the same.
    else if (![...headers.values()].some((h) => sameForm(h, header))) headers.set(name, header);
  }
  if (headers.size === 0 && seen.size > 0) {
    warnings.push('no security scheme can carry the key in a header or the query, so the client sends `authorization: Bearer <key>`; set auth.headers in the config if the API expects something else.');
  }
  return { headers: headers.size > 0 ? Object.fromEntries(headers) : undefined, warnings };
}

/**
 * Each security scheme a key can travel in, mapped to the auth form (a key of `forms`, the
 * config's final `auth.headers`) that sends it: the form of the scheme's own name when it is the
 * same, else the first one with the same header and prefix (or query parameter). Schemes no form
 * sends (HTTP basic, cookies, a header the config left out) are not in the map.
 */
export function schemeForms(document: Json, forms: Readonly<Record<string, AuthHeader>>): Map<string, string> {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const out = new Map<string, string>();
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    const form = formOf(scheme);
    if (typeof form === 'string') continue;
    const own = Object.hasOwn(forms, name) && sameForm(forms[name] as AuthHeader, form) ? name : undefined;
    const match = own ?? Object.keys(forms).find((key) => sameForm(forms[key] as AuthHeader, form));
    if (match !== undefined) out.set(name, match);
  }
  return out;
}

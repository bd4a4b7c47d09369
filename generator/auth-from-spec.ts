/** One way the key can travel: a request header and the text before the key. */
export interface AuthHeader {
  header: string;
  prefix: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The header form of one security scheme, or undefined when a key cannot travel in a header. */
function headerOf(scheme: Json): AuthHeader | undefined {
  const type = typeof scheme.type === 'string' ? scheme.type.toLowerCase() : '';
  if (type === 'apikey') {
    // A key in the query or a cookie is not a header form; such schemes are left to the config.
    return scheme.in === 'header' && typeof scheme.name === 'string' && scheme.name !== '' ? { header: scheme.name.toLowerCase(), prefix: '' } : undefined;
  }
  if (type === 'http') return typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'bearer' ? { header: 'authorization', prefix: 'Bearer ' } : undefined;
  // Both carry a bearer token once the caller has one.
  if (type === 'oauth2' || type === 'openidconnect') return { header: 'authorization', prefix: 'Bearer ' };
  return undefined;
}

/**
 * The header forms a spec's security schemes allow, by scheme name: the default for `auth.headers`
 * when the config sets none, so a client for an API that takes `X-API-Key` does not send a Bearer
 * token. Ordered like the spec: schemes of the top-level `security` requirements first (the first
 * one is the default form), then the other declared schemes, one per distinct header form (named
 * after the first scheme that has it). Schemes a key cannot use as a
 * header (HTTP basic, keys in the query or a cookie, `$ref`s) are skipped; undefined when none is
 * left, and the config's built-in Bearer default applies.
 */
export function authHeadersFromSpec(document: Json): Record<string, AuthHeader> | undefined {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const required = Array.isArray(document.security) ? document.security.filter(isObject).flatMap((requirement) => Object.keys(requirement)) : [];
  const out: Record<string, AuthHeader> = {};
  for (const name of [...required, ...Object.keys(schemes)]) {
    const scheme = schemes[name];
    if (name in out || !isObject(scheme)) continue;
    const header = headerOf(scheme);
    // One entry per distinct header form: OAuth 2 flows, OpenID Connect and bearer all send the same.
    if (header && !Object.values(out).some((h) => h.header === header.header && h.prefix === header.prefix)) out[name] = header;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

import { ClientError } from './errors.js';
import { mergeHeaders } from './headers.js';
import type { ApiSettings } from './settings.js';
import type { AuthQuery } from './transport.js';

/** Alternatives of an operation's security: each a list of auth form names sent together. */
export type Security = readonly (readonly string[])[];

/** What a request carries besides its own parameters: headers (credentials included) and query keys. */
export interface SentAuth {
  headers: Record<string, string>;
  query: readonly AuthQuery[] | undefined;
}

/** The credentials each call sends, decided from what its operation accepts. */
export interface AuthPlan {
  /** No credentials (an operation with `security: []`). */
  anon: SentAuth;
  /**
   * For an operation's own security list, or the API's (`undefined`). Throws a ClientError, before
   * anything is sent, when the client was built without a key (`apiKey: null`) and has no
   * credential for an operation that cannot be called without one.
   */
  sent(security: Security | undefined): SentAuth;
}

/**
 * @param credentials auth form name -> key (the `credentials` option, plus `apiKey`)
 * @param preferred the form of `apiKey` (the caller's `authHeader`), if the client has that key
 * @param defaults headers every request carries; `clientHeaders` (the option) beat them and the keys
 * @param noKey set when built with `apiKey: null`: the message of a call refused for want of a key
 */
export function createAuthPlan(
  settings: ApiSettings,
  credentials: ReadonlyMap<string, string>,
  preferred: string | undefined,
  defaults: Record<string, string>,
  clientHeaders: Record<string, string> | undefined,
  noKey?: string,
): AuthPlan {
  const anon: SentAuth = { headers: mergeHeaders([defaults, clientHeaders]), query: undefined };
  // The key that goes when an operation accepts none the client has, or the spec names none.
  const fallback = preferred ?? Object.keys(settings.auth.headers).find((name) => credentials.has(name));

  /** Adds the credential of form `name`, if the client has it, to a request's headers or query keys. */
  const add = (name: string, headers: Record<string, string>, query: AuthQuery[]): void => {
    const form = Object.hasOwn(settings.auth.headers, name) ? settings.auth.headers[name] : undefined;
    const key = credentials.get(name);
    if (form === undefined || key === undefined) return;
    if ('header' in form) headers[form.header] = `${form.prefix}${key}`;
    else query.push({ name: form.query, pair: `${encodeURIComponent(form.query)}=${encodeURIComponent(key)}` });
  };
  // Every header credential is checked now, so a bad one fails at construction, not on first use.
  for (const name of credentials.keys()) {
    const headers: Record<string, string> = {};
    add(name, headers, []);
    mergeHeaders([headers]);
  }

  /**
   * The caller's `apiKey` when it is one of the alternatives, else the first alternative the
   * client has every key of. When none fits: nothing if the operation may be called without
   * credentials (an empty alternative, the spec's `{}`), else the fallback, since specs often
   * under-declare security and the server's 401 says more than a refusal here would. Undefined:
   * refused, the client holds no credential at all (`apiKey: null`) and the operation needs one.
   */
  const build = (alternatives: Security | undefined): SentAuth | undefined => {
    const open = alternatives?.some((names) => names.length === 0) === true;
    if (noKey !== undefined && fallback === undefined && !open) return undefined;
    const chosen =
      alternatives?.find((names) => names.length === 1 && names[0] === preferred) ??
      alternatives?.find((names) => names.length > 0 && names.every((name) => credentials.has(name))) ??
      (fallback === undefined || open ? [] : [fallback]);
    const headers: Record<string, string> = {};
    const query: AuthQuery[] = [];
    for (const name of chosen) add(name, headers, query);
    if (Object.keys(headers).length === 0 && query.length === 0) return anon;
    // Validated once per list: a bad client-wide header already failed with `anon` above.
    return { headers: mergeHeaders([defaults, headers, clientHeaders]), query: query.length > 0 ? query : undefined };
  };

  // Most operations share the API's list: built once, up front. Their own lists on first use.
  const standard = build(settings.auth.security);
  const bySecurity = new Map<string, SentAuth | undefined>();
  const refuse = (sent: SentAuth | undefined): SentAuth => {
    if (sent === undefined) throw new ClientError(noKey);
    return sent;
  };
  return {
    anon,
    sent(security) {
      if (security === undefined) return refuse(standard);
      const id = JSON.stringify(security);
      if (!bySecurity.has(id)) bySecurity.set(id, build(security));
      return refuse(bySecurity.get(id));
    },
  };
}

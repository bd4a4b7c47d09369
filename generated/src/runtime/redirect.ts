// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/redirect.ts.
import type { DownloadHop } from './download-redirect.js';

/**
 * Redirect policy. Requests go out with `redirect: "manual"` and redirects are followed here,
 * because fetch's own "follow" mode re-sends every header except Authorization to whatever origin
 * the Location names: a key in `x-api-key` (or any custom credential header) would reach a third
 * party, and even a Bearer key would be re-sent over an https -> http downgrade on the same host.
 *
 * - Same origin (scheme, host and port all equal): followed, at most MAX_REDIRECTS hops per
 *   attempt, credentials kept. 303 turns any method but HEAD into a bodiless GET, and 301/302
 *   turn a POST into one (what fetch and browsers do); 307/308 keep method and body.
 * - Another origin, for a download (a file or text answer, `anonymous: true`; download-redirect.ts,
 *   bundled only by clients whose API has downloads): followed as a bodiless GET or HEAD over
 *   https (http only from a loopback API to loopback) carrying only ANONYMOUS_HEADERS and `accept: *\/*`: no credential of any kind, and none on later hops
 *   either. File APIs hand out downloads this way (a signed storage or CDN URL, GitHub's
 *   archives); the target learns nothing the Location did not already give it.
 * - Any other cross-origin redirect, an https -> http downgrade, a Location with user:password@
 *   or one that does not parse: refused. Nothing is sent to the target, and the attempt ends with
 *   an InvalidResponseError naming the target origin (never its path or query). A JSON API that
 *   redirects off its own host is almost always a wrong baseUrl or region, which the error says.
 * - In browsers a manual redirect is opaque (status 0, no Location), so its target cannot be
 *   checked; it is refused too.
 */

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

// Fetch's "request-body-header names": meaningless once the body is dropped.
const BODY_HEADERS: readonly string[] = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

export interface HopRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null;
}

export type RedirectDecision =
  | { kind: 'final' }
  /** `anonymous`: the hop leaves the API's origin, so the request carries no credentials from here on. */
  | { kind: 'follow'; request: HopRequest; anonymous?: true }
  | { kind: 'refuse'; reason: string };

/**
 * What to do with `response`, the answer to `request` after `hops` redirects already followed
 * in this attempt. Anything that is not a usable redirect is "final". `download`: set when the
 * call answers with a file or text, which may be handed out from another origin.
 */
export function decideRedirect(
  response: Response,
  request: HopRequest,
  hops: number,
  download?: DownloadHop,
): RedirectDecision {
  if (response.type === 'opaqueredirect') {
    return {
      kind: 'refuse',
      reason:
        `The server answered ${request.method} ${describe(request.url)} with a redirect, which is not followed ` +
        'here: in a browser its target is hidden from scripts, so it cannot be checked to stay on the API host.',
    };
  }
  if (!REDIRECT_STATUSES.has(response.status)) return { kind: 'final' };
  const location = response.headers.get('location');
  if (location === null) return { kind: 'final' };
  const what = `a redirect (HTTP ${response.status}) from ${describe(request.url)}`;

  let target: URL;
  try {
    target = new URL(location, request.url);
  } catch {
    return { kind: 'refuse', reason: `Refused to follow ${what}: its Location is not a valid URL.` };
  }
  const from = new URL(request.url);
  if (target.username !== '' || target.password !== '') {
    return { kind: 'refuse', reason: `Refused to follow ${what}: its Location embeds credentials.` };
  }
  const crossOrigin = target.origin !== from.origin;
  if (crossOrigin && !download) {
    return {
      kind: 'refuse',
      reason:
        `Refused to follow ${what} to another origin, ${target.origin}: the API key is only ever sent to ` +
        `${from.origin}. Check the baseUrl or region.`,
    };
  }
  if (hops >= MAX_REDIRECTS) {
    return { kind: 'refuse', reason: `Refused to follow ${what}: more than ${MAX_REDIRECTS} redirects in a row.` };
  }

  target.hash = '';
  const toGet =
    (response.status === 303 && request.method !== 'GET' && request.method !== 'HEAD') ||
    ((response.status === 301 || response.status === 302) && request.method === 'POST');
  const method = toGet ? 'GET' : request.method;
  if (crossOrigin && download) return download(target, from, request, method, what);
  if (!toGet) return { kind: 'follow', request: { ...request, url: target.href } };
  const headers = { ...request.headers };
  for (const name of BODY_HEADERS) delete headers[name];
  return { kind: 'follow', request: { url: target.href, method, headers, body: null } };
}

/** Origin and path only: a query string is not needed to place the redirect and may be long. */
function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

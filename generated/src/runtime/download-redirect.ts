// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/download-redirect.ts.
import type { HopRequest, RedirectDecision } from './redirect.js';
import { isLoopbackHost } from './url.js';

/**
 * The hop of a download (a file or text answer) to another origin: see redirect.ts. A module of
 * its own so a client whose API has no downloads never bundles it (settings.downloadHop).
 */
export type DownloadHop = (
  target: URL,
  from: URL,
  request: HopRequest,
  method: string,
  what: string,
) => RedirectDecision;

/**
 * The only headers a download takes to another origin: nothing in them identifies the caller.
 * The range and conditional headers keep a partial or resumed download partial.
 */
const ANONYMOUS_HEADERS: readonly string[] = [
  'user-agent',
  'range',
  'if-range',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
];

export const downloadHop: DownloadHop = (target, from, request, method, what) => {
  // Plain http only between loopback hosts (tests, local servers): a remote API must not be able
  // to point the client at a service on the caller's own machine.
  if (target.protocol !== 'https:' && !(isLoopbackHost(target.hostname) && isLoopbackHost(from.hostname))) {
    return {
      kind: 'refuse',
      reason: `Refused to follow ${what} to ${target.origin}: downloads leave the API's host only over https.`,
    };
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return {
      kind: 'refuse',
      reason: `Refused to follow ${what} to another origin, ${target.origin}: it would re-send a ${method} body there.`,
    };
  }
  // Any media type: the client's `accept: application/json` default means nothing to a file host.
  const headers: Record<string, string> = { accept: '*/*' };
  for (const [name, value] of Object.entries(request.headers)) {
    if (ANONYMOUS_HEADERS.includes(name.toLowerCase())) headers[name] = value;
  }
  return { kind: 'follow', request: { url: target.href, method, headers, body: null }, anonymous: true };
};

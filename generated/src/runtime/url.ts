// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/url.ts.
import { ClientError } from './errors.js';
import { serializeQuery, type QueryStyle, type QueryStyler } from './query.js';

/** Hosts where plain http cannot leak the key off the machine. */
export function isLoopbackHost(hostname: string): boolean {
  // URL has already normalised IPv4 shorthands (127.1, 0x7f.0.0.1) and IPv6 spellings.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Validates a base URL and returns it without trailing slashes, ready for `path` to be
 * appended. A path prefix (e.g. behind a gateway) is kept. Plain http is refused except on
 * loopback, because the API key travels in a header.
 */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ClientError(`Invalid baseUrl "${raw}": not an absolute URL`);
  }
  // Do not echo the URL when it embeds credentials.
  if (url.username !== '' || url.password !== '') {
    throw new ClientError('Invalid baseUrl: it must not contain credentials (user:password@)');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ClientError(`Invalid baseUrl "${raw}": it must not contain a query string or fragment`);
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new ClientError(
        `Refusing plain http baseUrl "${raw}": the API key would be sent unencrypted. Use https:// (http is allowed only for localhost, 127.0.0.0/8 and ::1)`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new ClientError(`Invalid baseUrl "${raw}": only https:// (or http:// on loopback) is supported`);
  }
  return url.href.replace(/\/+$/, '');
}

/** base + already-encoded path + serialised query. */
export function buildUrl(
  baseUrl: string,
  path: string,
  query: object | undefined,
  styles?: Readonly<Record<string, QueryStyle>>,
  styled?: QueryStyler,
): string {
  if (!path.startsWith('/')) throw new ClientError(`Request path must start with "/": ${path}`);
  const qs = serializeQuery(query, styles, styled);
  return qs === '' ? baseUrl + path : `${baseUrl}${path}?${qs}`;
}

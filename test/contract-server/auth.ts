/**
 * API-key authentication: Authorization: Bearer <key> or x-api-key: <key>; a non-empty Authorization header
 * wins when both are present. Every failure is the same 401 INVALID_API_KEY to the client.
 */

import type { IncomingHttpHeaders } from 'node:http';
import type { Region } from './types.js';
import type { KeyRecord } from './keys.js';
import { KEY_PATTERN, lookupKey } from './keys.js';

export type AuthVia = 'bearer' | 'x-api-key';
export type AuthFailure = 'missing' | 'malformed' | 'unknown' | 'wrong-region';

export type AuthOutcome =
  | { readonly ok: true; readonly via: AuthVia; readonly record: KeyRecord; readonly rateLimitBucket: string }
  | { readonly ok: false; readonly via: AuthVia | null; readonly reason: AuthFailure };

export const INVALID_API_KEY_MESSAGE = 'The API key is missing, malformed or unknown.';

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text.trim() === '' ? undefined : text;
}

export function authenticate(headers: IncomingHttpHeaders, region: Region): AuthOutcome {
  const authorization = single(headers.authorization);
  const apiKeyHeader = single(headers['x-api-key']);
  let via: AuthVia;
  let key: string;
  let rateLimitBucket: string;
  if (authorization !== undefined) {
    via = 'bearer';
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (match?.[1] === undefined) return { ok: false, via, reason: 'malformed' };
    key = match[1];
    rateLimitBucket = `authorization:${authorization}`;
  } else if (apiKeyHeader !== undefined) {
    via = 'x-api-key';
    key = apiKeyHeader.trim();
    rateLimitBucket = '';
  } else {
    return { ok: false, via: null, reason: 'missing' };
  }
  if (!KEY_PATTERN.test(key)) return { ok: false, via, reason: 'malformed' };
  const record = lookupKey(key);
  if (record === undefined) return { ok: false, via, reason: 'unknown' };
  if (record.region !== region) return { ok: false, via, reason: 'wrong-region' };
  // x-api-key traffic shares one edge bucket per tier [doc].
  if (via === 'x-api-key') rateLimitBucket = `x-api-key:${record.tier}`;
  return { ok: true, via, record, rateLimitBucket };
}

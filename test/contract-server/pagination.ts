/**
 * Cursor pagination: opaque cursors bound to an endpoint scope and its filters, pageSize default/min/clamp,
 * and the last-page nextCursor convention.
 */

import type { LastPageCursor, Tier } from './types.js';
import { TIER_MAX_PAGE_SIZE } from './types.js';
import type { ListResponse, Pagination } from './wire.js';
import { ApiError } from './errors.js';
import { readInt32, readString } from './params.js';
import { hash32 } from './prng.js';

export interface PageContext {
  readonly tier: Tier;
  readonly lastPageCursor: LastPageCursor;
  /** Fault: answer with a page whose nextCursor repeats the given cursor (hasMore stays true). */
  readonly repeatCursor: boolean;
}

/**
 * Where a cursor is valid: the endpoint (incl. path ids), a canonical string of the filters (so a cursor
 * replayed with different filters is rejected), and the encoding (it differs per endpoint, as the docs warn).
 */
export interface CursorScope {
  readonly endpoint: string;
  readonly filters: string;
  readonly encoding: 'base64url' | 'hex';
}

const ENCODED: Readonly<Record<CursorScope['encoding'], RegExp>> = {
  base64url: /^[A-Za-z0-9_-]+$/,
  hex: /^(?:[0-9a-f]{2})+$/,
};

function invalidCursor(message: string): ApiError {
  return new ApiError(400, 'INVALID_CURSOR', message, { field: 'cursor' });
}

function tag(text: string): string {
  return hash32(text).toString(36);
}

export function encodeCursor(scope: CursorScope, offset: number): string {
  const body = `${offset}.${tag(scope.endpoint)}.${tag(scope.filters)}`;
  return Buffer.from(`${body}.${tag(body)}`, 'utf8').toString(scope.encoding);
}

/** Returns the offset a cursor points at, or throws INVALID_CURSOR. */
export function decodeCursor(cursor: string, scope: CursorScope, total: number): number {
  const foreign = invalidCursor('cursor was not issued by this endpoint');
  if (!ENCODED[scope.encoding].test(cursor)) throw foreign;
  const parts = Buffer.from(cursor, scope.encoding).toString('utf8').split('.');
  const [offsetText = '', endpointTag, filtersTag, check] = parts;
  if (parts.length !== 4 || !/^\d{1,9}$/.test(offsetText) || endpointTag !== tag(scope.endpoint)) throw foreign;
  if (filtersTag !== tag(scope.filters)) {
    throw invalidCursor('cursor was issued for different filters; repeat the same filters on every page');
  }
  if (check !== tag(`${offsetText}.${endpointTag}.${filtersTag}`)) throw invalidCursor('cursor is corrupted');
  const offset = Number(offsetText);
  if (offset > total) throw invalidCursor('cursor is past the end of the collection');
  return offset;
}

/** pageSize: integer >= 1 (else VALIDATION_ERROR), default per endpoint, silently clamped to the tier max. */
export function readPageSize(query: URLSearchParams, tier: Tier, defaultSize: number): number {
  const requested = readInt32(query, 'pageSize', 1) ?? defaultSize;
  return Math.min(requested, TIER_MAX_PAGE_SIZE[tier]);
}

/** The pagination block of a last page, in the server's nextCursor convention. */
export function lastPage(mode: LastPageCursor, limit: number): Pagination {
  if (mode === 'empty') return { nextCursor: '', hasMore: false, limit };
  if (mode === 'null') return { nextCursor: null, hasMore: false, limit };
  return { hasMore: false, limit };
}

export function paginate<T>(
  items: readonly T[],
  query: URLSearchParams,
  page: PageContext,
  scope: CursorScope,
  defaultSize: number,
): ListResponse<T> {
  const limit = readPageSize(query, page.tier, defaultSize);
  const cursor = readString(query, 'cursor');
  const offset = cursor === undefined ? 0 : decodeCursor(cursor, scope, items.length);
  const data = items.slice(offset, offset + limit);
  const end = offset + data.length;
  if (page.repeatCursor) {
    return { data, pagination: { nextCursor: cursor ?? encodeCursor(scope, offset), hasMore: true, limit } };
  }
  if (end < items.length) return { data, pagination: { nextCursor: encodeCursor(scope, end), hasMore: true, limit } };
  return { data, pagination: lastPage(page.lastPageCursor, limit) };
}

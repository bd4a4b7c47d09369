import { getPath } from './pagination.js';
import type { RequestSpec } from './request-spec.js';

/** The data each pagination style's generated constant holds (one shape per style), and helpers to read a request's position. */

/** What every style has: where the items are, and an optional "more pages" flag. */
interface PagingCommon {
  /** Path to the items array, e.g. ["data"] ([] when the body is the array). */
  itemsPath: readonly string[];
  /** Path to an explicit "more pages" flag, e.g. ["pagination", "hasMore"]; `false` ends a walk. */
  hasMorePath?: readonly string[];
  /** Query parameter that sets the page size (documentation and tools only). */
  pageSizeParam?: string;
}

/** The response names the next cursor (or the last item's id is the next cursor). */
export interface CursorPaging extends PagingCommon {
  /** Absent means "cursor". */
  style?: 'cursor';
  /** Query parameter that carries the cursor. */
  cursorParam: string;
  /** Path to the next cursor, e.g. ["pagination", "nextCursor"]. */
  nextCursorPath?: readonly string[];
  /** Path inside the last item whose value is the next cursor (Stripe's `starting_after` = last id). */
  itemCursorPath?: readonly string[];
  /** Path to the whole pagination object, exposed as `page.pagination`. */
  paginationPath?: readonly string[];
}

/** The next offset is this offset plus the items received. */
export interface OffsetPaging extends PagingCommon {
  style: 'offset';
  /** Query parameter that carries the offset. */
  offsetParam: string;
  /** Path to the total item count, when the API reports it (the walk stops there). */
  totalPath?: readonly string[];
}

/** The next page number is this one plus one. */
export interface PageNumberPaging extends PagingCommon {
  style: 'page';
  /** Query parameter that carries the page number. */
  pageParam: string;
  /** The number of the first page (default 1). */
  firstPage?: number;
  /** Path to the total item count; with `pageSizeParam` (or a full page) it says when to stop. */
  totalPath?: readonly string[];
  /** Path to the total number of pages. */
  totalPagesPath?: readonly string[];
}

/** RFC 8288: the response's `Link` header names the next page's URL (`rel="next"`). */
export interface LinkPaging extends PagingCommon {
  style: 'link';
}

/** Where a paginated response keeps its parts; decided by the generator from the spec. */
export type PagingSpec = CursorPaging | OffsetPaging | PageNumberPaging | LinkPaging;

/** The style names, as `PagingSpec.style` spells them ("cursor" when absent). */
export type PagingStyleName = NonNullable<PagingSpec['style']>;

/** A query parameter of the request, as a non-negative integer position (resume), if it is one. */
export function integerParam(spec: RequestSpec, name: string): number | undefined {
  const raw = spec.query === undefined ? undefined : getPath(spec.query, [name]);
  const text = typeof raw === 'number' ? String(raw) : raw;
  return typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The call's request with one query parameter set to the page's position. */
export function withQuery(spec: RequestSpec, name: string, value: string | number): RequestSpec {
  return { ...spec, query: { ...spec.query, [name]: value } };
}

import type { PaginationStyleConfig } from '../config.js';
import { words } from './naming.js';
import { isArraySchema, schemaAtPath } from './schema-paths.js';
import type { RefResolver } from './refs.js';
import type { PagingIR, ParameterIR } from './types.js';

const splitPath = (dotted: string): string[] => dotted.split('.').filter(Boolean);

/** One paging constant per configured style, shared by every operation that uses it. */
export function pagingFromStyle(style: PaginationStyleConfig): PagingIR {
  const paging: PagingIR = {
    constName: `${words(style.name).map((w) => w.toUpperCase()).join('_') || 'CURSOR'}_PAGING`,
    style: style.style,
    cursorParam: style.cursorParam,
    itemsPath: splitPath(style.items),
    nextCursorPath: style.nextCursor ? splitPath(style.nextCursor) : [],
  };
  if (paging.nextCursorPath.length > 1) paging.paginationPath = paging.nextCursorPath.slice(0, -1);
  if (style.pageSizeParam) paging.pageSizeParam = style.pageSizeParam;
  if (style.hasMore) paging.hasMorePath = splitPath(style.hasMore);
  if (style.total) paging.totalPath = splitPath(style.total);
  if (style.firstPage !== undefined) paging.firstPage = style.firstPage;
  return paging;
}

/**
 * An operation is paginated in a style when it takes the style's position parameter (cursor,
 * offset or page) as a query parameter AND its success body has an array at the items path (and,
 * for cursors, a field at the next-cursor path). Both sides must match: a `cursor` parameter
 * alone is not enough to promise auto-pagination.
 */
export function detectPaging(
  resolver: RefResolver,
  styles: readonly PaginationStyleConfig[],
  params: readonly ParameterIR[],
  responseSchema: unknown,
  pointer: string,
): PaginationStyleConfig | undefined {
  if (responseSchema === undefined) return undefined;
  return styles.find((style) => {
    if (!params.some((p) => p.in === 'query' && p.name === style.cursorParam)) return false;
    const itemsPath = splitPath(style.items);
    const items = itemsPath.length === 0 ? responseSchema : schemaAtPath(resolver, responseSchema, pointer, itemsPath);
    if (items === undefined || !isArraySchema(resolver, items, pointer)) return false;
    const present = (path: string | undefined) => path === undefined || schemaAtPath(resolver, responseSchema, pointer, splitPath(path)) !== undefined;
    // Optional fields (hasMore, total) are read when present; only the cursor must exist.
    return style.style !== 'cursor' || (style.nextCursor !== undefined && present(style.nextCursor));
  });
}

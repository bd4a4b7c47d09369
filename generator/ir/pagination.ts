import type { PaginationStyleConfig } from '../config.js';
import { camelCase } from './naming.js';
import { isArraySchema, schemaAtPath } from './schema-paths.js';
import type { RefResolver } from './refs.js';
import type { PagingIR, ParameterIR } from './types.js';

const splitPath = (dotted: string): string[] => dotted.split('.').filter(Boolean);

/** One paging constant per configured style, shared by every operation that uses it. */
export function pagingFromStyle(style: PaginationStyleConfig): PagingIR {
  const nextCursorPath = splitPath(style.nextCursor);
  const paging: PagingIR = {
    constName: `${camelCase(style.name).toUpperCase() || 'CURSOR'}_PAGING`,
    style: style.style,
    cursorParam: style.cursorParam,
    itemsPath: splitPath(style.items),
    nextCursorPath,
  };
  if (style.pageSizeParam) paging.pageSizeParam = style.pageSizeParam;
  if (style.hasMore) paging.hasMorePath = splitPath(style.hasMore);
  if (nextCursorPath.length > 1) paging.paginationPath = nextCursorPath.slice(0, -1);
  return paging;
}

/**
 * An operation is paginated in a style when it takes the style's cursor as a query parameter AND
 * its success body has an array at the items path and a field at the next-cursor path (and at
 * the has-more path when the style names one). Both sides must match: a `cursor` parameter alone
 * is not enough to promise auto-pagination.
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
    const items = schemaAtPath(resolver, responseSchema, pointer, splitPath(style.items));
    if (items === undefined || !isArraySchema(resolver, items, pointer)) return false;
    if (schemaAtPath(resolver, responseSchema, pointer, splitPath(style.nextCursor)) === undefined) return false;
    return style.hasMore === undefined || schemaAtPath(resolver, responseSchema, pointer, splitPath(style.hasMore)) !== undefined;
  });
}

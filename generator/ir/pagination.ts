import type { PaginationStyleConfig } from '../config.js';
import { words } from './naming.js';
import { isObject, type JsonObject } from '../schema/json.js';
import type { RefResolver } from '../schema/resolve.js';
import { isArraySchema, propertiesOf, schemaAtPath, typesOf, type Located } from '../schema/view.js';
import type { PagingIR, ParameterIR } from './types.js';

/*
 * Which operations auto-paginate, and how. With `pagination:` in the config only the styles it
 * names apply; without it the style is detected from the spec by the conventions below, one
 * per style (docs/config.md lists them). Both sides must match: a `cursor` parameter alone is
 * not enough to promise auto-pagination.
 */

const splitPath = (dotted: string): string[] => dotted.split('.').filter(Boolean);

/** A PagingIR before it is named (detection and config both produce these). */
type PagingShape = Omit<PagingIR, 'constName'>;

/** What detection reads of one operation. */
export interface PagingInput {
  resolver: RefResolver;
  params: readonly ParameterIR[];
  /** The success body's schema, if JSON. */
  schema: unknown;
  /** The success response object (for its declared headers). */
  response: unknown;
  pointer: string;
}

/** The shape a configured style gives an operation, when the operation fits it. */
function fromConfig(style: PaginationStyleConfig, input: PagingInput): PagingShape | undefined {
  const { resolver, schema, pointer } = input;
  const takes = (name: string | undefined) => name === undefined || hasQuery(input.params, name);
  if (!takes(style.param) || (style.style === 'link' && style.param === undefined && !declaresLink(input))) return undefined;
  const itemsPath = splitPath(style.items);
  const items = itemsPath.length === 0 ? schema : schemaAtPath(resolver, schema, pointer, itemsPath);
  if (items === undefined || !isArraySchema(resolver, items, pointer)) return undefined;
  // Optional fields (hasMore, total) are read when present; only the next cursor must exist.
  if (style.style === 'cursor' && style.nextCursor !== undefined && schemaAtPath(resolver, schema, pointer, splitPath(style.nextCursor)) === undefined) return undefined;
  const shape: PagingShape = { style: style.style, itemsPath };
  if (style.param !== undefined && style.style !== 'link') shape.positionParam = style.param;
  if (style.pageSizeParam) shape.pageSizeParam = style.pageSizeParam;
  if (style.nextCursor) shape.nextCursorPath = splitPath(style.nextCursor);
  if (style.itemCursor) shape.itemCursorPath = splitPath(style.itemCursor);
  if (shape.nextCursorPath && shape.nextCursorPath.length > 1) shape.paginationPath = shape.nextCursorPath.slice(0, -1);
  if (style.hasMore) shape.hasMorePath = splitPath(style.hasMore);
  if (style.total) shape.totalPath = splitPath(style.total);
  if (style.totalPages) shape.totalPagesPath = splitPath(style.totalPages);
  if (style.firstPage !== undefined) shape.firstPage = style.firstPage;
  return shape;
}

const hasQuery = (params: readonly ParameterIR[], name: string) => params.some((p) => p.in === 'query' && p.name === name);
const firstQuery = (params: readonly ParameterIR[], names: readonly string[]) => names.find((n) => hasQuery(params, n));

// The names detection recognises, most common spelling first.
const CURSOR_PARAMS = ['cursor', 'after', 'page_token', 'pageToken', 'next_token', 'nextToken', 'continuation_token', 'continuationToken'];
const NEXT_CURSOR_FIELDS = ['nextCursor', 'next_cursor', 'nextPageToken', 'next_page_token', 'nextToken', 'next_token', 'endCursor', 'end_cursor'];
const HAS_MORE_FIELDS = ['hasMore', 'has_more', 'hasNextPage', 'has_next_page'];
const PAGE_SIZE_PARAMS = ['pageSize', 'page_size', 'per_page', 'perPage', 'limit', 'size', 'count'];
const PAGE_PARAMS = ['page', 'page_number', 'pageNumber'];
const OFFSET_PARAMS = ['offset', 'skip'];
const TOTAL_FIELDS = ['total', 'total_count', 'totalCount', 'totalResults', 'total_results', 'count'];
const TOTAL_PAGES_FIELDS = ['total_pages', 'totalPages', 'pageCount', 'page_count'];
const ITEMS_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values'];
/** Query parameters a list paginated by `Link` headers takes (at least one). */
const LINK_LIST_PARAMS = ['page', 'per_page', 'perPage', 'cursor', 'after', 'before', 'since', 'limit'];

/** The items array: the body itself, a conventionally named array property, or the only one. */
function itemsPathOf(input: PagingInput): string[] | undefined {
  const { resolver, schema, pointer } = input;
  if (isArraySchema(resolver, schema, pointer)) return [];
  const props = propertiesOf(resolver, schema, pointer);
  const arrays = [...props].filter(([, s]) => isArraySchema(resolver, s.node, s.pointer)).map(([k]) => k);
  const named = ITEMS_FIELDS.find((n) => arrays.includes(n));
  if (named !== undefined) return [named];
  return arrays.length === 1 ? [arrays[0]!] : undefined;
}

/** The path of the first field named in `names` with a type in `types`, at the top level or one object down. */
function findField(input: PagingInput, names: readonly string[], types: readonly string[]): string[] | undefined {
  const { resolver, schema, pointer } = input;
  const top = propertiesOf(resolver, schema, pointer);
  const fits = (s: Located | undefined) => s !== undefined && [...typesOf(resolver, s.node, s.pointer)].some((t) => types.includes(t));
  for (const name of names) if (fits(top.get(name))) return [name];
  for (const [parent, s] of top) {
    if (!typesOf(resolver, s.node, s.pointer).has('object')) continue;
    const inner = propertiesOf(resolver, s.node, s.pointer);
    for (const name of names) if (fits(inner.get(name))) return [parent, name];
  }
  return undefined;
}

/** Whether the success response declares an RFC 8288 `Link` header. */
function declaresLink(input: PagingInput): boolean {
  const { value } = input.resolver.deref(input.response, input.pointer);
  const headers = isObject(value) ? (value as JsonObject).headers : undefined;
  return isObject(headers) && Object.keys(headers).some((h) => h.toLowerCase() === 'link');
}

/** The style the spec itself shows, by the conventions above; undefined when it shows none. */
function detect(input: PagingInput): PagingShape | undefined {
  const { params } = input;
  const itemsPath = itemsPathOf(input);
  if (itemsPath === undefined) return undefined;
  const pageSizeParam = firstQuery(params, PAGE_SIZE_PARAMS);
  const size = pageSizeParam === undefined ? {} : { pageSizeParam };
  const number = ['integer', 'number'];
  if (declaresLink(input) && firstQuery(params, LINK_LIST_PARAMS) !== undefined) return { style: 'link', itemsPath, ...size };
  // Stripe: `has_more` beside `data`, and the next page starts after the last item's id.
  if (hasQuery(params, 'starting_after') && itemsPath.length === 1 && findField(input, HAS_MORE_FIELDS, ['boolean'])?.length === 1) {
    const hasMorePath = findField(input, HAS_MORE_FIELDS, ['boolean'])!;
    return { style: 'cursor', positionParam: 'starting_after', itemsPath, itemCursorPath: ['id'], hasMorePath, ...size };
  }
  const cursorParam = firstQuery(params, CURSOR_PARAMS);
  const nextCursorPath = cursorParam === undefined ? undefined : findField(input, NEXT_CURSOR_FIELDS, ['string']);
  if (cursorParam !== undefined && nextCursorPath !== undefined) {
    const shape: PagingShape = { style: 'cursor', positionParam: cursorParam, itemsPath, nextCursorPath, ...size };
    const parent = nextCursorPath.slice(0, -1);
    const hasMore = findField(input, HAS_MORE_FIELDS, ['boolean']);
    if (hasMore !== undefined) shape.hasMorePath = hasMore;
    if (parent.length > 0) shape.paginationPath = parent;
    return shape;
  }
  const total = findField(input, TOTAL_FIELDS, number);
  const offsetParam = firstQuery(params, OFFSET_PARAMS);
  if (offsetParam !== undefined) return { style: 'offset', positionParam: offsetParam, itemsPath, ...size, ...(total ? { totalPath: total } : {}) };
  const pageParam = firstQuery(params, PAGE_PARAMS);
  if (pageParam !== undefined) {
    const pages = findField(input, TOTAL_PAGES_FIELDS, number);
    return { style: 'page', positionParam: pageParam, itemsPath, firstPage: 1, ...size, ...(pages ? { totalPagesPath: pages } : total ? { totalPath: total } : {}) };
  }
  return undefined;
}

const CONST_BY_STYLE: Record<PagingIR['style'], string> = { cursor: 'CURSOR', offset: 'OFFSET', page: 'PAGE_NUMBER', link: 'LINK' };

/**
 * The paging of one operation, or undefined. Operations with the same shape share one constant
 * (kept in `byShape`), named after the configured style, or after the detected style
 * (`CURSOR_PAGING`, `OFFSET_PAGING`, `PAGE_NUMBER_PAGING`, `LINK_PAGING`, then `_2`…).
 */
export function pagingFor(
  styles: readonly PaginationStyleConfig[] | undefined,
  input: PagingInput,
  byShape: Map<string, PagingIR>,
): PagingIR | undefined {
  if (input.schema === undefined) return undefined;
  let shape: PagingShape | undefined;
  let base: string | undefined;
  if (styles === undefined) {
    shape = detect(input);
    if (shape) base = CONST_BY_STYLE[shape.style];
  } else {
    for (const style of styles) {
      shape = fromConfig(style, input);
      if (shape) {
        base = words(style.name).map((w) => w.toUpperCase()).join('_') || CONST_BY_STYLE[style.style];
        break;
      }
    }
  }
  if (shape === undefined || base === undefined) return undefined;
  const key = JSON.stringify([base, shape]);
  const known = byShape.get(key);
  if (known) return known;
  const taken = new Set([...byShape.values()].map((p) => p.constName));
  let constName = `${base}_PAGING`;
  for (let i = 2; taken.has(constName); i++) constName = `${base}_PAGING_${i}`;
  const paging: PagingIR = { constName, ...shape };
  byShape.set(key, paging);
  return paging;
}

/**
 * The runtime's `PagingSpec` for a style (templates/runtime/pagination.ts), as plain data; with
 * `withPageSize`, the page-size parameter too (the MCP server's binding re-cuts pages with it).
 */
export function runtimePagingSpec(p: PagingIR, withPageSize = false): Record<string, unknown> {
  const param = p.positionParam;
  const position =
    p.style === 'cursor' ? { cursorParam: param } : p.style === 'offset' ? { offsetParam: param } : p.style === 'page' ? { pageParam: param } : {};
  return {
    // Cursor is the default style, so the constant of a cursor API reads as before.
    ...(p.style !== 'cursor' ? { style: p.style } : {}),
    ...position,
    ...(withPageSize && p.pageSizeParam !== undefined ? { pageSizeParam: p.pageSizeParam } : {}),
    itemsPath: p.itemsPath,
    ...(p.nextCursorPath ? { nextCursorPath: p.nextCursorPath } : {}),
    ...(p.itemCursorPath ? { itemCursorPath: p.itemCursorPath } : {}),
    ...(p.hasMorePath ? { hasMorePath: p.hasMorePath } : {}),
    ...(p.paginationPath ? { paginationPath: p.paginationPath } : {}),
    ...(p.totalPath ? { totalPath: p.totalPath } : {}),
    ...(p.totalPagesPath ? { totalPagesPath: p.totalPagesPath } : {}),
    ...(p.firstPage !== undefined ? { firstPage: p.firstPage } : {}),
  };
}

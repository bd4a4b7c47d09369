// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/paging-cursor.ts.
import { AbstractPage, getPath, type PageInit, type PageSource, type PageStyle } from './pagination.js';
import { withQuery, type CursorPaging } from './paging-spec.js';

/**
 * The next cursor: named by the body (a string only: anything else ends the walk), or the last
 * item's id (Stripe's `starting_after`), where a numeric id is sent as its decimal text.
 */
function nextCursorOf(body: unknown, paging: CursorPaging, items: readonly unknown[]): string | undefined {
  if (paging.itemCursorPath !== undefined) {
    const id = items.length === 0 ? undefined : getPath(items[items.length - 1], paging.itemCursorPath);
    return typeof id === 'number' ? String(id) : typeof id === 'string' && id !== '' ? id : undefined;
  }
  const next = getPath(body, paging.nextCursorPath ?? []);
  return typeof next === 'string' && next !== '' ? next : undefined;
}

/** One page of a cursor-paginated list. */
export class Page<TBody, TItem> extends AbstractPage<TBody, TItem, string> {
  /** The pagination object of the body, as sent by the server. */
  readonly pagination: unknown;
  protected readonly positionName = 'cursor';

  /** @internal Pages come from list calls. */
  constructor(init: PageInit<TBody, CursorPaging, string>, source: PageSource<string>) {
    super(init, (items) => nextCursorOf(init.body, init.paging, items), source);
    const { paging, body } = init;
    this.pagination = paging.paginationPath === undefined ? undefined : getPath(body, paging.paginationPath);
  }

  /** Save this to resume later: pass it back as the cursor parameter. */
  get nextCursor(): string | undefined {
    return this.nextPosition;
  }

  /** The cursor that requested this page (undefined for the first page). */
  get cursor(): string | undefined {
    return this.position;
  }
}

/** Cursor pagination: the position is the server's opaque cursor string. */
export const cursorStyle: PageStyle<CursorPaging, string> = {
  start(paging, spec) {
    const given = spec.query === undefined ? undefined : getPath(spec.query, [paging.cursorParam]);
    return (typeof given === 'string' && given !== '') || typeof given === 'number' ? String(given) : undefined;
  },
  request: (paging, spec, cursor) => withQuery(spec, paging.cursorParam, cursor),
  page: <TBody, TItem>(init: PageInit<TBody, CursorPaging, string>, source: PageSource<string>) =>
    new Page<TBody, TItem>(init, source),
};

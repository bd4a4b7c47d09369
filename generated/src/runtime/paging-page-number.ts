// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/paging-page-number.ts.
import { AbstractPage, getPath, type PageInit, type PageSource, type PageStyle } from './pagination.js';
import { integerParam, withQuery, type PageNumberPaging } from './paging-spec.js';

/** Whether a total (of items, or of pages) says this page is the last one. */
function isLast(init: PageInit<unknown, PageNumberPaging, number>, page: number, received: number): boolean {
  const { paging, body, spec } = init;
  const first = paging.firstPage ?? 1;
  const pages = paging.totalPagesPath === undefined ? undefined : getPath(body, paging.totalPagesPath);
  if (typeof pages === 'number') return page - first + 1 >= pages;
  const total = paging.totalPath === undefined ? undefined : getPath(body, paging.totalPath);
  if (typeof total !== 'number') return false;
  // Items before this page: the requested page size if known, else this page's own length.
  const size = (paging.pageSizeParam === undefined ? undefined : integerParam(spec, paging.pageSizeParam)) ?? received;
  return (page - first) * size + received >= total;
}

/** One page of a page-numbered list; positions are page numbers. */
export class PageNumberPage<TBody, TItem> extends AbstractPage<TBody, TItem, number> {
  /** The number of this page. */
  readonly pageNumber: number;
  protected readonly positionName = 'page number';

  /** @internal Pages come from list calls. */
  constructor(init: PageInit<TBody, PageNumberPaging, number>, source: PageSource<number>) {
    const pageNumber = init.position ?? integerParam(init.spec, init.paging.pageParam) ?? init.paging.firstPage ?? 1;
    super(init, (items) => (isLast(init, pageNumber, items.length) ? undefined : pageNumber + 1), source);
    this.pageNumber = pageNumber;
  }

  /** The number of the next page; pass it back as the page parameter to resume. */
  get nextPageNumber(): number | undefined {
    return this.nextPosition;
  }
}

/** Page-number pagination: the next page is this page plus one, until a total or an empty page. */
export const pageNumberStyle: PageStyle<PageNumberPaging, number> = {
  start: (paging, spec) => integerParam(spec, paging.pageParam),
  request: (paging, spec, page) => withQuery(spec, paging.pageParam, page),
  page: <TBody, TItem>(init: PageInit<TBody, PageNumberPaging, number>, source: PageSource<number>) =>
    new PageNumberPage<TBody, TItem>(init, source),
};

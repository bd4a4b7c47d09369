import type { ApiIR, PagingIR } from '../ir/types.js';

/** Where each pagination style lives in the runtime: its module, its style object and its page class. */
export const PAGING_RUNTIME: Record<PagingIR['style'], { module: string; style: string; page: string }> = {
  cursor: { module: 'paging-cursor', style: 'cursorStyle', page: 'Page' },
  offset: { module: 'paging-offset', style: 'offsetStyle', page: 'OffsetPage' },
  page: { module: 'paging-page-number', style: 'pageNumberStyle', page: 'PageNumberPage' },
  link: { module: 'paging-link', style: 'linkStyle', page: 'LinkPage' },
};

/** The styles an API's operations use, in a fixed order, so only those are imported. */
export function stylesUsed(ir: ApiIR): PagingIR['style'][] {
  const used = new Set(ir.pagingStyles.map((p) => p.style));
  return (Object.keys(PAGING_RUNTIME) as PagingIR['style'][]).filter((s) => used.has(s));
}

/** The page type a paginated operation's promise carries (`PagePromise<R, I, OffsetPage<R, I>>`), as the third type argument; none for cursor, the default. */
export function pageTypeArgument(paging: PagingIR, response: string, item: string): string[] {
  return paging.style === 'cursor' ? [] : [`${PAGING_RUNTIME[paging.style].page}<${response}, ${item}>`];
}

/** The README's words for each pagination style: its name, its next position and what ends a walk. */
import type { PagingIR } from '../../../ir/types.js';
import { dotted } from '../markdown.js';

/**
 * How the README names each pagination style and its next position. `position`: the page's own
 * field that says where it is, logged in the first-page example.
 */
export const PAGING_TEXT: Record<PagingIR['style'], { paginated: string; next: string; type: string; noun: string; position?: string }> = {
  cursor: { paginated: 'cursor-paginated', next: 'nextCursor', type: 'string', noun: 'cursor', position: 'pagination' },
  offset: { paginated: 'offset-paginated', next: 'nextOffset', type: 'number', noun: 'offset', position: 'offset' },
  page: { paginated: 'page-numbered', next: 'nextPageNumber', type: 'number', noun: 'page number', position: 'pageNumber' },
  link: { paginated: 'paginated by `Link` headers', next: 'nextUrl', type: 'string', noun: 'URL' },
};

/** How a style finds the next page, in one sentence. */
export function pagingHow(paging: PagingIR): string {
  // Never an empty code span: a style without a position parameter (link) does not print one.
  const param = paging.positionParam ? `\`${paging.positionParam}\`` : 'the position parameter';
  switch (paging.style) {
    case 'cursor':
      return paging.itemCursorPath
        ? `the next page starts after the last item: its ${dotted(paging.itemCursorPath)} is sent as ${param}`
        : `each page names the next cursor${paging.nextCursorPath?.length ? ` in ${dotted(paging.nextCursorPath)}` : ''}, sent back as ${param}`;
    case 'offset':
      return `the next page starts at this page's offset plus the items it held, sent as ${param}`;
    case 'page':
      return `the next page is this page's number plus one, sent as ${param} (the first page is ${paging.firstPage ?? 1})`;
    case 'link':
      return 'each response\'s `Link` header names the next page (`rel="next"`, RFC 8288), and the client follows that URL (only under its base URL)';
  }
}

/** What ends a walk in a style, besides an empty page. */
export function pagingStops(paging: PagingIR): string[] {
  const stops = [...(paging.hasMorePath ? [`${dotted(paging.hasMorePath)} is \`false\``] : []), 'a page is empty'];
  if (paging.style === 'cursor' && paging.nextCursorPath) stops.push(`${dotted(paging.nextCursorPath)} is missing or empty`);
  if (paging.totalPagesPath) stops.push(`the page number reaches ${dotted(paging.totalPagesPath)}`);
  else if (paging.totalPath) stops.push(`the items seen reach ${dotted(paging.totalPath)}`);
  if (paging.style === 'link') stops.push('a response has no `rel="next"` link');
  return stops;
}

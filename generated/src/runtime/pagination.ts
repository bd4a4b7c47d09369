// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/pagination.ts.
import { APIPromise, type WithResponse } from './api-promise.js';
import { ClientError } from './errors.js';

/** Where a paginated response keeps its parts; decided by the generator from the spec. */
export interface PagingSpec {
  /**
   * "cursor" (default): the response names the next cursor. "offset": the next offset is this
   * offset plus the items received. "page": the next page number is this one plus one. The
   * position travels as the page's `cursor` string either way, so resume and caps work alike.
   */
  style?: 'cursor' | 'offset' | 'page';
  /** Query parameter that carries the position: the cursor, offset or page number. */
  cursorParam: string;
  /** Path to the items array, e.g. ["data"] ([] when the body is the array). */
  itemsPath: readonly string[];
  /** Path to the next cursor, e.g. ["pagination", "nextCursor"] (cursor style). */
  nextCursorPath: readonly string[];
  /** Offset/page styles: path to the total item count, when the API reports it. */
  totalPath?: readonly string[];
  /** Page style: the number of the first page (default 1). */
  firstPage?: number;
  /** Path to an explicit "more pages" flag, e.g. ["pagination", "hasMore"]. */
  hasMorePath?: readonly string[];
  /** Path to the whole pagination object, exposed as `page.pagination`. */
  paginationPath?: readonly string[];
}

/** What a page needs from the client that made it, so pages can walk on their own. */
export interface PageSource<TBody, TItem> {
  /** Fetches the page for a cursor (with the client's normal retries). */
  load(cursor: string): Promise<Page<TBody, TItem>>;
  /** The error for a page that cannot be trusted, carrying its status, headers and request id. */
  invalid(message: string, page: Page<TBody, TItem>): ClientError;
}

/**
 * How many cursors of a walk are remembered to catch a server that leads the walk in a circle
 * (A -> B -> A). Bounded so a walk's memory stays flat however long it runs; a cycle longer than
 * this would be caught by `maxPages`, if set, not here.
 */
export const REMEMBERED_CURSORS = 10_000;

/** Caps for an auto-pagination walk. */
export interface PageCaps {
  maxItems?: number | undefined;
  maxPages?: number | undefined;
}

/** Reads a nested property without trusting the shape of the body. */
export function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The position of the page after this one, as a string: the server's cursor, or the offset /
 * page number computed from this page. Undefined when there is none (last page, or a total that
 * says everything has been seen).
 */
function nextPosition(
  body: unknown,
  paging: PagingSpec,
  cursor: string | undefined,
  received: number,
): string | undefined {
  const style = paging.style ?? 'cursor';
  if (style === 'cursor') {
    const next = getPath(body, paging.nextCursorPath);
    return typeof next === 'string' && next !== '' ? next : undefined;
  }
  const start = style === 'page' ? (paging.firstPage ?? 1) : 0;
  const current = cursor === undefined || !/^-?\d+$/.test(cursor) ? start : Number(cursor);
  if (style === 'page') return String(current + 1);
  const next = current + received;
  const total = paging.totalPath === undefined ? undefined : getPath(body, paging.totalPath);
  return typeof total === 'number' && next >= total ? undefined : String(next);
}

/**
 * Page's private error factory, for PagePromise's walk in this module only (set by Page's static
 * block, which may read private fields) so it need not be public API.
 */
let repeatedCursorError: <TBody, TItem>(page: Page<TBody, TItem>, where: string) => ClientError;

/** One page of a cursor-paginated list. Holds no reference to earlier pages. */
export class Page<TBody, TItem> {
  /** Items of this page ([] if the body has none, so forward-compatible bodies never throw). */
  readonly data: TItem[];
  readonly body: TBody;
  /** The pagination object of the body, as sent by the server. */
  readonly pagination: unknown;
  /** Save this to resume later: pass it back as the cursor parameter. */
  readonly nextCursor: string | undefined;
  /** The cursor that requested this page (undefined for the first page). */
  readonly cursor: string | undefined;
  readonly response: Response;
  readonly #hasMore: unknown;
  readonly #source: PageSource<TBody, TItem>;

  /** @internal Pages come from list calls. */
  constructor(
    body: TBody,
    response: Response,
    paging: PagingSpec,
    cursor: string | undefined,
    source: PageSource<TBody, TItem>,
  ) {
    const items = getPath(body, paging.itemsPath);
    this.body = body;
    this.response = response;
    this.data = Array.isArray(items) ? (items as TItem[]) : [];
    this.nextCursor = nextPosition(body, paging, cursor, this.data.length);
    this.pagination = paging.paginationPath === undefined ? undefined : getPath(body, paging.paginationPath);
    this.#hasMore = paging.hasMorePath === undefined ? undefined : getPath(body, paging.hasMorePath);
    this.cursor = cursor;
    this.#source = source;
  }

  /**
   * False on `hasMore === false` (the documented terminal signal), and defensively on an empty
   * page or a missing/empty cursor, so a misbehaving server cannot make a walk spin forever.
   */
  hasNextPage(): boolean {
    return this.#hasMore !== false && this.data.length > 0 && this.nextCursor !== undefined;
  }

  /**
   * Fetches the following page (with the client's normal retries). A page that names its own
   * cursor as the next one would be served again and again: that is an InvalidResponseError.
   */
  async getNextPage(): Promise<Page<TBody, TItem>> {
    const next = this.nextCursor;
    if (!this.hasNextPage() || next === undefined) throw new ClientError('No next page: this is the last page');
    if (next === this.cursor) throw this.#repeatedCursorError('is the cursor this page was requested with');
    return this.#source.load(next);
  }

  static {
    repeatedCursorError = (page, where) => page.#repeatedCursorError(where);
  }

  /** The error for a next cursor that points back into the walk; `where` says where it was seen. */
  #repeatedCursorError(where: string): ClientError {
    const shown = (this.nextCursor ?? '').slice(0, 64);
    const more = (this.nextCursor ?? '').length > 64 ? '…' : '';
    return this.#source.invalid(
      `Pagination cursor repeated: the next cursor "${shown}${more}" ${where}, so following it would ` +
        'yield the same items again; stopping the walk (the items so far were each yielded once).',
      this,
    );
  }
}

/**
 * What a list call returns: `await` it for the first page, `for await` it for every item,
 * `.pages()` for every page. Walks are lazy and keep one page in memory at a time.
 */
export class PagePromise<TBody, TItem> extends APIPromise<Page<TBody, TItem>> implements AsyncIterable<TItem> {
  readonly #caps: PageCaps;

  /** @internal List calls return it. */
  constructor(result: Promise<WithResponse<Page<TBody, TItem>>>, caps: PageCaps = {}) {
    super(result);
    this.#caps = caps;
  }

  /**
   * Pages from the first on, honouring `maxPages`, and `maxItems` in the sense that no page is
   * fetched once the pages already yielded hold that many items (pages are not trimmed).
   */
  async *pages(): AsyncGenerator<Page<TBody, TItem>, void, undefined> {
    const { maxItems, maxPages } = this.#caps;
    let page: Page<TBody, TItem> = await this;
    let pageCount = 1;
    let itemCount = page.data.length;
    // Cursors this walk has requested, oldest first (a Set keeps insertion order).
    const used = new Set<string>();
    yield page;
    while (page.hasNextPage()) {
      if (maxPages !== undefined && pageCount >= maxPages) return;
      if (maxItems !== undefined && itemCount >= maxItems) return;
      if (page.cursor !== undefined) used.add(page.cursor);
      if (used.size > REMEMBERED_CURSORS) used.delete(used.values().next().value as string);
      const next = page.nextCursor;
      if (next !== undefined && next !== page.cursor && used.has(next)) {
        throw repeatedCursorError(page, 'was already requested earlier in this walk');
      }
      page = await page.getNextPage();
      pageCount += 1;
      itemCount += page.data.length;
      yield page;
    }
  }

  /** Every item across pages, stopping exactly at `maxItems` without fetching further. */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    const { maxItems } = this.#caps;
    let yielded = 0;
    for await (const page of this.pages()) {
      for (const item of page.data) {
        yield item;
        yielded += 1;
        if (maxItems !== undefined && yielded >= maxItems) return;
      }
    }
  }
}

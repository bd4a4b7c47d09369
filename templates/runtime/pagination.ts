import { APIPromise, type WithResponse } from './api-promise.js';
import { ClientError } from './errors.js';
import type { PageRequestOptions } from './options.js';
import type { Page } from './paging-cursor.js';
import type { CursorPaging, LinkPaging, OffsetPaging, PageNumberPaging, PagingSpec } from './paging-spec.js';
import type { RequestSpec } from './request-spec.js';

/*
 * The shared half of auto-pagination: the page interface every style implements, the walk
 * (`for await`, `.pages()`, caps, cycle detection) and the data shapes of each style. Each style
 * lives in its own `paging-*.ts` file; a client imports (through its settings) only the styles
 * its API uses, so a bundle never carries the others.
 */

export type { PagingSpec } from './paging-spec.js';

/** What a style sees of one fetched page. */
export interface PageInit<TBody, TPaging extends PagingSpec, TPos> {
  body: TBody;
  response: Response;
  paging: TPaging;
  /** The request that fetched this page. */
  spec: RequestSpec;
  /** The position that requested it (undefined for a call's own first page). */
  position: TPos | undefined;
  baseUrl: string;
}

/** What a page needs from the client that made it, so pages can walk on their own. */
export interface PageSource<TPos> {
  /** Fetches the page at a position (with the client's normal retries). */
  load(position: TPos): Promise<AbstractPage<unknown, unknown, TPos>>;
  /** The error for a page that cannot be trusted, carrying its status, headers and request id. */
  invalid(message: string, page: AbstractPage<unknown, unknown, TPos>): ClientError;
}

/** One pagination style: where a walk starts, how a position becomes a request, and its page class. */
export interface PageStyle<TPaging extends PagingSpec, TPos> {
  /** The position a call's own arguments resume from (a saved cursor, offset, page or URL), if any. */
  start(paging: TPaging, spec: RequestSpec, options: PageRequestOptions): TPos | undefined;
  /** The request for the page at `position`, derived from the call's first request. */
  request(paging: TPaging, spec: RequestSpec, position: TPos, baseUrl: string): RequestSpec;
  /** The style's page class around one response, walking on through `source`. */
  page<TBody, TItem>(init: PageInit<TBody, TPaging, TPos>, source: PageSource<TPos>): AbstractPage<TBody, TItem, TPos>;
}

/** The styles a client was generated with, by name (its settings list only those its API uses). */
export type PageStyles = {
  readonly cursor?: PageStyle<CursorPaging, string>;
  readonly offset?: PageStyle<OffsetPaging, number>;
  readonly page?: PageStyle<PageNumberPaging, number>;
  readonly link?: PageStyle<LinkPaging, string>;
};

/**
 * How many positions of a walk are remembered to catch a server that leads the walk in a circle
 * (A -> B -> A). Bounded so a walk's memory stays flat however long it runs; a cycle longer than
 * this would be caught by `maxPages`, if set, not here.
 */
export const REMEMBERED_CURSORS = 10_000;

/** Caps for an auto-pagination walk. */
export interface PageCaps {
  maxItems?: number | undefined;
  maxPages?: number | undefined;
}

/** Validates a walk's caps before any request is sent. */
export function checkCaps({ maxItems, maxPages }: PageCaps): void {
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 1)) {
    throw new ClientError('maxItems must be a positive integer');
  }
  if (maxPages !== undefined && (!Number.isInteger(maxPages) || maxPages < 1)) {
    throw new ClientError('maxPages must be a positive integer');
  }
}

/** The style a paging spec names, from the client's settings (which list only the styles its API uses). */
export function pageStyleOf(styles: PageStyles | undefined, paging: PagingSpec): PageStyle<PagingSpec, unknown> {
  const name = paging.style ?? 'cursor';
  const style = styles?.[name] as PageStyle<PagingSpec, unknown> | undefined;
  if (style === undefined) throw new ClientError(`This client has no "${name}" pagination`);
  return style;
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
 * The walk's private error factory, for PagePromise in this module only (set by AbstractPage's
 * static block, which may read private fields) so it need not be public API.
 */
let repeatedError: <TPos>(page: AbstractPage<unknown, unknown, TPos>, where: string) => ClientError;

/**
 * One page of a paginated list, whatever the style. Holds no reference to earlier pages.
 * `TPos` is the style's position: a cursor string, an offset, a page number or a URL.
 */
export abstract class AbstractPage<TBody, TItem, TPos> {
  /** Items of this page ([] if the body has none, so forward-compatible bodies never throw). */
  readonly data: TItem[];
  readonly body: TBody;
  readonly response: Response;
  /** The position that requested this page (undefined for a call's own first page). */
  readonly position: TPos | undefined;
  /** Where the next page is; undefined on the last page. Save it to resume a walk later. */
  readonly nextPosition: TPos | undefined;
  readonly #source: PageSource<TPos>;
  readonly #hasMore: unknown;

  /** What a position is called in messages ("cursor", "URL"). */
  protected abstract readonly positionName: string;

  protected constructor(
    init: PageInit<TBody, PagingSpec, TPos>,
    next: (items: readonly TItem[]) => TPos | undefined,
    source: PageSource<TPos>,
  ) {
    const items = getPath(init.body, init.paging.itemsPath);
    this.body = init.body;
    this.response = init.response;
    this.data = Array.isArray(items) ? (items as TItem[]) : [];
    this.position = init.position;
    this.nextPosition = next(this.data);
    this.#source = source;
    this.#hasMore = init.paging.hasMorePath === undefined ? undefined : getPath(init.body, init.paging.hasMorePath);
  }

  /**
   * False on `hasMore === false` (the documented terminal signal, where the API has one), and
   * defensively on an empty page or a missing next position, so a misbehaving server cannot make
   * a walk spin forever (a style's own total ends it by leaving no next position).
   */
  hasNextPage(): boolean {
    return this.#hasMore !== false && this.data.length > 0 && this.nextPosition !== undefined;
  }

  /**
   * Fetches the following page (with the client's normal retries). A page that names its own
   * position as the next one would be served again and again: that is an InvalidResponseError.
   */
  async getNextPage(): Promise<this> {
    const next = this.nextPosition;
    if (!this.hasNextPage() || next === undefined) throw new ClientError('No next page: this is the last page');
    if (next === this.position) throw this.#repeatedError(`is the ${this.positionName} this page was requested with`);
    const problem = this.nextPageProblem();
    if (problem !== undefined) throw this.#source.invalid(problem, this);
    return (await this.#source.load(next)) as this;
  }

  /** A reason the next page must not be fetched (e.g. a link to another host), if any. */
  protected nextPageProblem(): string | undefined {
    return undefined;
  }

  static {
    repeatedError = (page, where) => page.#repeatedError(where);
  }

  /** The error for a next position that points back into the walk; `where` says where it was seen. */
  #repeatedError(where: string): ClientError {
    const text = String(this.nextPosition ?? '');
    const shown = text.slice(0, 64) + (text.length > 64 ? '…' : '');
    const name = this.positionName;
    return this.#source.invalid(
      `Pagination ${name} repeated: the next ${name} "${shown}" ${where}, so following it would ` +
        'yield the same items again; stopping the walk (the items so far were each yielded once).',
      this,
    );
  }
}

/**
 * What a list call returns: `await` it for the first page, `for await` it for every item,
 * `.pages()` for every page. Walks are lazy and keep one page in memory at a time.
 */
export class PagePromise<TBody, TItem, TPage extends AbstractPage<TBody, TItem, unknown> = Page<TBody, TItem>>
  extends APIPromise<TPage>
  implements AsyncIterable<TItem>
{
  readonly #caps: PageCaps;

  /** @internal List calls return it. */
  constructor(result: Promise<WithResponse<TPage>>, caps: PageCaps = {}) {
    super(result);
    this.#caps = caps;
  }

  /**
   * Pages from the first on, honouring `maxPages`, and `maxItems` in the sense that no page is
   * fetched once the pages already yielded hold that many items (pages are not trimmed).
   */
  async *pages(): AsyncGenerator<TPage, void, undefined> {
    const { maxItems, maxPages } = this.#caps;
    let page: TPage = await this;
    let pageCount = 1;
    let itemCount = page.data.length;
    // Positions this walk has requested, oldest first (a Set keeps insertion order).
    const used = new Set<unknown>();
    yield page;
    while (page.hasNextPage()) {
      if (maxPages !== undefined && pageCount >= maxPages) return;
      if (maxItems !== undefined && itemCount >= maxItems) return;
      if (page.position !== undefined) used.add(page.position);
      if (used.size > REMEMBERED_CURSORS) used.delete(used.values().next().value);
      const next = page.nextPosition;
      if (next !== undefined && next !== page.position && used.has(next)) {
        throw repeatedError(page, 'was already requested earlier in this walk');
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

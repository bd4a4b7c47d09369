import { AbstractPage, getPath, type PageInit, type PageSource, type PageStyle } from './pagination.js';
import { integerParam, withQuery, type OffsetPaging } from './paging-spec.js';

/** One page of an offset/limit list; positions are item offsets. */
export class OffsetPage<TBody, TItem> extends AbstractPage<TBody, TItem, number> {
  /** The offset of this page's first item (0, or the offset the call started at). */
  readonly offset: number;
  protected readonly positionName = 'offset';

  /** @internal Pages come from list calls. */
  constructor(init: PageInit<TBody, OffsetPaging, number>, source: PageSource<number>) {
    const offset = init.position ?? integerParam(init.spec, init.paging.offsetParam) ?? 0;
    super(
      init,
      (items) => {
        const next = offset + items.length;
        const total = init.paging.totalPath === undefined ? undefined : getPath(init.body, init.paging.totalPath);
        return typeof total === 'number' && next >= total ? undefined : next;
      },
      source,
    );
    this.offset = offset;
  }

  /** The offset of the next page; save it and pass it back as the offset parameter to resume. */
  get nextOffset(): number | undefined {
    return this.nextPosition;
  }
}

/** Offset pagination: the next offset is this offset plus the items received. */
export const offsetStyle: PageStyle<OffsetPaging, number> = {
  start: (paging, spec) => integerParam(spec, paging.offsetParam),
  request: (paging, spec, offset) => withQuery(spec, paging.offsetParam, offset),
  page: <TBody, TItem>(init: PageInit<TBody, OffsetPaging, number>, source: PageSource<number>) =>
    new OffsetPage<TBody, TItem>(init, source),
};

/**
 * List tools: one page by default, `maxItems` to walk pages with the client's paginator, and the
 * result budget. Every pagination style the client has works alike: the returned `nextCursor` is the
 * page's next position (a cursor, an offset, a page number, or for `Link` lists the next URL). Whenever fewer items are returned than were fetched, the page the cut falls in
 * is fetched again from the same cursor with `pageSize = kept`, so the returned `nextCursor`
 * resumes exactly after the last returned item: no gap, no duplicate.
 */
import { cutArrays, fitCount, jsonSize } from './budget.js';
import { ToolInputError } from './errors.js';
import { getOwn, setOwn } from './own.js';
import { buildRequest, type ToolArguments } from './request.js';
import { arraysNote, type TruncationNote } from './truncate.js';
import type { ApiClientLike, PageLike, PagingBinding, ToolDefinition } from './types.js';

export interface ListResult {
  items: unknown[];
  /** A string cursor; a number for offset/page positions whose parameter is numeric. */
  nextCursor: string | number | null;
  hasMore: boolean;
  truncated?: TruncationNote;
}

export interface ListContext {
  client: ApiClientLike;
  budget: number;
  defaultPageSize: number;
  signal?: AbortSignal;
}

/** A fetched page and its (projected) items. */
interface Segment {
  page: PageLike;
  items: unknown[];
}

/** The input schema of one argument (own properties only: an argument may be named `constructor`). */
function argumentSchema(tool: ToolDefinition, property: string): Record<string, unknown> | undefined {
  const properties = tool.inputSchema['properties'];
  const schema =
    typeof properties === 'object' && properties !== null && !Array.isArray(properties)
      ? getOwn(properties, property)
      : undefined;
  return typeof schema === 'object' && schema !== null && !Array.isArray(schema)
    ? (schema as Record<string, unknown>)
    : undefined;
}

function schemaNumber(tool: ToolDefinition, property: string, keyword: 'default' | 'maximum'): number | undefined {
  const value = argumentSchema(tool, property)?.[keyword];
  return typeof value === 'number' ? value : undefined;
}

function projector(fields: readonly string[] | undefined): (item: unknown) => unknown {
  if (fields === undefined || fields.length === 0) return (item) => item;
  return (item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) if (fields.includes(key)) setOwn(out, key, value);
    return out;
  };
}

function readFields(tool: ToolDefinition, args: ToolArguments): readonly string[] | undefined {
  const fields = tool.list?.fields === undefined ? undefined : args['fields'];
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : undefined;
}

type NextOf = (page: PageLike) => string | number | null;

/** The query parameter that carries a list's position (none for `Link` lists: their position is a URL). */
function positionParam(paging: PagingBinding): string | undefined {
  switch (paging.style) {
    case 'offset':
      return paging.offsetParam;
    case 'page':
      return paging.pageParam;
    case 'link':
      return undefined;
    default:
      return paging.cursorParam;
  }
}

/** The position to hand back: a cursor or URL as sent, a number when the position parameter is numeric. */
function nextFor(tool: ToolDefinition, paging: PagingBinding): NextOf {
  const param = positionParam(paging);
  const numeric =
    (paging.style ?? 'cursor') !== 'cursor' && param !== undefined && schemaType(tool, param) !== 'string';
  return (page) => {
    const next = page.nextPosition;
    if (!page.hasNextPage() || next === undefined) return null;
    if (typeof next === 'number') return numeric ? next : String(next);
    const text = String(next);
    return numeric && /^-?\d+$/.test(text) ? Number(text) : text;
  };
}

function schemaType(tool: ToolDefinition, property: string): unknown {
  return argumentSchema(tool, property)?.['type'];
}

/** The page URL a `Link` list resumes from: the continuation its previous result handed out. */
function linkCursor(paging: PagingBinding, args: ToolArguments): string | undefined {
  if (paging.style !== 'link') return undefined;
  const value = getOwn(args, paging.cursorArgument);
  return typeof value === 'string' ? value : undefined;
}

export async function runList(tool: ToolDefinition, args: ToolArguments, ctx: ListContext): Promise<ListResult> {
  const paging = tool.binding.paging;
  if (paging === undefined) throw new Error(`${tool.name} is not a list tool`);
  const maxItems = tool.list?.maxItems === true && typeof args['maxItems'] === 'number' ? args['maxItems'] : undefined;
  const sizeParam =
    paging.pageSizeParam !== undefined && tool.binding.queryParams.includes(paging.pageSizeParam)
      ? paging.pageSizeParam
      : undefined;
  // A page number (or a link naming one) means a different window once the size changes: only
  // cursors and offsets can be re-cut.
  const canShrink = sizeParam !== undefined && paging.style !== 'page' && paging.style !== 'link';
  const nextOf = nextFor(tool, paging);
  const overrides: Record<string, unknown> = {};
  if (sizeParam !== undefined && getOwn(args, sizeParam) === undefined) {
    const fallback = schemaNumber(tool, sizeParam, 'default') ?? ctx.defaultPageSize;
    // With maxItems, ask for as many per page as the schema allows (the server may clamp further).
    setOwn(
      overrides,
      sizeParam,
      maxItems === undefined ? fallback : Math.min(maxItems, schemaNumber(tool, sizeParam, 'maximum') ?? maxItems),
    );
  }
  const project = projector(readFields(tool, args));
  const options = ctx.signal === undefined ? {} : { signal: ctx.signal };

  const segments: Segment[] = [];
  const pageUrl = linkCursor(paging, args);
  const first = ctx.client.requestPage(buildRequest(tool.binding, args, overrides), paging, {
    ...options,
    ...(maxItems === undefined ? {} : { maxItems }),
    ...(pageUrl === undefined ? {} : { pageUrl }),
  });
  try {
    if (maxItems === undefined) {
      const page = await first;
      segments.push({ page, items: page.data.map(project) });
    } else {
      let count = 0;
      let size = 0;
      for await (const page of first.pages()) {
        const items = page.data.map(project);
        segments.push({ page, items });
        count += items.length;
        size += jsonSize(items);
        if (count >= maxItems || size > ctx.budget) break;
      }
    }
  } catch (error) {
    // The client refuses a page URL off the API's base URL (it would carry the key there) before
    // sending anything: that is the agent's argument, not the API, failing.
    if (
      pageUrl !== undefined &&
      segments.length === 0 &&
      error instanceof Error &&
      error.name === 'ClientError' &&
      paging.style === 'link'
    )
      throw new ToolInputError(`"${paging.cursorArgument}" is not a page of this API: ${error.message}`);
    throw error;
  }

  const refetch = async (segment: Segment, count: number): Promise<Segment> => {
    const param = positionParam(paging);
    // Only lists that can shrink are re-fetched, and those all have a position parameter.
    if (param === undefined) throw new Error(`${tool.name} cannot re-cut a page`);
    const query = {
      ...overrides,
      [param]: segment.page.position,
      ...(sizeParam === undefined ? {} : { [sizeParam]: count }),
    };
    const page = await ctx.client.requestPage(buildRequest(tool.binding, args, query), paging, options);
    return { page, items: page.data.map(project) };
  };

  let target = ctx.budget;
  let result: ListResult = { items: [], nextCursor: null, hasMore: false };
  for (let attempt = 0; attempt < 3; attempt++) {
    result = await cutList(segments, {
      limit: maxItems,
      budget: target,
      canShrink,
      nextOf,
      refetch,
    });
    result = fitSingleItem(result, ctx.budget);
    const size = jsonSize(result);
    if (size <= ctx.budget) return result;
    target -= size - ctx.budget;
  }
  return result;
}

interface CutOptions {
  limit: number | undefined;
  budget: number;
  /** Whether a page can be fetched again with fewer items (a page-size parameter, not a page number). */
  canShrink: boolean;
  nextOf: NextOf;
  refetch: (segment: Segment, count: number) => Promise<Segment>;
}

/** The first k items that fit (and respect `limit`), with the cursor that resumes right after them. */
async function cutList(
  segments: readonly Segment[],
  { limit, budget, canShrink, nextOf, refetch }: CutOptions,
): Promise<ListResult> {
  const all = segments.flatMap((s) => s.items);
  const cursors = segments.flatMap((s) => [String(s.page.position ?? ''), String(s.page.nextPosition ?? '')]);
  // Room for a cursor as long as any seen so far (the refetched one is not known yet).
  const placeholder = 'x'.repeat(Math.max(0, ...cursors.map((c) => c.length)) + 16);
  const fit = fitCount(all, budget, (items) => ({
    items,
    nextCursor: placeholder,
    hasMore: true,
  }));
  const keep = Math.max(1, Math.min(fit, limit ?? all.length, all.length));
  const last = segments[segments.length - 1];
  if (last === undefined || all.length === 0)
    return {
      items: [],
      nextCursor: last === undefined ? null : nextOf(last.page),
      hasMore: last?.page.hasNextPage() ?? false,
    };

  let before = 0;
  for (const segment of segments) {
    const within = keep - before;
    if (within <= segment.items.length) {
      const head = all.slice(0, before);
      if (within === segment.items.length) {
        return {
          items: [...head, ...segment.items],
          nextCursor: nextOf(segment.page),
          hasMore: segment.page.hasNextPage(),
        };
      }
      if (!canShrink) {
        // Without a page-size parameter (or with page numbers) the page cannot be re-cut: say what the cursor skips.
        const skipped = segment.items.length - within;
        return {
          items: [...head, ...segment.items.slice(0, within)],
          nextCursor: nextOf(segment.page),
          hasMore: segment.page.hasNextPage(),
          truncated: {
            note: `${skipped} more items of this page did not fit the ${budget}-character result budget and are skipped by nextCursor; ask for fewer fields to fit more.`,
          },
        };
      }
      const again = await refetch(segment, within);
      return {
        items: [...head, ...again.items],
        nextCursor: nextOf(again.page),
        hasMore: again.page.hasNextPage(),
      };
    }
    before += segment.items.length;
  }
  return {
    items: all,
    nextCursor: nextOf(last.page),
    hasMore: last.page.hasNextPage(),
  };
}

/** One item larger than the whole budget: cut its long arrays rather than return nothing. */
function fitSingleItem(result: ListResult, budget: number): ListResult {
  if (result.items.length !== 1 || jsonSize(result) <= budget) return result;
  const overhead =
    jsonSize({
      ...result,
      items: [null],
      truncated: arraysNote([{ path: '/items/0/x', kept: 0, total: 0 }], budget),
    }) + 200;
  const cut = cutArrays(result.items[0], budget - overhead);
  if (!cut.fits) {
    return {
      ...result,
      items: [],
      truncated: {
        note: `The next item alone exceeds the ${budget}-character result budget and was skipped (nextCursor continues after it); ask for fewer fields.`,
      },
    };
  }
  return {
    ...result,
    items: [cut.value],
    truncated: arraysNote(
      cut.cuts.map((c) => ({ ...c, path: `/items/0${c.path}` })),
      budget,
    ),
  };
}

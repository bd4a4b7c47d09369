// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/runtime/paging-link.ts.
import { AbstractPage, type PageInit, type PageSource, type PageStyle } from './pagination.js';
import type { LinkPaging } from './paging-spec.js';
import { ClientError } from './errors.js';
import type { RequestSpec } from './request-spec.js';

/**
 * The target of the first link with relation `rel` in an RFC 8288 `Link` header
 * (`<https://…?page=2>; rel="next", <…>; rel="last"`). Relation types compare case-insensitively
 * and a link may carry several (`rel="next prefetch"`).
 */
export function linkTarget(header: string | null, rel: string): string | undefined {
  if (header === null) return undefined;
  for (const [, target, params] of header.matchAll(/<([^>]*)>([^<]*)/g)) {
    const relParam = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params ?? '');
    const rels = (relParam?.[1] ?? relParam?.[2] ?? '').toLowerCase().split(/\s+/);
    if (target !== undefined && rels.includes(rel)) return target;
  }
  return undefined;
}

/** A link as an absolute URL (relative links are resolved against the request's URL). */
function resolve(spec: RequestSpec, url: string, baseUrl: string): URL | undefined {
  try {
    return new URL(url, `${baseUrl}${spec.path}`);
  } catch {
    return undefined;
  }
}

/**
 * The request a page URL stands for, or a reason it cannot be followed: the key travels with
 * every request, so a link is followed only when it stays under the client's base URL.
 */
function requestFor(spec: RequestSpec, url: string, baseUrl: string): RequestSpec | string {
  const base = new URL(baseUrl);
  const target = resolve(spec, url, baseUrl);
  if (target === undefined) return `Pagination link "${url.slice(0, 200)}" is not a URL`;
  const prefix = base.pathname.replace(/\/+$/, '');
  if (target.origin !== base.origin || !target.pathname.startsWith(`${prefix}/`)) {
    return `Pagination link "${target.origin}${target.pathname}" is outside the client's baseUrl; not following it (it would receive the API key)`;
  }
  // forEach, not keys(): lib.dom without dom.iterable has no URLSearchParams iterators. A Map
  // then fromEntries, so a `__proto__` parameter stays an own property.
  const values = new Map<string, string | string[]>();
  target.searchParams.forEach((value, key) => {
    const seen = values.get(key);
    values.set(key, seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value]);
  });
  const query = Object.fromEntries(values);
  const { queryStyles: _styles, ...rest } = spec;
  return { ...rest, path: target.pathname.slice(prefix.length), query };
}

/** One page of a list paginated by `Link` headers; positions are absolute page URLs. */
export class LinkPage<TBody, TItem> extends AbstractPage<TBody, TItem, string> {
  readonly #problem: string | undefined;
  protected readonly positionName = 'URL';

  /** @internal Pages come from list calls. */
  constructor(init: PageInit<TBody, LinkPaging, string>, source: PageSource<string>) {
    const link = linkTarget(init.response.headers.get('link'), 'next');
    const next = link === undefined ? undefined : requestFor(init.spec, link, init.baseUrl);
    const resolved = link === undefined ? undefined : (resolve(init.spec, link, init.baseUrl)?.href ?? link);
    super(init, () => resolved, source);
    this.#problem = typeof next === 'string' ? next : undefined;
  }

  /** The next page's URL; pass it back as the `pageUrl` option to resume. */
  get nextUrl(): string | undefined {
    return this.nextPosition;
  }

  /** A link off the base URL ends the walk with an InvalidResponseError, not a leaked key. */
  protected override nextPageProblem(): string | undefined {
    return this.#problem;
  }
}

/** Link-header pagination: the position is the URL the server linked as `rel="next"`. */
export const linkStyle: PageStyle<LinkPaging, string> = {
  start: (_paging, _spec, options) => options.pageUrl,
  request(_paging, spec, url, baseUrl) {
    const next = requestFor(spec, url, baseUrl);
    if (typeof next === 'string') throw new ClientError(next);
    return next;
  },
  page: <TBody, TItem>(init: PageInit<TBody, LinkPaging, string>, source: PageSource<string>) =>
    new LinkPage<TBody, TItem>(init, source),
};

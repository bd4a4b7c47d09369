/** What a route handler receives and returns. */

import type { KeyRecord } from '../keys.js';
import type { PageContext } from '../pagination.js';

export interface AuthedContext {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly key: KeyRecord;
  readonly page: PageContext;
}

export interface PublicContext {
  readonly specPath: string;
}

export type RouteResult =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'raw'; readonly status: number; readonly contentType: string; readonly body: Buffer | string };

export type RouteDef =
  | {
      readonly pattern: string;
      readonly auth: true;
      /** A cursor-paginated list (only these consume repeat-cursor faults). */
      readonly list: boolean;
      readonly handle: (ctx: AuthedContext) => RouteResult;
    }
  | { readonly pattern: string; readonly auth: false; readonly list: false; readonly handle: (ctx: PublicContext) => RouteResult };

export function ok(body: unknown): RouteResult {
  return { kind: 'json', status: 200, body };
}

export function param(ctx: AuthedContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route has no :${name} parameter`);
  return value;
}

/** The route table and path matching. */

import type { RouteDef } from './types.js';
import { getAnalytics } from './analytics.js';
import { listCourses } from './courses.js';
import { getIntegration } from './integration.js';
import { health, openapiDocument, swagger } from './meta.js';
import { getSession, getSessionDetails, listEvents, listSessions } from './sessions.js';
import { getStats } from './stats.js';
import { getUsage } from './usage.js';
import { getUserSessions, listUsers } from './users.js';

export const ROUTES: readonly RouteDef[] = [
  listSessions,
  getSession,
  getSessionDetails,
  listEvents,
  listUsers,
  getUserSessions,
  listCourses,
  getAnalytics,
  getStats,
  getUsage,
  getIntegration,
  health,
  openapiDocument,
  swagger,
];

export interface RouteMatch {
  readonly route: RouteDef;
  readonly params: Readonly<Record<string, string>>;
}

function segments(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/');
}

export function matchRoute(pathname: string): RouteMatch | undefined {
  const actual = segments(pathname);
  for (const route of ROUTES) {
    const expected = segments(route.pattern);
    if (expected.length !== actual.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < expected.length && matched; i++) {
      const want = expected[i] ?? '';
      const got = actual[i] ?? '';
      if (want.startsWith(':')) {
        let decoded: string | undefined;
        try {
          decoded = decodeURIComponent(got);
        } catch {
          decoded = undefined;
        }
        if (decoded === undefined || decoded === '') matched = false;
        else params[want.slice(1)] = decoded;
      } else if (want !== got) {
        matched = false;
      }
    }
    if (matched) return { route, params };
  }
  return undefined;
}

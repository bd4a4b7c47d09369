/** /v1/users and /v1/users/{userId}/sessions. */

import type { RouteDef } from './types.js';
import { ok, param } from './types.js';
import { ApiError } from '../errors.js';
import { FIXTURES } from '../fixtures.js';
import { paginate } from '../pagination.js';
import { readString } from '../params.js';

export const listUsers: RouteDef = {
  pattern: '/v1/users',
  auth: true,
  list: true,
  handle(ctx) {
    const search = readString(ctx.query, 'search')?.toLowerCase();
    const items =
      search === undefined
        ? FIXTURES.users
        : FIXTURES.users.filter(
            (u) => u.userId.toLowerCase().includes(search) || u.userName.toLowerCase().includes(search),
          );
    const scope = { endpoint: 'users', filters: JSON.stringify([search]), encoding: 'base64url' } as const;
    return ok(paginate(items, ctx.query, ctx.page, scope, 50));
  },
};

export const getUserSessions: RouteDef = {
  pattern: '/v1/users/:userId/sessions',
  auth: true,
  list: true,
  handle(ctx) {
    const userId = param(ctx, 'userId');
    const records = FIXTURES.sessionsByUser.get(userId);
    if (records === undefined) throw new ApiError(404, 'NOT_FOUND', `User ${userId} was not found.`);
    const scope = { endpoint: `user-sessions:${userId}`, filters: '[]', encoding: 'base64url' } as const;
    return ok(paginate(records.map((r) => r.session), ctx.query, ctx.page, scope, 50));
  },
};

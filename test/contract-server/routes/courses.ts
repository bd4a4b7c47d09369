/** /v1/courses: LMS courses extracted from session URLs. */

import type { RouteDef } from './types.js';
import { ok } from './types.js';
import { FIXTURES } from '../fixtures.js';
import { paginate } from '../pagination.js';
import { readString } from '../params.js';

export const listCourses: RouteDef = {
  pattern: '/v1/courses',
  auth: true,
  list: true,
  handle(ctx) {
    const search = readString(ctx.query, 'search')?.toLowerCase();
    const items =
      search === undefined
        ? FIXTURES.courses
        : FIXTURES.courses.filter(
            (c) => c.courseId.toLowerCase().includes(search) || c.courseName.toLowerCase().includes(search),
          );
    const scope = { endpoint: 'courses', filters: JSON.stringify([search]), encoding: 'base64url' } as const;
    return ok(paginate(items, ctx.query, ctx.page, scope, 50));
  },
};

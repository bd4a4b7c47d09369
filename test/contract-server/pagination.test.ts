import { describe, expect, it } from 'vitest';
import { startContractServer } from './server.js';
import { BIG_SESSION_EVENT_COUNT, BIG_SESSION_ID, FIXTURES, SESSION_COUNT } from './fixtures.js';
import { TEST_KEYS } from './keys.js';
import type { PublicSession, SessionEvent } from './wire.js';
import { call, errorOf, useServer, walk } from './test-helpers.js';

const server = useServer();
const free = { key: TEST_KEYS.us.free };
const pro = { key: TEST_KEYS.us.pro };
const enterprise = { key: TEST_KEYS.us.enterprise };

describe('sessions cursor walk', () => {
  it('visits all 237 sessions once, in fixture order, ending on a ragged page', async () => {
    const pages = await walk<PublicSession>(server(), '/v1/sessions', pro);
    expect(pages.map((p) => p.data.length)).toEqual([50, 50, 50, 50, 37]);
    const ids = pages.flatMap((p) => p.data.map((s) => s.id));
    expect(new Set(ids).size).toBe(SESSION_COUNT);
    expect(ids).toEqual(FIXTURES.sessions.map((r) => r.session.id));
    for (const page of pages) expect(page.pagination.limit).toBe(50);
    const last = pages.at(-1)?.pagination;
    expect(last).toEqual({ hasMore: false, limit: 50 });
    expect(pages.slice(0, -1).every((p) => p.pagination.hasMore && typeof p.pagination.nextCursor === 'string')).toBe(true);
  });

  it('walks with an odd page size too (34 pages, last has 6)', async () => {
    const pages = await walk<PublicSession>(server(), '/v1/sessions?pageSize=7', free);
    expect(pages).toHaveLength(34);
    expect(pages.at(-1)?.data).toHaveLength(6);
    expect(new Set(pages.flatMap((p) => p.data.map((s) => s.id))).size).toBe(SESSION_COUNT);
  });

  it('allows changing pageSize mid-walk (cursors carry an offset, not a size)', async () => {
    const first = await call(server(), '/v1/sessions?pageSize=10', pro);
    const cursor = (first.body as { pagination: { nextCursor: string } }).pagination.nextCursor;
    const second = await call(server(), `/v1/sessions?pageSize=3&cursor=${encodeURIComponent(cursor)}`, pro);
    expect((second.body as { data: PublicSession[] }).data.map((s) => s.id)).toEqual(
      FIXTURES.sessions.slice(10, 13).map((r) => r.session.id),
    );
  });

  it('keeps filters across pages and rejects a cursor replayed with different filters', async () => {
    const pages = await walk<PublicSession>(server(), '/v1/sessions?botOnly=true&pageSize=20', pro);
    const ids = pages.flatMap((p) => p.data.map((s) => s.id));
    expect(ids).toEqual(FIXTURES.sessions.filter((r) => r.session.botScore >= 0.7).map((r) => r.session.id));
    const cursor = pages[0]?.pagination.nextCursor ?? '';
    const replay = await call(server(), `/v1/sessions?pageSize=20&cursor=${encodeURIComponent(cursor)}`, pro);
    expect(replay.status).toBe(400);
    expect(errorOf(replay)).toMatchObject({ code: 'INVALID_CURSOR', details: { field: 'cursor' } });
  });
});

describe('page size clamping', () => {
  it.each([
    ['free', free, undefined, 50],
    ['free', free, 100, 50],
    ['free', free, 3, 3],
    ['pro', pro, undefined, 50],
    ['pro', pro, 100, 100],
    ['pro', pro, 237, 100],
    ['enterprise', enterprise, 5000, 100],
    ['enterprise', enterprise, 2147483647, 100],
  ])('%s pageSize=%s -> limit %s', async (_tier, key, requested, limit) => {
    const path = requested === undefined ? '/v1/sessions' : `/v1/sessions?pageSize=${requested}`;
    const reply = await call(server(), path, key);
    const body = reply.body as { data: unknown[]; pagination: { limit: number } };
    expect(reply.status).toBe(200);
    expect(body.pagination.limit).toBe(limit);
    expect(body.data).toHaveLength(limit);
  });

  it.each([
    ['/v1/users?pageSize=500', Math.min(50, FIXTURES.users.length)],
    ['/v1/courses?pageSize=500', Math.min(50, FIXTURES.courses.length)],
  ])('clamps %s for free too', async (path, count) => {
    const body = (await call(server(), path, free)).body as { data: unknown[]; pagination: { limit: number } };
    expect(body.pagination.limit).toBe(50);
    expect(body.data).toHaveLength(count);
  });
});

describe('events of the 1,000+ event session', () => {
  it('defaults to 100 per page, clamped to 50 on free', async () => {
    const proPages = await walk<SessionEvent>(server(), `/v1/sessions/${BIG_SESSION_ID}/events`, pro);
    expect(proPages).toHaveLength(13);
    expect(proPages[0]?.pagination.limit).toBe(100);
    expect(proPages.at(-1)?.data).toHaveLength(34);
    const freePages = await walk<SessionEvent>(server(), `/v1/sessions/${BIG_SESSION_ID}/events`, free);
    expect(freePages).toHaveLength(25);
    expect(freePages[0]?.pagination.limit).toBe(50);
    const events = freePages.flatMap((p) => p.data);
    expect(events).toHaveLength(BIG_SESSION_EVENT_COUNT);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(BIG_SESSION_EVENT_COUNT);
    expect(events.map((e) => e.messageId)).toEqual(events.map((_, i) => i + 1));
    for (let i = 1; i < events.length; i++) {
      expect((events[i]?.timestamp ?? 0) >= (events[i - 1]?.timestamp ?? 0)).toBe(true);
    }
  });
});

describe('other lists', () => {
  it('walks users, user sessions and courses without gaps', async () => {
    const users = (await walk<{ userId: string }>(server(), '/v1/users', pro)).flatMap((p) => p.data);
    expect(users.map((u) => u.userId)).toEqual(FIXTURES.users.map((u) => u.userId));
    const heavy = [...FIXTURES.users].sort((a, b) => b.sessionCount - a.sessionCount)[0];
    if (heavy === undefined) throw new Error('no users');
    const pages = await walk<PublicSession>(server(), `/v1/users/${heavy.userId}/sessions?pageSize=2`, pro);
    const sessions = pages.flatMap((p) => p.data);
    expect(sessions).toHaveLength(heavy.sessionCount);
    expect(sessions.every((s) => s.userId === heavy.userId)).toBe(true);
    const courses = (await walk<{ courseId: string }>(server(), '/v1/courses?pageSize=5', pro)).flatMap((p) => p.data);
    expect(courses.map((c) => c.courseId)).toEqual(FIXTURES.courses.map((c) => c.courseId));
  });
});

describe('invalid cursors', () => {
  async function cursorFrom(path: string): Promise<string> {
    const body = (await call(server(), path, pro)).body as { pagination: { nextCursor: string } };
    return body.pagination.nextCursor;
  }

  it.each(['garbage!', 'AAAA', 'bm90LWEtY3Vyc29y', '0'])('rejects %s', async (cursor) => {
    const reply = await call(server(), `/v1/sessions?cursor=${encodeURIComponent(cursor)}`, pro);
    expect(reply.status).toBe(400);
    expect(errorOf(reply).code).toBe('INVALID_CURSOR');
    expect(reply.headers.get('x-isnotai-tier')).toBe('pro');
  });

  it('rejects cursors from another endpoint or another session', async () => {
    const usersCursor = await cursorFrom('/v1/users?pageSize=1');
    expect(errorOf(await call(server(), `/v1/sessions?cursor=${usersCursor}`, pro)).code).toBe('INVALID_CURSOR');
    const eventsCursor = await cursorFrom(`/v1/sessions/${BIG_SESSION_ID}/events?pageSize=1`);
    const otherSession = FIXTURES.sessions.find((r) => r.session.id !== BIG_SESSION_ID)?.session.id ?? '';
    const reply = await call(server(), `/v1/sessions/${otherSession}/events?cursor=${eventsCursor}`, pro);
    expect(errorOf(reply).code).toBe('INVALID_CURSOR');
    expect(errorOf(await call(server(), `/v1/sessions?cursor=${eventsCursor}`, pro)).code).toBe('INVALID_CURSOR');
  });

  it('rejects a tampered cursor', async () => {
    const cursor = await cursorFrom('/v1/sessions?pageSize=1');
    const tampered = Buffer.from(Buffer.from(cursor, 'base64url').toString().replace(/^1\./, '2.')).toString('base64url');
    expect(errorOf(await call(server(), `/v1/sessions?cursor=${tampered}`, pro)).code).toBe('INVALID_CURSOR');
  });

  it('uses different encodings per endpoint', async () => {
    expect(await cursorFrom(`/v1/sessions/${BIG_SESSION_ID}/events?pageSize=1`)).toMatch(/^[0-9a-f]+$/);
    expect(await cursorFrom('/v1/sessions?pageSize=1')).not.toMatch(/^[0-9a-f]+$/);
  });
});

describe('last-page nextCursor option', () => {
  it.each([
    ['omit', undefined, false],
    ['empty', '', true],
    ['null', null, true],
  ] as const)('%s', async (mode, expected, present) => {
    const other = await startContractServer({ lastPageCursor: mode });
    try {
      const pages = await walk<PublicSession>(other, '/v1/sessions?pageSize=100', pro);
      expect(pages.map((p) => p.data.length)).toEqual([100, 100, 37]);
      const last: Record<string, unknown> = pages.at(-1)?.pagination ?? {};
      expect('nextCursor' in last).toBe(present);
      expect(last.nextCursor).toBe(expected);
      expect(last.hasMore).toBe(false);
    } finally {
      await other.close();
    }
  });
});

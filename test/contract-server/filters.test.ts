import { describe, expect, it } from 'vitest';
import { BIG_SESSION_ID, FIXTURES, THRESHOLD_SESSION_ID } from './fixtures.js';
import { eventsFor } from './events.js';
import { TEST_KEYS } from './keys.js';
import { DAY, FIXTURE_EPOCH_MS, isoDateTime } from './time.js';
import type { PublicSession, PublicUser, SessionEvent } from './wire.js';
import { call, walk, useServer } from './test-helpers.js';

const server = useServer();
const enterprise = { key: TEST_KEYS.us.enterprise };

async function allSessions(query: string, key: string = TEST_KEYS.us.enterprise): Promise<PublicSession[]> {
  return (await walk<PublicSession>(server(), `/v1/sessions?pageSize=100&${query}`, { key })).flatMap((p) => p.data);
}

describe('session filters', () => {
  it('status (case-insensitive), unknown status gives an empty page', async () => {
    const active = FIXTURES.sessions.filter((r) => r.session.status === 'active').map((r) => r.session.id);
    expect(active.length).toBeGreaterThan(0);
    expect((await allSessions('status=active')).map((s) => s.id)).toEqual(active);
    expect((await allSessions('status=ACTIVE')).map((s) => s.id)).toEqual(active);
    expect(await allSessions('status=closed')).toHaveLength(FIXTURES.sessions.length - active.length);
    expect(await allSessions('status=archived')).toEqual([]);
  });

  it('botOnly=true keeps botScore >= 0.7, including exactly 0.7', async () => {
    const bots = await allSessions('botOnly=true');
    expect(bots.every((s) => s.botScore >= 0.7)).toBe(true);
    expect(bots.map((s) => s.id)).toContain(THRESHOLD_SESSION_ID);
    expect(bots).toHaveLength(FIXTURES.sessions.filter((r) => r.session.botScore >= 0.7).length);
    expect(await allSessions('botOnly=false')).toHaveLength(FIXTURES.sessions.length);
  });

  it('startDate/endDate are inclusive bounds on createdAt', async () => {
    const target = FIXTURES.sessions[40]?.session;
    if (target === undefined) throw new Error('fixtures too small');
    const exact = await allSessions(`startDate=${target.createdAt}&endDate=${target.createdAt}`);
    expect(exact.map((s) => s.id)).toEqual([target.id]);
    const since = isoDateTime(FIXTURE_EPOCH_MS - 2 * DAY);
    const recent = await allSessions(`startDate=${since}`);
    expect(recent.map((s) => s.id)).toEqual(
      FIXTURES.sessions.filter((r) => r.createdAtMs >= FIXTURE_EPOCH_MS - 2 * DAY).map((r) => r.session.id),
    );
    expect(await allSessions(`startDate=${isoDateTime(FIXTURE_EPOCH_MS)}&endDate=${since}`)).toEqual([]);
  });

  it('a startDate outside the tier history window gives an empty page, not an error', async () => {
    const tenDaysAgo = isoDateTime(FIXTURE_EPOCH_MS - 10 * DAY);
    const fortyDaysAgo = isoDateTime(FIXTURE_EPOCH_MS - 40 * DAY);
    expect(await allSessions(`startDate=${tenDaysAgo}`, TEST_KEYS.us.free)).toEqual([]);
    expect((await allSessions(`startDate=${tenDaysAgo}`, TEST_KEYS.us.pro)).length).toBeGreaterThan(0);
    expect(await allSessions(`startDate=${fortyDaysAgo}`, TEST_KEYS.us.pro)).toEqual([]);
    expect((await allSessions(`startDate=${fortyDaysAgo}`, TEST_KEYS.us.enterprise)).length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('users: case-insensitive substring of userId or userName', async () => {
    const users = (await walk<PublicUser>(server(), '/v1/users?search=ADA', enterprise)).flatMap((p) => p.data);
    const expected = FIXTURES.users.filter((u) => `${u.userId}\n${u.userName}`.toLowerCase().includes('ada'));
    expect(expected.length).toBeGreaterThan(0);
    expect(users.map((u) => u.userId)).toEqual(expected.map((u) => u.userId));
    const first = FIXTURES.users[3];
    const byId = (await call(server(), `/v1/users?search=${first?.userId.toUpperCase() ?? ''}`, enterprise)).body as { data: PublicUser[] };
    expect(byId.data.map((u) => u.userId)).toEqual([first?.userId]);
    expect(((await call(server(), '/v1/users?search=zzzz', enterprise)).body as { data: unknown[] }).data).toEqual([]);
  });

  it('courses: case-insensitive substring of courseId or courseName', async () => {
    const body = (await call(server(), '/v1/courses?search=calculus', enterprise)).body as { data: { courseName: string }[] };
    expect(body.data.map((c) => c.courseName)).toEqual(['Calculus I']);
  });
});

describe('event filters', () => {
  const base = `/v1/sessions/${BIG_SESSION_ID}/events?pageSize=100`;
  const record = FIXTURES.sessionsById.get(BIG_SESSION_ID);
  if (record === undefined) throw new Error('no big session');
  const all = eventsFor(record).map((e) => e.wire);
  const list = async (query: string): Promise<SessionEvent[]> =>
    (await walk<SessionEvent>(server(), `${base}&${query}`, enterprise)).flatMap((p) => p.data);

  it('type accepts decimal, hex and (case-insensitive) names', async () => {
    const keypresses = all.filter((e) => e.eventTypeName === 'keypress');
    expect(keypresses.length).toBeGreaterThan(0);
    for (const type of ['keypress', 'KeyPress', '5', '0x05', '0X5', '05']) {
      expect(await list(`type=${type}`), type).toEqual(keypresses);
    }
    expect(await list('type=init')).toEqual(all.slice(0, 1));
    expect(await list('type=0x7f')).toEqual([]);
  });

  it('startTime/endTime are inclusive Unix-ms bounds', async () => {
    const from = all[100]?.timestamp ?? 0;
    const to = all[200]?.timestamp ?? 0;
    expect(await list(`startTime=${from}&endTime=${to}`)).toEqual(all.filter((e) => e.timestamp >= from && e.timestamp <= to));
    expect(await list(`startTime=${to}&endTime=${from}`)).toEqual([]);
  });
});

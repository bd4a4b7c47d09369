import { describe, expect, it } from 'vitest';
import { BIG_SESSION_ID, FIXTURES, FOREIGN_SESSION_ID } from './fixtures.js';
import { call, errorOf, useServer } from './test-helpers.js';

const server = useServer();
const events = `/v1/sessions/${BIG_SESSION_ID}/events`;

describe('400 VALIDATION_ERROR with details.field', () => {
  it.each([
    ['/v1/sessions?pageSize=0', 'pageSize'],
    ['/v1/sessions?pageSize=-5', 'pageSize'],
    ['/v1/sessions?pageSize=1.5', 'pageSize'],
    ['/v1/sessions?pageSize=ten', 'pageSize'],
    ['/v1/sessions?pageSize=1e2', 'pageSize'],
    ['/v1/sessions?pageSize=2147483648', 'pageSize'],
    ['/v1/users?pageSize=0', 'pageSize'],
    ['/v1/courses?pageSize=abc', 'pageSize'],
    [`${events}?pageSize=0`, 'pageSize'],
    ['/v1/sessions?botOnly=yes', 'botOnly'],
    ['/v1/sessions?startDate=yesterday', 'startDate'],
    ['/v1/sessions?startDate=2026-13-01', 'startDate'],
    ['/v1/sessions?endDate=2026-02-30T00:00:00Z', 'endDate'],
    // an unencoded "+" arrives as a space: the client must percent-encode offsets
    ['/v1/sessions?startDate=2026-06-01T00:00:00+02:00', 'startDate'],
    ['/v1/analytics?period=1y', 'period'],
    ['/v1/analytics?period=7D', 'period'],
    ['/v1/analytics?groupBy=month', 'groupBy'],
    ['/v1/usage?metric=Bytes', 'metric'],
    ['/v1/usage?startDate=2026-06-10&endDate=2026-06-01', 'startDate'],
    ['/v1/usage?startDate=2024-01-01&endDate=2026-01-01', 'startDate'],
    ['/v1/usage?endDate=not-a-date', 'endDate'],
    [`${events}?startTime=abc`, 'startTime'],
    [`${events}?endTime=1.5`, 'endTime'],
    [`${events}?type=warp`, 'type'],
    [`${events}?type=300`, 'type'],
    [`${events}?type=0x1ff`, 'type'],
  ])('%s -> field %s', async (path, field) => {
    const reply = await call(server(), path);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: { code: 'VALIDATION_ERROR', message: expect.any(String), details: { field } } });
    expect(reply.headers.get('x-isnotai-tier')).toBe('pro');
  });

  it('accepts the documented valid forms', async () => {
    for (const path of [
      '/v1/sessions?pageSize=1&botOnly=TRUE&startDate=2026-06-01&endDate=2026-06-22T12:00:00.0000000%2B00:00',
      '/v1/sessions?pageSize=007',
      '/v1/sessions?pageSize=',
      '/v1/usage?metric=apicalls&startDate=2026-06-01T00:00:00Z&endDate=2026-06-02',
      `${events}?type=0x05&startTime=0&endTime=9999999999999`,
    ]) {
      expect((await call(server(), path)).status, path).toBe(200);
    }
  });
});

describe('403 and 404', () => {
  it.each(['', '/details', '/events'])('403 FORBIDDEN for a foreign session (%s)', async (suffix) => {
    const reply = await call(server(), `/v1/sessions/${FOREIGN_SESSION_ID}${suffix}`);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
  });

  it.each(['', '/details', '/events'])('404 NOT_FOUND for an unknown session (%s)', async (suffix) => {
    const reply = await call(server(), `/v1/sessions/ses_doesnotexist${suffix}`);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('404 NOT_FOUND for an unknown user, 200 for every known one', async () => {
    expect(errorOf(await call(server(), '/v1/users/u-00000/sessions')).code).toBe('NOT_FOUND');
    const first = FIXTURES.users[0];
    expect((await call(server(), `/v1/users/${first?.userId ?? ''}/sessions`)).status).toBe(200);
  });

  it('404 NOT_FOUND for unknown routes and 405 for non-GET methods', async () => {
    expect(errorOf(await call(server(), '/v1/sessions/a/b/c')).code).toBe('NOT_FOUND');
    expect(errorOf(await call(server(), '/nowhere', { key: null })).code).toBe('NOT_FOUND');
    const post = await call(server(), '/v1/sessions', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toContain('GET');
  });

  it('decodes percent-encoded path ids', async () => {
    const id = FIXTURES.sessions[0]?.session.id ?? '';
    const encoded = [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
    expect((await call(server(), `/v1/sessions/${encoded}`)).status).toBe(200);
  });
});

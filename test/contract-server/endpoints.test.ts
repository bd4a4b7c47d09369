import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startContractServer, DEFAULT_SPEC_PATH } from './server.js';
import { ACTIVE_SESSION_ID, BIG_SESSION_ID, FIXTURES, UNCORRELATED_SESSION_ID } from './fixtures.js';
import { TEST_KEYS, maskKey } from './keys.js';
import type { Analytics, HealthResponse, IntegrationStats, PublicIntegration, PublicSession, SessionDetails, UsageResponse } from './wire.js';
import { call, useServer } from './test-helpers.js';
import { API_VERSION } from './types.js';

const server = useServer();

describe('single resources', () => {
  it('getSession returns the list item unchanged; uncorrelated sessions carry explicit nulls', async () => {
    const reply = await call(server(), `/v1/sessions/${UNCORRELATED_SESSION_ID}`);
    const data = (reply.body as { data: PublicSession }).data;
    expect(data).toEqual(FIXTURES.sessionsById.get(UNCORRELATED_SESSION_ID)?.session);
    expect(data).toMatchObject({ userId: null, userName: null, userUrl: null });
  });

  it('details: event counts add up; an active session has endTime null', async () => {
    const big = ((await call(server(), `/v1/sessions/${BIG_SESSION_ID}/details`)).body as { data: SessionDetails }).data;
    expect(big.eventCounts.total).toBe(1234);
    expect(big.timeline.reduce((sum, t) => sum + t.eventCount, 0)).toBe(1234);
    expect(big.pageHistory.length).toBeGreaterThan(1);
    expect(big.endTime).not.toBeNull();
    const active = ((await call(server(), `/v1/sessions/${ACTIVE_SESSION_ID}/details`)).body as { data: SessionDetails }).data;
    expect(active.endTime).toBeNull();
  });
});

describe('aggregates', () => {
  it('analytics defaults to 7d by day and honours period/groupBy', async () => {
    const byDefault = ((await call(server(), '/v1/analytics')).body as { data: Analytics }).data;
    expect(byDefault).toMatchObject({ period: '7d', groupBy: 'day', endDate: '2026-06-22T12:00:00.000Z' });
    expect(byDefault.timeSeries).toHaveLength(8);
    const hourly = ((await call(server(), '/v1/analytics?period=24h&groupBy=hour')).body as { data: Analytics }).data;
    expect(hourly.timeSeries).toHaveLength(25);
    expect(hourly.timeSeries.reduce((sum, p) => sum + p.sessionCount, 0)).toBe(hourly.summary.totalSessions);
    const weekly = ((await call(server(), '/v1/analytics?period=90d&groupBy=week')).body as { data: Analytics }).data;
    expect(weekly.summary.totalSessions).toBe(FIXTURES.sessions.length);
    const b = weekly.botDetection;
    expect(b.highConfidenceBots + b.mediumConfidenceBots + b.lowConfidenceBots + b.likelyHumans).toBe(FIXTURES.sessions.length);
  });

  it('stats', async () => {
    const stats = ((await call(server(), '/v1/stats')).body as { data: IntegrationStats }).data;
    expect(stats.totalSessions).toBe(237);
    expect(stats.totalUsers).toBe(FIXTURES.users.length);
    expect(stats.lastSessionAt).toBe(FIXTURES.sessions[0]?.session.createdAt);
  });

  it('usage: default 31 days x 5 metrics; metric is case-insensitive; totals sum the data', async () => {
    const all = (await call(server(), '/v1/usage')).body as UsageResponse;
    expect(all).toMatchObject({ startDate: '2026-05-23', endDate: '2026-06-22' });
    expect(all.data).toHaveLength(31 * 5);
    expect(Object.keys(all.totals)).toEqual(['ApiCalls', 'Events', 'Sessions', 'StorageBytes', 'BotAnalyses']);
    const one = (await call(server(), '/v1/usage?metric=storagebytes&startDate=2026-06-01&endDate=2026-06-07')).body as UsageResponse;
    expect(one.data.map((d) => d.metricType)).toEqual(Array(7).fill('StorageBytes'));
    expect(one.totals).toEqual({ StorageBytes: one.data.reduce((sum, d) => sum + d.value, 0) });
  });
});

describe('integration, health, openapi', () => {
  it('integration reflects the key without revealing it', async () => {
    for (const tier of ['free', 'pro', 'enterprise'] as const) {
      const key = TEST_KEYS.us[tier];
      const reply = await call(server(), '/v1/integration', { key });
      const data = (reply.body as { data: PublicIntegration }).data;
      expect(data).toMatchObject({ region: 'us', tier, apiKeyMasked: maskKey(key) });
      expect(reply.text).not.toContain(key);
    }
  });

  it('health is a bare object with a fixed .NET-style timestamp', async () => {
    const reply = await call(server(), '/health', { key: null });
    expect(reply.body as HealthResponse).toEqual({
      status: 'healthy',
      version: API_VERSION,
      timestamp: '2026-06-22T12:00:00.0000000+00:00',
    });
  });

  it('serves the spec file bytes unauthenticated, and a plain 404 when it is absent', async () => {
    const reply = await call(server(), '/openapi/v3.json', { key: null });
    if (existsSync(DEFAULT_SPEC_PATH)) {
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toContain('application/json');
      expect(reply.text).toBe(readFileSync(DEFAULT_SPEC_PATH, 'utf8'));
    } else {
      expect(reply.status).toBe(404);
    }
    const bare = await startContractServer({ specPath: '/nonexistent/openapi.json' });
    try {
      const missing = await call(bare, '/openapi/v3.json', { key: null });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('text/plain');
    } finally {
      await bare.close();
    }
  });
});

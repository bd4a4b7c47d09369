/** /v1/analytics: aggregates over the sessions created in the period, bucketed by groupBy. */

import type { RouteDef } from './types.js';
import { ok } from './types.js';
import type { SessionRecord } from '../fixtures.js';
import { BOT_THRESHOLD, FIXTURES } from '../fixtures.js';
import { readEnum } from '../params.js';
import { round } from '../prng.js';
import { DAY, FIXTURE_EPOCH_MS, HOUR, isoDateTime, startOfUtcDay } from '../time.js';
import type { Analytics } from '../wire.js';

export const PERIODS = ['24h', '7d', '30d', '90d'] as const;
export const GROUP_BYS = ['hour', 'day', 'week'] as const;
type Period = (typeof PERIODS)[number];
type GroupBy = (typeof GROUP_BYS)[number];

const PERIOD_MS: Readonly<Record<Period, number>> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY };

function bucketStart(ms: number, groupBy: GroupBy): number {
  if (groupBy === 'hour') return Math.floor(ms / HOUR) * HOUR;
  const day = startOfUtcDay(ms);
  if (groupBy === 'day') return day;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * DAY;
}

function nextBucket(ms: number, groupBy: GroupBy): number {
  return ms + (groupBy === 'hour' ? HOUR : groupBy === 'day' ? DAY : 7 * DAY);
}

function average(values: readonly number[], digits: number): number {
  return values.length === 0 ? 0 : round(values.reduce((a, b) => a + b, 0) / values.length, digits);
}

export function computeAnalytics(period: Period, groupBy: GroupBy): Analytics {
  const start = FIXTURE_EPOCH_MS - PERIOD_MS[period];
  const inPeriod = FIXTURES.sessions.filter((r) => r.createdAtMs >= start && r.createdAtMs <= FIXTURE_EPOCH_MS);
  const isBot = (r: SessionRecord): boolean => r.session.botScore >= BOT_THRESHOLD;
  const matched = inPeriod.filter((r) => r.session.userId !== null);

  const timeSeries: Analytics['timeSeries'] = [];
  for (let t = bucketStart(start, groupBy); t <= FIXTURE_EPOCH_MS; t = nextBucket(t, groupBy)) {
    const end = nextBucket(t, groupBy);
    const rows = inPeriod.filter((r) => r.createdAtMs >= t && r.createdAtMs < end);
    timeSeries.push({
      timestamp: isoDateTime(t),
      sessionCount: rows.length,
      eventCount: rows.reduce((sum, r) => sum + r.eventCount, 0),
      botCount: rows.filter(isBot).length,
      userMatchedCount: rows.filter((r) => r.session.userId !== null).length,
    });
  }

  const byOrigin = new Map<string, SessionRecord[]>();
  for (const r of inPeriod) byOrigin.set(r.origin, [...(byOrigin.get(r.origin) ?? []), r]);
  const topOrigins = [...byOrigin.entries()]
    .map(([origin, rows]) => ({
      origin,
      sessionCount: rows.length,
      botPercentage: round((100 * rows.filter(isBot).length) / rows.length, 1),
    }))
    .sort((a, b) => b.sessionCount - a.sessionCount || a.origin.localeCompare(b.origin))
    .slice(0, 5);

  const browserCounts: Record<string, number> = {};
  for (const r of [...inPeriod].sort((a, b) => a.browser.localeCompare(b.browser))) {
    browserCounts[r.browser] = (browserCounts[r.browser] ?? 0) + 1;
  }
  const totalEvents = inPeriod.reduce((sum, r) => sum + r.eventCount, 0);
  const scores = inPeriod.map((r) => r.session.botScore);

  return {
    period,
    groupBy,
    startDate: isoDateTime(start),
    endDate: isoDateTime(FIXTURE_EPOCH_MS),
    generatedAt: isoDateTime(FIXTURE_EPOCH_MS),
    summary: {
      totalSessions: inPeriod.length,
      totalEvents,
      uniqueBots: inPeriod.filter(isBot).length,
      uniqueUsers: new Set(matched.map((r) => r.session.userId)).size,
      averageBotScore: average(scores, 4),
      averageEventsPerSession: inPeriod.length === 0 ? 0 : round(totalEvents / inPeriod.length, 2),
    },
    timeSeries,
    botDetection: {
      highConfidenceBots: scores.filter((s) => s >= BOT_THRESHOLD).length,
      mediumConfidenceBots: scores.filter((s) => s >= 0.4 && s < BOT_THRESHOLD).length,
      lowConfidenceBots: scores.filter((s) => s >= 0.2 && s < 0.4).length,
      likelyHumans: scores.filter((s) => s < 0.2).length,
    },
    userMatching: {
      totalMatched: matched.length,
      totalUnmatched: inPeriod.length - matched.length,
      matchRate: inPeriod.length === 0 ? 0 : round(matched.length / inPeriod.length, 4),
      averageCorrelationConfidence: average(
        matched.flatMap((r) => (r.correlationConfidence === null ? [] : [r.correlationConfidence])),
        4,
      ),
    },
    topOrigins,
    deviceBreakdown: {
      mobile: inPeriod.filter((r) => r.device === 'mobile').length,
      tablet: inPeriod.filter((r) => r.device === 'tablet').length,
      desktop: inPeriod.filter((r) => r.device === 'desktop').length,
      browserCounts,
    },
  };
}

export const getAnalytics: RouteDef = {
  pattern: '/v1/analytics',
  auth: true,
  list: false,
  handle(ctx) {
    const period = readEnum(ctx.query, 'period', PERIODS) ?? '7d';
    const groupBy = readEnum(ctx.query, 'groupBy', GROUP_BYS) ?? 'day';
    return ok({ data: computeAnalytics(period, groupBy) });
  },
};

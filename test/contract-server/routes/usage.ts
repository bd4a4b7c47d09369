/** /v1/usage: daily API-consumption metrics (not a data wrapper, no pagination). */

import type { RouteDef } from './types.js';
import { ok } from './types.js';
import { validationError } from '../errors.js';
import { hash32, mulberry32 } from '../prng.js';
import { readDateTime, readEnum } from '../params.js';
import { DAY, FIXTURE_EPOCH_MS, isoDate, startOfUtcDay } from '../time.js';
import type { UsageDataPoint, UsageResponse } from '../wire.js';

export const METRICS = ['ApiCalls', 'Events', 'Sessions', 'StorageBytes', 'BotAnalyses'] as const;
type Metric = (typeof METRICS)[number];

/** Longest accepted range, in days (inference; keeps responses bounded). */
export const MAX_USAGE_DAYS = 366;

const RANGES: Readonly<Record<Metric, readonly [number, number]>> = {
  ApiCalls: [200, 5000],
  Events: [2000, 60000],
  Sessions: [2, 20],
  StorageBytes: [1_000_000, 500_000_000],
  BotAnalyses: [2, 20],
};

function valueFor(day: number, metric: Metric): number {
  if (day > startOfUtcDay(FIXTURE_EPOCH_MS)) return 0; // the future has no usage yet
  const [min, max] = RANGES[metric];
  return min + Math.floor(mulberry32(hash32(`usage:${metric}:${day}`))() * (max - min + 1));
}

export function computeUsage(startDay: number, endDay: number, metric: Metric | undefined): UsageResponse {
  const metrics: readonly Metric[] = metric === undefined ? METRICS : [metric];
  const data: UsageDataPoint[] = [];
  const totals: Record<string, number> = {};
  for (const m of metrics) totals[m] = 0;
  for (let day = startDay; day <= endDay; day += DAY) {
    for (const m of metrics) {
      const value = valueFor(day, m);
      data.push({ period: isoDate(day), metricType: m, value });
      totals[m] = (totals[m] ?? 0) + value;
    }
  }
  return { startDate: isoDate(startDay), endDate: isoDate(endDay), data, totals };
}

export const getUsage: RouteDef = {
  pattern: '/v1/usage',
  auth: true,
  list: false,
  handle(ctx) {
    const metric = readEnum(ctx.query, 'metric', METRICS, true);
    const end = readDateTime(ctx.query, 'endDate');
    const start = readDateTime(ctx.query, 'startDate');
    const endDay = startOfUtcDay(end ?? FIXTURE_EPOCH_MS);
    const startDay = start === undefined ? endDay - 30 * DAY : startOfUtcDay(start);
    if (startDay > endDay) throw validationError('startDate', 'startDate must not be after endDate');
    if ((endDay - startDay) / DAY + 1 > MAX_USAGE_DAYS) {
      throw validationError('startDate', `the date range must not exceed ${MAX_USAGE_DAYS} days`);
    }
    return ok(computeUsage(startDay, endDay, metric));
  },
};

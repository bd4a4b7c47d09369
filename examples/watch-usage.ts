/**
 * Watches API usage: polls the usage totals every --interval seconds and prints one line per
 * poll with each metric's total and its change since the previous poll. A poll that fails with an
 * outage (after the client's own retries) is reported and the watch goes on; a bad key or a bad
 * --metric ends it with exit code 1. Ctrl+C stops.
 *
 *   NOTAI_API_KEY=aik_v1_… npx tsx examples/watch-usage.ts [--interval <s>] [--count <n>] [--metric <name>]
 *
 * NOTAI_BASE_URL points it at another server.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { APIConnectionError, InternalServerError, NotAi, NotAiError, RateLimitError, type GetUsageParams } from '../generated/src/index.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { interval: { type: 'string', default: '60' }, count: { type: 'string' }, metric: { type: 'string' } } });
  const intervalMs = Number(values.interval) * 1000;
  const count = values.count === undefined ? Infinity : Number(values.count);
  // The server validates the name (a typo is a 400 VALIDATION_ERROR naming the field).
  const metric = values.metric as GetUsageParams['metric'];

  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  const client = new NotAi({ baseUrl: process.env.NOTAI_BASE_URL || undefined, timeout: 15_000 });

  let previous: Record<string, number> | undefined;
  for (let poll = 1; poll <= count && !stop.signal.aborted; poll += 1) {
    try {
      const { data, tier } = await client.usage.get({ metric }, { signal: stop.signal }).withResponse();
      const totals = data.totals;
      const parts = Object.entries(totals).map(([name, total]) => {
        const delta = previous === undefined ? '' : ` (${total - (previous[name] ?? 0) >= 0 ? '+' : ''}${total - (previous[name] ?? 0)})`;
        return `${name}=${total}${delta}`;
      });
      console.log(`${new Date().toISOString()} ${data.startDate}..${data.endDate} tier=${tier ?? '?'} ${parts.join(' ')}`);
      previous = totals;
    } catch (error) {
      if (stop.signal.aborted) break;
      // Outages outlast the client's retries now and then: report and keep watching. Anything
      // else (a bad key, a bad --metric) will not fix itself, so it ends the watch.
      const transient = error instanceof APIConnectionError || error instanceof RateLimitError || error instanceof InternalServerError;
      if (!transient) throw error;
      console.error(`poll ${poll} failed: ${(error as Error).message}`);
    }
    if (poll < count) await sleep(intervalMs, undefined, { signal: stop.signal }).catch(() => undefined);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const detail = error instanceof NotAiError && 'code' in error && error.code ? ` [${String(error.code)}]` : '';
    console.error(`watch-usage: ${(error as Error).message}${detail}`);
    process.exitCode = 1;
  },
);

// A consumer of the generated package, type-checked by compile.test.ts under strict settings.
// The @ts-expect-error lines prove the types are precise: each would compile if they were `any`.
import {
  NotAi,
  NotAiError,
  APIError,
  RateLimitError,
  listSessions,
  type ErrorCode,
  type ListSessionsItem,
  type PublicSession,
  type SessionDetails,
  type GetUsageResponse,
  type WithOptionalUndefined,
} from '../../../generated/src/index.js';

export async function useEveryMethod(): Promise<void> {
  const client = new NotAi({ apiKey: 'aik_v1_' + 'x'.repeat(40), region: 'eu', authHeader: 'x-api-key', maxRetries: 3, timeout: 5_000 });

  const page = await client.sessions.list({ botOnly: true, pageSize: 25, status: 'active' });
  const first: ListSessionsItem | undefined = page.data[0];
  const session: PublicSession | undefined = first;
  void session?.botScore;
  for await (const s of client.sessions.list({ botOnly: true }, { maxItems: 10 })) void s.id;
  // Single objects resolve to the model inside the spec's `{ data }` envelope.
  const one: PublicSession = await client.sessions.get('s_1');
  void one.id;
  const details: SessionDetails = await client.sessions.details('s_1');
  void details.eventCounts;
  for await (const e of client.sessions.events('s_1', { startTime: 0, type: 'mouse_move' })) void e.timestamp;
  void (await client.users.list({ search: 'ann' })).data;
  void (await client.users.sessions('u_1')).data;
  void (await client.courses.list()).data;
  void (await client.analytics.get({ period: '30d', groupBy: 'week' })).period;
  void (await client.stats.get()).totalSessions;
  const usage: GetUsageResponse = await client.usage.get({ metric: 'ApiCalls' });
  void usage.totals;
  void (await client.integration.get()).tier;
  const health = await client.health.check();
  void health.status;

  const raw = await client.sessions.get('s_1').withResponse();
  void raw.response.status;
  void raw.tier;
  // .withResponse() keeps the body as sent: the envelope around the model.
  const inEnvelope: PublicSession = raw.data.data;
  void inEnvelope.id;
  // @ts-expect-error the awaited call is the model, not the envelope
  void (await client.sessions.get('s_1')).data;
  void (await listSessions(client, { cursor: 'abc' })).nextCursor;

  try {
    await client.sessions.get('s_2', { signal: AbortSignal.timeout(1000), maxRetries: 0, headers: { 'x-extra': '1' } });
  } catch (error) {
    if (error instanceof RateLimitError) void error.retryAfter;
    if (error instanceof APIError) {
      const code: ErrorCode | undefined = error.code;
      if (code === 'INVALID_API_KEY' || code === 'SOMETHING_NEW') void error.status;
    }
    if (error instanceof NotAiError) void error.message;
  }

  // @ts-expect-error botOnly is a boolean
  void client.sessions.list({ botOnly: 'yes' });
  // @ts-expect-error unknown query parameter
  void client.sessions.list({ nope: 1 });
  // @ts-expect-error analytics period is an enum
  void client.analytics.get({ period: '1y' });
  // @ts-expect-error region must be one of the spec's servers
  void new NotAi({ region: 'ap' });
  // @ts-expect-error sessionId is required
  void client.sessions.get();

  // Under exactOptionalPropertyTypes an option left undefined on purpose is still accepted.
  const maybeTimeout: number | undefined = Math.random() > 2 ? 1 : undefined;
  const maybeStatus: string | undefined = maybeTimeout === undefined ? undefined : 'active';
  void new NotAi({ apiKey: undefined, timeout: maybeTimeout, headers: undefined });
  void client.sessions.get('s_1', { signal: undefined, timeout: maybeTimeout });
  void client.sessions.list({ cursor: undefined, status: maybeStatus }, { maxItems: undefined });
  // @ts-expect-error still precise: pageSize is a number
  void client.sessions.list({ pageSize: '25' });
  // @ts-expect-error still precise: a timeout is a number
  void client.sessions.get('s_1', { timeout: '5s' });

  // WithOptionalUndefined (parameter and JSON body aliases): optional properties take undefined,
  // required ones stay required, and arrays, primitives and unknown pass through unchanged.
  type Body = WithOptionalUndefined<{ readonly id: string; note?: string }>;
  const body: Body = { id: 'a', note: maybeStatus };
  // @ts-expect-error id is required
  const noId: Body = { note: 'x' };
  // @ts-expect-error readonly stays readonly
  body.id = 'b';
  const items: WithOptionalUndefined<string[]> = ['a'];
  // @ts-expect-error array items are not widened (JSON would send [undefined] as [null])
  const holes: WithOptionalUndefined<string[]> = [undefined];
  const anything: WithOptionalUndefined<unknown> = null;
  const text: WithOptionalUndefined<string> = 'plain';
  const either: WithOptionalUndefined<{ a?: number } | { b: string }> = { a: undefined };
  void [noId, items, holes, anything, text, either];
}

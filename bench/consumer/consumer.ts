/**
 * A small consumer of the generated client that calls every method once. bench/typecheck.ts
 * times `tsc --noEmit` on it; the root tsconfig also checks it, so it cannot drift from the
 * generated API. bench/typecheck.ts reports how many of the client's methods it calls.
 */
import { APIError, NotAi, type ListSessionsItem } from '../../generated/src/index.js';

export async function useEveryMethod(client: NotAi): Promise<string[]> {
  const seen: string[] = [];

  const health = await client.health.check();
  seen.push(JSON.stringify(health));
  const integration = await client.integration.get();
  seen.push(JSON.stringify(integration));
  const stats = await client.stats.get();
  seen.push(JSON.stringify(stats));
  const usage = await client.usage.get();
  seen.push(JSON.stringify(usage.data));
  const analytics = await client.analytics.get();
  seen.push(JSON.stringify(analytics));

  for await (const course of client.courses.list({ pageSize: 50 }, { maxItems: 10 })) {
    seen.push(JSON.stringify(course));
  }
  const firstSessions: ListSessionsItem[] = [];
  for await (const session of client.sessions.list({ botOnly: true, pageSize: 100 }, { maxItems: 5 })) {
    firstSessions.push(session);
    seen.push(session.id, String(session.botScore ?? 0));
  }
  const id = firstSessions[0]?.id ?? 'sess_missing';
  const one = await client.sessions.get(id);
  seen.push(one.id);
  const details = await client.sessions.details(id);
  seen.push(JSON.stringify(details));
  const page = await client.sessions.events(id, { pageSize: 100 });
  for (const event of page.data) seen.push(JSON.stringify(event));
  if (page.hasNextPage()) seen.push(String((await page.getNextPage()).data.length));

  for await (const user of client.users.list({ pageSize: 10 }, { maxPages: 1 })) {
    seen.push(JSON.stringify(user));
  }
  try {
    const userSessions = await client.users.sessions('u_1', { pageSize: 10 });
    seen.push(String(userSessions.data.length));
  } catch (error) {
    if (error instanceof APIError) seen.push(`${error.status} ${error.code ?? ''}`);
    else throw error;
  }
  return seen;
}

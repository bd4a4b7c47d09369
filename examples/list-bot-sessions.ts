/**
 * Lists the bot sessions (botScore >= 0.7) created in the last day, newest first, as
 * tab-separated lines: id, botScore, createdAt, pageUrl. The count goes to stderr.
 *
 *   NOTAI_API_KEY=aik_v1_… npx tsx examples/list-bot-sessions.ts [--since <ISO date-time>] [--limit <n>]
 *
 * NOTAI_BASE_URL points it at another server, e.g. the contract server (`npm run contract-server`).
 */
import { parseArgs } from 'node:util';
import { NotAi, NotAiError } from '../generated/src/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { since: { type: 'string' }, limit: { type: 'string' } } });
  const since = values.since ?? new Date(Date.now() - DAY_MS).toISOString();
  if (Number.isNaN(Date.parse(since))) throw new Error(`--since must be an ISO-8601 date-time, got "${since}"`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);

  // The key comes from NOTAI_API_KEY (or ISNOTAI_API_KEY); the region is 'us' unless baseUrl says otherwise.
  const client = new NotAi({ baseUrl: process.env.NOTAI_BASE_URL || undefined });

  let count = 0;
  // One request per page, one page in memory: the walk stops by itself on the last page.
  for await (const session of client.sessions.list({ botOnly: true, startDate: since }, { maxItems: limit })) {
    count += 1;
    console.log([session.id, session.botScore?.toFixed(2) ?? '-', session.createdAt ?? '-', session.pageUrl ?? '-'].join('\t'));
  }
  console.error(`${count} bot session${count === 1 ? '' : 's'} since ${since}`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // NotAiError covers every client failure: bad key, HTTP errors (with code), network, timeouts.
    const detail = error instanceof NotAiError && 'code' in error && error.code ? ` [${String(error.code)}]` : '';
    console.error(`list-bot-sessions: ${(error as Error).message}${detail}`);
    process.exitCode = 1;
  },
);

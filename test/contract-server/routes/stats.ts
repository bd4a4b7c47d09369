/** /v1/stats: high-level integration counters. */

import type { RouteDef } from './types.js';
import { ok } from './types.js';
import { BOT_THRESHOLD, FIXTURES } from '../fixtures.js';
import { round } from '../prng.js';
import type { IntegrationStats } from '../wire.js';

export function computeStats(): IntegrationStats {
  const sessions = FIXTURES.sessions;
  const newest = sessions[0];
  return {
    totalSessions: sessions.length,
    botSessions: sessions.filter((r) => r.session.botScore >= BOT_THRESHOLD).length,
    activeSessions: sessions.filter((r) => r.active).length,
    totalUsers: FIXTURES.users.length,
    totalEvents: sessions.reduce((sum, r) => sum + r.eventCount, 0),
    averageBotScore: round(sessions.reduce((sum, r) => sum + r.session.botScore, 0) / sessions.length, 4),
    lastSessionAt: newest === undefined ? null : newest.session.createdAt,
  };
}

export const getStats: RouteDef = {
  pattern: '/v1/stats',
  auth: true,
  list: false,
  handle: () => ok({ data: computeStats() }),
};

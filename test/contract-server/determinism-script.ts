/** A request script covering every endpoint, replayed by the determinism and CLI tests (not a test file). */

import { createHash } from 'node:crypto';
import { BIG_SESSION_ID, FIXTURES, FOREIGN_SESSION_ID } from './fixtures.js';
import { TEST_KEYS } from './keys.js';
import type { Region, Tier } from './types.js';

/** [path, tier of the key to send (null: no key)]. */
export const DETERMINISM_SCRIPT: readonly (readonly [string, Tier | null])[] = [
  ['/health', null],
  ['/v1/sessions', 'free'],
  ['/v1/sessions?pageSize=100&botOnly=true', 'pro'],
  [`/v1/sessions/${BIG_SESSION_ID}`, 'pro'],
  [`/v1/sessions/${BIG_SESSION_ID}/details`, 'pro'],
  [`/v1/sessions/${BIG_SESSION_ID}/events?pageSize=100`, 'enterprise'],
  [`/v1/sessions/${FOREIGN_SESSION_ID}`, 'pro'],
  ['/v1/users', 'pro'],
  [`/v1/users/${FIXTURES.users[0]?.userId ?? ''}/sessions`, 'pro'],
  ['/v1/courses', 'pro'],
  ['/v1/analytics?period=90d&groupBy=hour', 'pro'],
  ['/v1/stats', 'pro'],
  ['/v1/usage', 'pro'],
  ['/v1/integration', 'enterprise'],
  ['/v1/sessions?pageSize=0', 'pro'],
  ['/v1/sessions', null],
];

export interface Capture {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly sha256: string;
}

/** Status, headers (minus connection management) and a hash of the exact body bytes. */
export async function capture(baseUrl: string, path: string, region: Region, tier: Tier | null): Promise<Capture> {
  const headers: Record<string, string> = tier === null ? {} : { authorization: `Bearer ${TEST_KEYS[region][tier]}` };
  const res = await fetch(baseUrl + path, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const kept = [...res.headers].filter(([name]) => name !== 'connection' && name !== 'keep-alive');
  return { status: res.status, headers: kept, sha256: createHash('sha256').update(body).digest('hex') };
}

export async function replay(baseUrl: string, region: Region): Promise<Capture[]> {
  const out: Capture[] = [];
  for (const [path, tier] of DETERMINISM_SCRIPT) out.push(await capture(baseUrl, path, region, tier));
  return out;
}

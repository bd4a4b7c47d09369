import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractServer } from './server.js';
import { startContractServer } from './server.js';
import { replay } from './determinism-script.js';
import { FIXTURES } from './fixtures.js';
import { eventsFor } from './events.js';

/**
 * Pinned fingerprint of the fixture data. If this changes, every consumer that hard-codes ids or counts
 * from the contract server may break: change it only on purpose (and tell the team).
 */
const FIXTURE_FINGERPRINT = 'e2c7f3d494bd713df9a19888790467af0b3cd3bcb516cd71084113b9cecfe13c';

describe('determinism', () => {
  it('fixtures match the pinned fingerprint (stable across processes and runs)', () => {
    const snapshot = JSON.stringify([
      FIXTURES.sessions.map((r) => r.session),
      FIXTURES.users,
      FIXTURES.courses,
      FIXTURES.sessions.map((r) => eventsFor(r).length),
    ]);
    expect(createHash('sha256').update(snapshot).digest('hex')).toBe(FIXTURE_FINGERPRINT);
  });

  let a: ContractServer;
  let b: ContractServer;
  beforeAll(async () => {
    a = await startContractServer();
    b = await startContractServer();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('two servers answer the same requests with identical status, headers and bytes', async () => {
    const left = await replay(a.url, 'us');
    const right = await replay(b.url, 'us');
    expect(right).toEqual(left);
    expect(new Set(left.map((c) => c.status))).toEqual(new Set([200, 403, 400, 401]));
  });

  it('a reset server replays the same bytes as a fresh one', async () => {
    a.reset();
    const first = await replay(a.url, 'us');
    a.reset();
    expect(await replay(a.url, 'us')).toEqual(first);
  });
});

/** /v1/integration: the integration the presented key resolved to. */

import type { RouteDef } from './types.js';
import { ok } from './types.js';
import type { KeyRecord } from '../keys.js';
import { maskKey } from '../keys.js';
import { DAY, FIXTURE_EPOCH_MS, isoDateTime } from '../time.js';
import type { PublicIntegration } from '../wire.js';

export function integrationFor(key: KeyRecord): PublicIntegration {
  return {
    id: key.integrationId,
    name: key.integrationName,
    region: key.region,
    tier: key.tier,
    apiKeyMasked: maskKey(key.key),
    createdAt: isoDateTime(FIXTURE_EPOCH_MS - 400 * DAY),
  };
}

export const getIntegration: RouteDef = {
  pattern: '/v1/integration',
  auth: true,
  list: false,
  handle: (ctx) => ok({ data: integrationFor(ctx.key) }),
};

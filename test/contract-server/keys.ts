/** The fixed table of test API keys (one per region x tier) and what each key resolves to. */

import type { Region, Tier } from './types.js';
import { hash32 } from './prng.js';

/** `aik_v1_` + 40 base64url characters: 47 characters in total [doc]. */
export const KEY_PATTERN = /^aik_v1_[A-Za-z0-9_-]{40}$/;

export const TEST_KEYS = {
  us: {
    free: 'aik_v1_CtUsFree_3z_gsZb4YzXAq9sYiynLzY9Tu1HOPlZ',
    pro: 'aik_v1_CtUsPro_XHLDyuwQ_Ui2bxSrzNPwMFIdJ4J5JGF6',
    enterprise: 'aik_v1_CtUsEnterprise_nDAaYafiPnCAdlAKJVWADJx8m',
  },
  eu: {
    free: 'aik_v1_CtEuFree_WWI_H_Wfu2Qf9vTWqlK-Sa0ebG4pJAN',
    pro: 'aik_v1_CtEuPro_hqVy-OOTlSOxGN7Kx3Qk4oSphBvvdsKj',
    enterprise: 'aik_v1_CtEuEnterprise_zKMrzPNTtJyFVgttdN6DyqvAN',
  },
} as const satisfies Record<Region, Record<Tier, string>>;

/** Well-formed (47 chars, right prefix) but issued to nobody: a 401 in every region. */
export const UNKNOWN_TEST_KEY = 'aik_v1_CtUnknown_TL8NJKqrjBRpGrbkD3mNheKLkz2aaO';

export interface KeyRecord {
  readonly key: string;
  readonly region: Region;
  readonly tier: Tier;
  readonly integrationId: string;
  readonly integrationName: string;
}

const TIER_LABEL: Readonly<Record<Tier, string>> = { free: 'Free', pro: 'Pro', enterprise: 'Enterprise' };

const RECORDS: ReadonlyMap<string, KeyRecord> = new Map(
  (Object.keys(TEST_KEYS) as Region[]).flatMap((region) =>
    (Object.keys(TEST_KEYS[region]) as Tier[]).map((tier): [string, KeyRecord] => {
      const key = TEST_KEYS[region][tier];
      return [
        key,
        {
          key,
          region,
          tier,
          integrationId: `int_${region}_${tier}_${hash32(key).toString(16).padStart(8, '0')}`,
          integrationName: `Contract Test Integration (${region.toUpperCase()}, ${TIER_LABEL[tier]})`,
        },
      ];
    }),
  ),
);

export function lookupKey(key: string): KeyRecord | undefined {
  return RECORDS.get(key);
}

/** Dashboard-style mask: keeps the public prefix and the last 4 characters, stars the rest (47 chars). */
export function maskKey(key: string): string {
  const prefix = 'aik_v1_';
  const body = key.slice(prefix.length);
  return `${prefix}${'*'.repeat(Math.max(0, body.length - 4))}${body.slice(-4)}`;
}

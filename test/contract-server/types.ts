/** Shared vocabulary of the contract server: regions, tiers and the per-tier limits from the vendor docs. */
import { PINNED_API_VERSION } from './pinned.js';

export type Region = 'us' | 'eu';
export type Tier = 'free' | 'pro' | 'enterprise';

export const REGIONS: readonly Region[] = ['us', 'eu'];
export const TIERS: readonly Tier[] = ['free', 'pro', 'enterprise'];

/** The API / docs version string, also returned by GET /health. */
export const API_VERSION = PINNED_API_VERSION;

/** Max page size per tier [doc]: larger requests are clamped and echoed in pagination.limit. */
export const TIER_MAX_PAGE_SIZE: Readonly<Record<Tier, number>> = { free: 50, pro: 100, enterprise: 100 };

/** Requests per minute per tier [doc]. */
export const TIER_RATE_LIMITS: Readonly<Record<Tier, number>> = { free: 60, pro: 600, enterprise: 6000 };

/** Available history window per tier, in days [doc]: a startDate older than this yields an empty page. */
export const TIER_HISTORY_DAYS: Readonly<Record<Tier, number>> = { free: 7, pro: 30, enterprise: 7 * 365 };

/** What the last page of a list says about nextCursor (docs: "may be missing or an empty string"). */
export type LastPageCursor = 'omit' | 'empty' | 'null';

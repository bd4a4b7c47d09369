/** Per-bucket sliding-window rate limiter with an injectable clock. */

import type { Tier } from './types.js';

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly limits: Readonly<Record<Tier, number>>,
    private readonly windowMs: number,
  ) {}

  /** Records the request if it fits in the window; rejected requests are not counted. */
  check(bucket: string, tier: Tier): RateDecision {
    const now = this.now();
    const times = (this.hits.get(bucket) ?? []).filter((t) => t > now - this.windowMs);
    this.hits.set(bucket, times);
    const oldest = times[0];
    if (times.length >= this.limits[tier] && oldest !== undefined) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    if (this.limits[tier] <= 0) return { allowed: false, retryAfterSeconds: Math.ceil(this.windowMs / 1000) };
    times.push(now);
    return { allowed: true };
  }

  reset(): void {
    this.hits.clear();
  }
}

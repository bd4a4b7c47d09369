import { APIConnectionError, APIError } from './errors.js';
import { parseRetryAfterMs } from './retry-after.js';
import { wasUnsent } from './unsent.js';

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8000;
/** Server-suggested waits are honoured only up to this; beyond it we fall back to backoff. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Whether a failure is worth another attempt: connection errors and timeouts (the request may
 * never have arrived), 408 (server timed out), 409 (lock contention), 429 and 5xx.
 * Caller aborts, invalid responses and other 4xx are final.
 *
 * `resendable` false is a call that must not run twice (a POST with no idempotency key, see
 * idempotency.ts): then only failures that prove the server did not act on it are retried, a
 * connection that was never made (unsent.ts) and a 429 that says when to come back (a rate
 * limiter turned it away before it was handled).
 */
export function shouldRetry(reason: number | unknown, resendable = true): boolean {
  if (!resendable) return wasUnsent(reason) || (reason instanceof APIError && isRateLimitRefusal(reason));
  if (typeof reason === 'number') {
    return reason === 408 || reason === 409 || reason === 429 || reason >= 500;
  }
  if (reason instanceof APIError) return shouldRetry(reason.status);
  return reason instanceof APIConnectionError; // includes APITimeoutError
}

/** A 429 whose `Retry-After` (or `retry-after-ms`) says when to try again. */
function isRateLimitRefusal(error: APIError): boolean {
  return error.status === 429 && parseRetryAfterMs(error.headers, Date.now()) !== undefined;
}

/**
 * Exponential backoff: 500 ms doubling per attempt, capped at 8 s, then jittered down by up
 * to 25% so a crowd of clients does not retry in lockstep.
 * @param attempt 1-based number of the attempt that just failed.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

/**
 * How long to wait before the next attempt. A server hint (`retry-after-ms`, then
 * `Retry-After` seconds or HTTP date) is honoured as-is when it lies within 0..60 s;
 * a missing, garbage, negative or longer hint falls back to backoff.
 * @param attempt 1-based number of the attempt that just failed.
 */
export function retryDelayMs(
  attempt: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: number = Date.now(),
): number {
  const hinted = parseRetryAfterMs(headers, now);
  if (hinted !== undefined && hinted >= 0 && hinted <= MAX_RETRY_AFTER_MS) return Math.ceil(hinted);
  return backoffDelayMs(attempt, random);
}

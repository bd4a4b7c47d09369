import { describe, expect, it } from 'vitest';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  ClientError,
  InvalidResponseError,
} from '../../templates/runtime/errors.js';
import { parseRetryAfterMs } from '../../templates/runtime/retry-after.js';
import { backoffDelayMs, retryDelayMs, shouldRetry } from '../../templates/runtime/retry.js';
import { settings } from './fixtures.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const noJitter = (): number => 0;
const fullJitter = (): number => 1;

describe('shouldRetry', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
    [200, false],
    [304, false],
  ])('status %i -> %s', (status, expected) => {
    expect(shouldRetry(status)).toBe(expected);
  });

  it('classifies errors', () => {
    const apiError = (status: number): APIError => APIError.from(status, '', new Headers(), 0, settings);
    expect(shouldRetry(apiError(429))).toBe(true);
    expect(shouldRetry(apiError(503))).toBe(true);
    expect(shouldRetry(apiError(404))).toBe(false);
    expect(shouldRetry(new APIConnectionError())).toBe(true);
    expect(shouldRetry(new APITimeoutError())).toBe(true);
    expect(shouldRetry(new APIUserAbortError())).toBe(false);
    expect(shouldRetry(new InvalidResponseError('x', 200, new Headers(), settings))).toBe(false);
    expect(shouldRetry(new ClientError('x'))).toBe(false);
    expect(shouldRetry(new TypeError('x'))).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  it.each([
    [1, 500, 375],
    [2, 1000, 750],
    [3, 2000, 1500],
    [4, 4000, 3000],
    [5, 8000, 6000],
    [6, 8000, 6000],
    [20, 8000, 6000],
  ])('attempt %i: %i ms without jitter, %i ms with full jitter', (attempt, max, min) => {
    expect(backoffDelayMs(attempt, noJitter)).toBe(max);
    expect(backoffDelayMs(attempt, fullJitter)).toBe(min);
  });

  it('jitter scales by 1 - 0.25 * random', () => {
    expect(backoffDelayMs(2, () => 0.5)).toBe(875);
  });
});

describe('retryDelayMs', () => {
  const delay = (headers: Record<string, string>, attempt = 1): number =>
    retryDelayMs(attempt, new Headers(headers), noJitter, NOW);

  it.each([
    ['no headers', {}, 500],
    ['Retry-After seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After 0', { 'retry-after': '0' }, 0],
    ['Retry-After fractional', { 'retry-after': '1.5' }, 1500],
    ['Retry-After with spaces', { 'retry-after': ' 2 ' }, 2000],
    ['Retry-After exactly 60 s', { 'retry-after': '60' }, 60_000],
    ['Retry-After over 60 s -> backoff', { 'retry-after': '61' }, 500],
    ['Retry-After negative -> backoff', { 'retry-after': '-1' }, 500],
    ['Retry-After garbage -> backoff', { 'retry-after': 'soon' }, 500],
    ['Retry-After garbage with digits -> backoff', { 'retry-after': 'in 5 minutes' }, 500],
    // V8's Date.parse reads this as 2026-01-01T00:00:00 (= NOW): it must not become a 0 ms wait.
    ['Retry-After garbage that Date.parse accepts -> backoff', { 'retry-after': 'later 2026' }, 500],
    ['Retry-After HTTP date', { 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }, 7000],
    ['Retry-After HTTP date (RFC 850)', { 'retry-after': 'Thursday, 01-Jan-26 00:00:12 GMT' }, 12_000],
    ['Retry-After HTTP date in the past -> backoff', { 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, 500],
    ['Retry-After HTTP date 2 min ahead -> backoff', { 'retry-after': 'Thu, 01 Jan 2026 00:02:00 GMT' }, 500],
    ['retry-after-ms', { 'retry-after-ms': '250' }, 250],
    ['retry-after-ms wins over Retry-After', { 'retry-after-ms': '250', 'retry-after': '5' }, 250],
    ['retry-after-ms garbage -> Retry-After', { 'retry-after-ms': 'x', 'retry-after': '5' }, 5000],
    ['retry-after-ms over 60 s -> backoff', { 'retry-after-ms': '60001' }, 500],
    ['retry-after-ms fractional rounds up', { 'retry-after-ms': '10.2' }, 11],
  ])('%s', (_label, headers, expected) => {
    expect(delay(headers)).toBe(expected);
  });

  it('falls back to the backoff of the given attempt', () => {
    expect(delay({ 'retry-after': 'garbage' }, 3)).toBe(2000);
    expect(retryDelayMs(4, undefined, noJitter, NOW)).toBe(4000);
  });

  it('server hints are not jittered', () => {
    expect(retryDelayMs(1, new Headers({ 'retry-after': '2' }), fullJitter, NOW)).toBe(2000);
  });
});

describe('parseRetryAfterMs', () => {
  it('returns raw values, range unchecked', () => {
    expect(parseRetryAfterMs(new Headers({ 'retry-after': '120' }), NOW)).toBe(120_000);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }), NOW)).toBe(-60_000);
    expect(parseRetryAfterMs(new Headers(), NOW)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
  });
});

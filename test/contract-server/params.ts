/** Query-parameter readers. An empty value counts as absent; a bad value throws VALIDATION_ERROR {field}. */

import { validationError } from './errors.js';
import { parseDateTime } from './time.js';

const INTEGER = /^[+-]?\d+$/;

export function readString(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

export function readBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const value = readString(query, name);
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw validationError(name, `${name} must be true or false`);
}

/** ISO-8601 date or date-time; returns Unix ms. */
export function readDateTime(query: URLSearchParams, name: string): number | undefined {
  const value = readString(query, name);
  if (value === undefined) return undefined;
  const ms = parseDateTime(value);
  if (ms === undefined) throw validationError(name, `${name} must be an ISO-8601 date-time`);
  return ms;
}

/** Signed integer that fits in a JS safe integer (covers int64 Unix milliseconds). */
export function readInt64(query: URLSearchParams, name: string): number | undefined {
  const value = readString(query, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!INTEGER.test(value) || !Number.isSafeInteger(n)) throw validationError(name, `${name} must be an integer`);
  return n;
}

export function readInt32(query: URLSearchParams, name: string, min: number): number | undefined {
  const value = readString(query, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!INTEGER.test(value) || n < min || n > 2147483647) {
    throw validationError(name, `${name} must be an integer >= ${min}`);
  }
  return n;
}

export function readEnum<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  caseInsensitive = false,
): T | undefined {
  const value = readString(query, name);
  if (value === undefined) return undefined;
  const found = allowed.find((a) => (caseInsensitive ? a.toLowerCase() === value.toLowerCase() : a === value));
  if (found === undefined) throw validationError(name, `${name} must be one of ${allowed.join(', ')}`);
  return found;
}

import { ClientError } from './errors.js';

type QueryScalar = string | number | bigint | boolean | Date;
/** What a query parameter may hold; null/undefined mean "leave it out". */
export type QueryValue = QueryScalar | null | undefined | readonly (QueryScalar | null | undefined)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

/**
 * Serialises query parameters form-style (arrays exploded as `a=1&a=2`), keys in insertion
 * order, percent-encoded by URLSearchParams. Returns "" when nothing is left, otherwise the
 * string without the leading "?". Takes `object` so generated param interfaces (which have no
 * index signature) can be passed straight in.
 */
export function serializeQuery(query: object | undefined): string {
  if (query === undefined || query === null) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (item === undefined || item === null) continue;
        params.append(key, formatScalar(key, item));
      }
    } else {
      params.append(key, formatScalar(key, value));
    }
  }
  return params.toString();
}

function formatScalar(key: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'number':
      // NaN / Infinity are never what the caller meant to send.
      if (!Number.isFinite(value)) throw new ClientError(`Query parameter "${key}" must be a finite number`);
      return String(value);
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new ClientError(`Query parameter "${key}" is an invalid Date`);
        return value.toISOString();
      }
      throw new ClientError(
        `Query parameter "${key}" cannot be serialised: expected a string, number, boolean, Date or an array of them`,
      );
  }
}

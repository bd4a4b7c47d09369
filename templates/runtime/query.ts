import { ClientError } from './errors.js';

type QueryScalar = string | number | bigint | boolean | Date;
/** What a query parameter may hold; null/undefined mean "leave it out". */
export type QueryValue = QueryScalar | null | undefined | readonly (QueryScalar | null | undefined)[];
export type QueryParams = Readonly<Record<string, QueryValue>>;

/** OpenAPI serialisation of one query parameter (defaults: style "form", explode true). */
export interface QueryStyle {
  style?: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode?: boolean;
}

/** Adds one styled parameter (query-styles.ts; settings.queryStyles, for APIs that declare styles). */
export type QueryStyler = (params: URLSearchParams, key: string, value: unknown, style: QueryStyle) => void;

/**
 * Serialises query parameters per OpenAPI 3 styles, keys in insertion order, percent-encoded by
 * URLSearchParams. A parameter without a style is form/explode (arrays as `a=1&a=2`, objects as
 * their properties); one with a style in `styles` goes to `styled`, which only clients whose API
 * declares styles bundle. Returns "" when nothing is left, otherwise the string without the
 * leading "?". Takes `object` so generated param interfaces (which have no index signature) can
 * be passed straight in.
 */
export function serializeQuery(
  query: object | undefined,
  styles?: Readonly<Record<string, QueryStyle>>,
  styled?: QueryStyler,
): string {
  if (query === undefined || query === null) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null) continue;
    const style = styles?.[key];
    if (style !== undefined) {
      // The generator sets the styler for every API whose operations declare a style.
      if (styled === undefined) throw new ClientError('This client was generated without query styles');
      styled(params, key, value, style);
    } else if (Array.isArray(value)) {
      for (const item of value as unknown[])
        if (item !== undefined && item !== null) params.append(key, formatScalar(key, item));
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value))
        if (v !== undefined && v !== null) params.append(k, formatScalar(`${key}.${k}`, v));
    } else {
      params.append(key, formatScalar(key, value));
    }
  }
  return params.toString();
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Date) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

export function formatScalar(key: string, value: unknown): string {
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
        `Query parameter "${key}" cannot be serialised: expected a string, number, boolean, Date, or an array or object of them`,
      );
  }
}

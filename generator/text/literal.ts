import { escapeInvisible } from './invisible.js';

/**
 * A JS/TS literal for any JSON value. Invisible and control characters (bidi overrides, U+2028…)
 * are written as `\u` escapes (generator/text/invisible.ts): the same string, visibly spelled. A
 * `__proto__` key is printed computed (`["__proto__"]`): written plainly, in an object literal it
 * sets the prototype instead of making a key. Not for JSON files, for that reason.
 */
export function literal(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError(`No literal for ${typeof value}`);
  return escapeInvisible(printJson(JSON.parse(json)));
}

function printJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(printJson).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${literalKey(k)}:${printJson(v)}`).join(',')}}`;
  return JSON.stringify(value);
}

/** A key of an object literal for any string: quoted, and computed for `__proto__` (see literal). */
export function literalKey(key: string): string {
  return key === '__proto__' ? '["__proto__"]' : escapeInvisible(JSON.stringify(key));
}

/** `base["a"]["b"]`: indexed access types with keys as string literals. */
export function indexType(base: string, ...keys: readonly string[]): string {
  return base + keys.map((k) => `[${literal(k)}]`).join('');
}

// Generated from Not AI Public API by notai-codegen. Do not edit. Copied from templates/mcp/own.ts.
/**
 * Objects keyed by spec or API data (parameter names, item properties, schema names): such a key
 * may be `__proto__`, `constructor` or `toString`, so reads check own properties and writes
 * define them, never `obj[key] = value` (which would set the prototype for `__proto__`).
 */

/** The own property `key` of `obj`, or undefined (never an inherited one such as `toString`). */
export function getOwn(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Sets `obj[key]` as an own, enumerable data property, whatever the key. */
export function setOwn<T extends object>(obj: T, key: string, value: unknown): T {
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  return obj;
}

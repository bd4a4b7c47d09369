/**
 * JSON values as the generator reads them from a spec: the one object test, the one canonical
 * form (keys sorted by code unit, arrays in order) and the pointer helpers that the spec store,
 * the IR, the diff and the schema view share, so "the same JSON" means the same thing everywhere.
 */
import { escapePointerSegment } from '../errors.js';
import { decodePointerSegment } from '../json-pointer.js';

export type JsonObject = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value with every object's keys sorted (code-unit order); arrays keep their order. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (typeof value === 'object' && value !== null) {
    const sorted: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      // defineProperty, not assignment: a key named "__proto__" must stay data, not a prototype.
      Object.defineProperty(sorted, key, { value: canonicalize((value as JsonObject)[key]), enumerable: true, writable: true, configurable: true });
    }
    return sorted;
  }
  return value;
}

/** Canonical JSON on one line: a key for comparing values (enum members, examples, defaults). `undefined` reads "undefined". */
export function canonicalKey(value: unknown): string {
  return JSON.stringify(canonicalize(value)) ?? 'undefined';
}

/** Canonical JSON as a file: two-space indent, final newline (a pinned spec, its lock). */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}

/** `child('#/a', 'b/c', 0)` → `#/a/b~1c/0`. */
export function child(pointer: string, ...segments: readonly (string | number)[]): string {
  return segments.reduce<string>((acc, s) => `${acc}/${escapePointerSegment(s)}`, pointer);
}

/** Splits `#/a/b~1c` into `['a', 'b/c']` (segments URI-decoded as a `$ref`'s are). */
export function segmentsOf(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body.slice(1).split('/').map(decodePointerSegment);
}

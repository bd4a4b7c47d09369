import { escapePointerSegment } from '../errors.js';
import type { Json } from './types.js';

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `child('#/a', 'b/c', 0)` → `#/a/b~1c/0`. */
export function child(pointer: string, ...segments: readonly (string | number)[]): string {
  return segments.reduce<string>((acc, s) => `${acc}/${escapePointerSegment(s)}`, pointer);
}

/** Splits `#/a/b~1c` into `['a', 'b/c']`. */
export function segmentsOf(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((s) => safeDecode(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `$ref` fragments may be percent-encoded (`%7Bid%7D`); pointers built here never are. */
function safeDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The value at a local pointer (`#/components/schemas/X`), or undefined. Non-local refs are not followed. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  let current: unknown = doc;
  for (const segment of segmentsOf(pointer)) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isObject(current)) current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    else return undefined;
  }
  return current;
}

/** Follows a chain of `$ref`s (objects other than schemas: parameters, responses, headers…). */
export function deref(doc: unknown, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) return { node: {}, pointer: at };
    seen.add(ref);
    at = ref;
    current = resolvePointer(doc, ref);
  }
  return { node: current, pointer: at };
}

/** JSON text with object keys sorted, for comparing values (enum members, examples). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isObject(v)) return v;
    const sorted: Json = {};
    for (const key of Object.keys(v).sort()) sorted[key] = v[key];
    return sorted;
  }) ?? 'undefined';
}

/** Inline code for messages: `` `x` ``. */
export function code(text: string | number): string {
  return `\`${String(text)}\``;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function sortedUnion<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])].sort((x, y) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0));
}

import type { NormalizedProblem } from '@redocly/openapi-core';
import { decodePointerSegment } from '../json-pointer.js';

/**
 * Redocly's walker looks each key of the document up in plain-object type maps
 * (`type.properties[key]`), so a key that names an `Object.prototype` member (a schema or a
 * property called `hasOwnProperty`, `valueOf`, `toLocaleString`) finds the inherited method, calls
 * it, and the whole spec is refused with "Cannot convert undefined or null to object". Redocly is
 * given a copy in which such keys, and the `$ref` segments naming them, carry a mark; its problems
 * and its bundle are read back without it. Specs without such keys are passed through untouched.
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
const MARK = '__codegen_shielded__';
const MARKED = new RegExp(MARK, 'g');

function refNeedsMark(ref: string): boolean {
  const hash = ref.indexOf('#');
  return hash >= 0 && ref.slice(hash + 1).split('/').some((segment) => PROTOTYPE_NAMES.has(decodePointerSegment(segment)));
}

function markRef(ref: string): string {
  const hash = ref.indexOf('#');
  const segments = ref.slice(hash + 1).split('/').map((segment) => (PROTOTYPE_NAMES.has(decodePointerSegment(segment)) ? MARK + decodePointerSegment(segment) : segment));
  return `${ref.slice(0, hash)}#${segments.join('/')}`;
}

/** Whether any key, or any `$ref` segment, names an `Object.prototype` member. Iterative. */
export function needsShield(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const key of Object.keys(node)) {
      const value = (node as Record<string, unknown>)[key];
      if (PROTOTYPE_NAMES.has(key)) return true;
      if (key === '$ref' && typeof value === 'string' && refNeedsMark(value)) return true;
      stack.push(value);
    }
  }
  return false;
}

/** Sets an own property even for `__proto__`, which assignment would take as the prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy with every key and key-naming ref segment renamed by `rename` (depth is bounded at load). */
function copyWith(node: unknown, renameKey: (key: string) => string, renameRef: (ref: string) => string): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => copyWith(item, renameKey, renameRef));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = (node as Record<string, unknown>)[key];
    define(copy, renameKey(key), key === '$ref' && typeof value === 'string' ? renameRef(value) : copyWith(value, renameKey, renameRef));
  }
  return copy;
}

/** The document Redocly may walk: marked where needed, else the same object. */
export function shield<T>(document: T): T {
  if (!needsShield(document)) return document;
  return copyWith(
    document,
    (key) => (PROTOTYPE_NAMES.has(key) ? MARK + key : key),
    (ref) => (refNeedsMark(ref) ? markRef(ref) : ref),
  ) as T;
}

/** The marks taken out of a text (a message, a pointer, a ref). */
export function unshieldText(text: string): string {
  return text.includes(MARK) ? text.replace(MARKED, '') : text;
}

/** A problem as if Redocly had read the document itself. */
export function unshieldProblem(problem: NormalizedProblem): NormalizedProblem {
  return {
    ...problem,
    message: unshieldText(problem.message),
    location: problem.location.map((location) => ({ ...location, pointer: location.pointer === undefined ? undefined : unshieldText(location.pointer) })),
  } as NormalizedProblem;
}

/** Redocly's bundle of a shielded document, with the original keys and refs back. */
export function unshield<T>(document: T): T {
  if (!JSON.stringify(document).includes(MARK)) return document;
  return copyWith(document, unshieldText, unshieldText) as T;
}

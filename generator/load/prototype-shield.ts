import type { NormalizedProblem } from '@redocly/openapi-core';
import { decodePointerSegment } from '../json-pointer.js';

/**
 * Redocly's walker looks each key of the document up in plain-object type maps
 * (`type.properties[key]`), so a key that names an `Object.prototype` member (a schema or a
 * property called `hasOwnProperty`, `valueOf`, `toLocaleString`) finds the inherited method, calls
 * it, and the whole spec is refused with "Cannot convert undefined or null to object". Redocly is
 * given a copy in which such keys, and the `$ref` segments naming them, carry a mark; its problems
 * and its bundle are read back without it. Specs without such keys are passed through untouched
 * (their scan says so, scan.ts).
 */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));
/** A cheap first test of a ref: only one mentioning a member's name can need a mark. */
const MENTIONS_MEMBER = new RegExp([...PROTOTYPE_NAMES].join('|'));
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

/** Whether one object has a key, or a `$ref` segment, naming an `Object.prototype` member. */
export function hasPrototypeKey(node: object): boolean {
  // A dozen own-property checks cost less than listing the keys of every object of a large spec.
  for (const name of PROTOTYPE_NAMES) {
    if (Object.hasOwn(node, name)) return true;
  }
  const ref = (node as { $ref?: unknown }).$ref;
  return typeof ref === 'string' && MENTIONS_MEMBER.test(ref) && refNeedsMark(ref);
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

/** The document Redocly may walk, for one whose scan found a prototype-named key (scan.ts). */
export function shield<T>(document: T): T {
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

/** Redocly's bundle of a document of which some part was shielded, with the original keys and refs back. */
export function unshield<T>(document: T): T {
  return copyWith(document, unshieldText, unshieldText) as T;
}

import { canonicalKey as canonical, isObject } from '../schema/json.js';
import { str } from './json.js';
import type { Emit } from './sink.js';

/** Documentation-only kinds start with `docs-`; they never move the verdict above `patch`. */
export const DOCS_PREFIX = 'docs-' as const;

export function isDocsKind(kind: string): boolean {
  return kind.startsWith(DOCS_PREFIX);
}

/** A text field (`description`, `summary`, `title`) added, changed or removed. */
export function diffDocText(emit: Emit, field: 'description' | 'summary' | 'title', oldValue: unknown, newValue: unknown, pointer: string, subject: string): void {
  const o = str(oldValue);
  const n = str(newValue);
  if (o === n) return;
  emit(`${DOCS_PREFIX}${field}-changed`, pointer, { subject, change: changeOf(o, n) });
}

/** Whether a value was added, removed or changed (the caller knows it differs). */
export function changeOf(o: unknown, n: unknown): 'added' | 'changed' | 'removed' {
  return o === undefined ? 'added' : n === undefined ? 'removed' : 'changed';
}

/** `example` / `examples` of a parameter, media type or header (a lone `example` equals a one-entry list). */
export function diffDocExamples(emit: Emit, oldNode: unknown, newNode: unknown, pointer: string, subject: string): void {
  const o = examplesOf(oldNode);
  const n = examplesOf(newNode);
  if (o === n) return;
  emit('docs-example-changed', pointer, { subject, change: changeOf(o, n) });
}

function examplesOf(node: unknown): string | undefined {
  if (!isObject(node)) return undefined;
  if ('example' in node) return canonical([node.example]);
  if (isObject(node.examples)) return canonical(Object.values(node.examples).map((e) => (isObject(e) && 'value' in e ? e.value : e)));
  return undefined;
}

import { lookupPointer } from '../json-pointer.js';
import { RefResolver } from '../schema/resolve.js';
import { isObject, segmentsOf } from '../schema/json.js';

/**
 * openapi-typescript writes into the document it converts: for each discriminator it adds the
 * tag's enum to the schemas the discriminator names (their `allOf`, `properties`, `required`).
 * The types emitter hands it this copy, so the IR's document stays as the spec says.
 *
 * Only what it can write into is copied: every schema a discriminator names (a `oneOf` member or
 * a `mapping` value, after following `$ref` chains as it does) is deep-copied; the containers on the way from the root to them are copied shallowly; everything else is shared. On
 * GitHub's spec that is a few dozen objects instead of the whole document (a `structuredClone`
 * cost 0.2–0.3 s a run). A document whose objects are shared between places (YAML anchors) gets
 * a whole copy, so a write shows in every place it would have shown before.
 */
export function converterCopy(document: Record<string, unknown>, scan: ConverterWrites = converterWritesOf(document)): Record<string, unknown> {
  if (scan.shared) return structuredClone(document);
  const targets = writeTargets(document, scan.named);
  if (targets.length === 0) return document;
  const root: Trie = new Map();
  for (const target of targets) {
    let node = root;
    for (const segment of target) {
      let next = node.get(segment);
      if (next === undefined) node.set(segment, (next = new Map()));
      node = next;
    }
    node.set(WHOLE, new Map());
  }
  return copyAlong(document, root) as Record<string, unknown>;
}

/** Segments of a path from the root; the WHOLE key marks a node copied deeply. */
type Trie = Map<string, Trie>;
const WHOLE = '\0whole';

function copyAlong(node: unknown, trie: Trie): unknown {
  if (trie.has(WHOLE)) return structuredClone(node);
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
  for (const [segment, below] of trie) {
    if (Object.hasOwn(copy, segment)) (copy as Record<string, unknown>)[segment] = copyAlong((node as Record<string, unknown>)[segment], below);
  }
  return copy;
}

/**
 * What decides the copy: the refs discriminators name, and whether some object is reachable from
 * two places. ir/types-document.ts gathers it in the walk it makes anyway (`ApiIR.typesInput`).
 */
export interface ConverterWrites {
  named: string[];
  shared: boolean;
}

/**
 * The refs one node's discriminator names: openapi-typescript writes only into those (a `oneOf`
 * member or a `mapping` value; a schema inheriting a discriminator through `allOf` is written into
 * only when the inherited mapping names it, and that mapping is in the document too).
 */
export function discriminatorNames(node: Record<string, unknown>): string[] {
  const discriminator = node.discriminator;
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return [];
  const named: string[] = [];
  if (Array.isArray(node.oneOf)) for (const item of node.oneOf) if (isObject(item) && typeof item.$ref === 'string') named.push(item.$ref);
  if (isObject(discriminator.mapping)) for (const value of Object.values(discriminator.mapping)) if (typeof value === 'string') named.push(value);
  return named;
}

/** ConverterWrites of a document nobody has walked yet. */
export function converterWritesOf(document: Record<string, unknown>): ConverterWrites {
  const writes: ConverterWrites = { named: [], shared: false };
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (seen.has(node)) {
      writes.shared = true;
      return;
    }
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    writes.named.push(...discriminatorNames(node as Record<string, unknown>));
    for (const value of Object.values(node)) visit(value);
  };
  visit(document);
  return writes;
}

/** Where openapi-typescript may write: each named ref followed as it resolves one, every step. */
function writeTargets(document: Record<string, unknown>, named: readonly string[]): string[][] {
  const resolver = new RefResolver(document, '');
  const writable = new Set<string>();
  for (const ref of named) {
    if (!ref.startsWith('#/')) continue;
    for (const step of resolver.chain(lookupPointer(document, ref), ref)) if (step.value !== undefined && step.pointer.startsWith('#/')) writable.add(step.pointer);
  }
  return [...writable].map(segmentsOf);
}

import { isObject } from '../schema/json.js';

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
export function converterCopy(document: Record<string, unknown>): Record<string, unknown> {
  const scan = scanForWrites(document);
  if (scan.shared) return structuredClone(document);
  if (scan.targets.length === 0) return document;
  const root: Trie = new Map();
  for (const target of scan.targets) {
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

interface WriteScan {
  /** Paths (segments from the root) of the objects openapi-typescript may write into. */
  targets: string[][];
  /** Some object is reachable from two places. */
  shared: boolean;
}

function scanForWrites(document: Record<string, unknown>): WriteScan {
  // It writes only into schemas a discriminator names: a `oneOf` member or a `mapping` value (a
  // schema inheriting a discriminator through `allOf` is written into only when the inherited
  // mapping names it, and that mapping is in the document too).
  const named: string[] = [];
  const seen = new Set<object>();
  let shared = false;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (seen.has(node)) {
      shared = true;
      return;
    }
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const object = node as Record<string, unknown>;
    const discriminator = object.discriminator;
    if (isObject(discriminator) && typeof discriminator.propertyName === 'string') {
      if (Array.isArray(object.oneOf)) for (const item of object.oneOf) if (isObject(item) && typeof item.$ref === 'string') named.push(item.$ref);
      if (isObject(discriminator.mapping)) for (const value of Object.values(discriminator.mapping)) if (typeof value === 'string') named.push(value);
    }
    for (const value of Object.values(object)) visit(value);
  };
  visit(document);
  const writable = new Set<string>();
  for (const ref of named) for (const pointer of refChain(document, ref)) writable.add(pointer);
  return { targets: [...writable].map(segmentsOf).filter((s): s is string[] => s !== undefined), shared };
}

/** The ref and every ref it leads to (as openapi-typescript resolves: follow `$ref` until a schema). */
function refChain(document: Record<string, unknown>, ref: string): string[] {
  const chain: string[] = [];
  for (let current: string | undefined = ref; current !== undefined && current.startsWith('#/') && !chain.includes(current); ) {
    chain.push(current);
    const segments = segmentsOf(current);
    let node: unknown = document;
    for (const segment of segments ?? []) node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
    current = isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
  }
  return chain;
}

function segmentsOf(pointer: string): string[] | undefined {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

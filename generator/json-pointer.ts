/**
 * Local JSON-pointer `$ref`s (`#/components/schemas/X`), shared by the loader's checks, the IR's
 * resolver and the types pre-pass so they agree on what a ref names.
 */

/** One RFC 6901 segment, also URI-decoded as refs in URIs are; a malformed `%` is kept as is. */
export function decodePointerSegment(segment: string): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
  } catch {
    // Not URI-encoded after all: use the raw text.
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value a local ref names, or undefined. Only own properties count (`#/constructor` names nothing). */
export function lookupPointer(root: unknown, ref: string): unknown {
  const path = ref.replace(/^#\/?/, '');
  let node: unknown = root;
  for (const key of path === '' ? [] : path.split('/').map(decodePointerSegment)) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

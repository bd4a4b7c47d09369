import { escapePointerSegment } from '../errors.js';
import { pointerOfVisit, type Visit } from './walk.js';

/** A reference to another document: what the validator would load, and where it is written. */
export interface ExternalRef {
  kind: '$ref' | 'externalValue' | 'discriminator mapping';
  /** The text as written (`./schemas/pet.yaml#/Pet`, an `externalValue`, a mapping value). */
  ref: string;
  /** The document part, without the fragment: what is resolved against the base. */
  uri: string;
  pointer: string;
}

/** Redocly's split of a ref into document and fragment (`a.yaml#/X` → `a.yaml`). */
function documentPart(ref: string): string {
  const uri = ref.split('#/')[0] ?? '';
  return uri.endsWith('#') ? uri.slice(0, -1) : uri;
}

/** Redocly's test for a discriminator mapping value that is a ref rather than a schema name. */
function isMappingRef(value: string): boolean {
  return value.startsWith('#') || value.startsWith('https://') || value.startsWith('http://') || value.includes('/');
}

/**
 * The places in one object that make Redocly load another document, added to `found`: a `$ref`
 * (it follows refs anywhere, even inside extensions and examples), an example's `externalValue`
 * (bundling inlines the file's text) and a discriminator mapping value written as a ref. Called
 * for every object of a document by its one scan (scan.ts).
 */
export function collectExternalRefs(at: Visit, found: ExternalRef[]): void {
  const node = at.value as Record<string, unknown>;
  const mapping = at.key === 'discriminator' ? node.mapping : undefined;
  // Most objects of a spec have none of the three: no closure is made for them.
  if (node.$ref === undefined && node.externalValue === undefined && mapping === undefined) return;
  const add = (kind: ExternalRef['kind'], ref: unknown, pointer: () => string): void => {
    if (typeof ref !== 'string') return;
    const uri = documentPart(ref);
    if (uri !== '' && !ref.startsWith('#')) found.push({ kind, ref, uri, pointer: pointer() });
  };
  add('$ref', node.$ref, () => pointerOfVisit(at));
  add('externalValue', node.externalValue, () => `${pointerOfVisit(at)}/externalValue`);
  if (typeof mapping === 'object' && mapping !== null) {
    for (const [name, value] of Object.entries(mapping)) {
      if (typeof value === 'string' && isMappingRef(value)) add('discriminator mapping', value, () => `${pointerOfVisit(at)}/mapping/${escapePointerSegment(name)}`);
    }
  }
}

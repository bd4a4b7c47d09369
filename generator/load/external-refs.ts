import { pointerOfVisit, walkContainers } from './walk.js';

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
 * Every place in a document that makes Redocly load another document: a `$ref` anywhere (it
 * follows refs even inside extensions and examples), an example's `externalValue` (bundling
 * inlines the file's text) and a discriminator mapping value written as a ref. Iterative, so it
 * also runs safely before the depth check has had its say on nested files.
 */
export function externalRefs(root: unknown): ExternalRef[] {
  const found: ExternalRef[] = [];
  const add = (kind: ExternalRef['kind'], ref: unknown, pointer: () => string): void => {
    if (typeof ref !== 'string') return;
    const uri = documentPart(ref);
    if (uri !== '' && !ref.startsWith('#')) found.push({ kind, ref, uri, pointer: pointer() });
  };
  walkContainers(root, (at) => {
    if (Array.isArray(at.value)) return;
    const node = at.value as Record<string, unknown>;
    add('$ref', node.$ref, () => pointerOfVisit(at));
    add('externalValue', node.externalValue, () => `${pointerOfVisit(at)}/externalValue`);
    const mapping = at.key === 'discriminator' ? node.mapping : undefined;
    if (typeof mapping === 'object' && mapping !== null) {
      for (const [name, value] of Object.entries(mapping)) {
        if (typeof value === 'string' && isMappingRef(value)) add('discriminator mapping', value, () => `${pointerOfVisit(at)}/mapping/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  });
  return found;
}

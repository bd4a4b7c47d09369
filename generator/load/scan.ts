import { MAX_DEPTH, tooDeep } from './depth.js';
import { collectExternalRefs, type ExternalRef } from './external-refs.js';
import { hasPrototypeKey } from './prototype-shield.js';
import { pointerOfVisit, walkContainers } from './walk.js';

/** What the loader needs to know of a document before Redocly or any recursive code reads it. */
export interface DocumentScan {
  /** Every reference to another document, for the ref policy and the bundling decision. */
  externalRefs: ExternalRef[];
  /** Whether Redocly must be given a shielded copy (prototype-shield.ts). */
  prototypeKeys: boolean;
}

/**
 * One iterative pass over a parsed document (the spec, or a file one of its refs names): refuses
 * nesting past `limit` at the first container past it, and collects what the loader decides from.
 * One pass rather than one per question: on GitHub's spec each walk costs 15–90 ms.
 */
export function scanDocument(root: unknown, location: string, limit = MAX_DEPTH): DocumentScan {
  const scan: DocumentScan = { externalRefs: [], prototypeKeys: false };
  walkContainers(root, (at) => {
    if (at.depth > limit) throw tooDeep(pointerOfVisit(at), location, limit);
    if (Array.isArray(at.value)) return;
    collectExternalRefs(at, scan.externalRefs);
    if (!scan.prototypeKeys && hasPrototypeKey(at.value)) scan.prototypeKeys = true;
  });
  return scan;
}
